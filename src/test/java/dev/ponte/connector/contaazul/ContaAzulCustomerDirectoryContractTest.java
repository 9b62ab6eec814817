package dev.ponte.connector.contaazul;

import dev.ponte.connector.CustomerDirectory;
import dev.ponte.connector.contract.CustomerDirectoryContract;
import dev.ponte.model.Party;
import dev.ponte.model.PartyKind;
import dev.ponte.model.TaxId;
import dev.ponte.model.TaxIdKind;
import dev.ponte.support.MemoryAccess;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.extension.ExtendWith;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link CustomerDirectoryContract} for Conta Azul, over its sandbox. */
@QuarkusTest
@ExtendWith(LiftedLimits.class)
class ContaAzulCustomerDirectoryContractTest extends CustomerDirectoryContract {

    @Inject
    ContaAzulConnector connector;

    @Inject
    ContaAzulOAuth oauth;

    private Map<String, String> credentials;

    @Override
    protected void reset() {
        ContaAzulSandboxSeeds.SANDBOX.reset();
        credentials = ContaAzulSandboxSeeds.connect(oauth);
    }

    @Override
    protected CustomerDirectory directory() {
        return (CustomerDirectory) connector.open(new MemoryAccess(credentials));
    }

    @Override
    protected TaxId taxId() {
        return TaxId.parse(TaxIdKind.CNPJ, "11.222.333/0001-81");
    }

    @Override
    protected TaxId otherTaxId() {
        return TaxId.parse(TaxIdKind.CPF, "529.982.247-25");
    }

    @Override
    protected Party customer(String name, TaxId taxId) {
        return new Party(PartyKind.COMPANY, name, taxId, null, null, null, "BR", "Pipedrive", null, null);
    }

    @Override
    protected String seedCustomer(Party party) {
        Map<String, Object> pessoa = new HashMap<>(Map.of("nome", party.name(), "tipo_pessoa", "Jurídica",
                "perfis", List.of(Map.of("tipo_perfil", "Cliente"))));
        if (party.taxId() != null) {
            pessoa.put("cnpj", party.taxId().value());
        }
        return ContaAzulSandboxSeeds.api(credentials).body(pessoa).post(ContaAzulSandboxSeeds.SANDBOX
                .path("/v1/pessoas")).then().statusCode(200).extract().path("id");
    }

    @Override
    protected Optional<HeldCustomer> held(String id) {
        List<Map<String, Object>> pessoas = ContaAzulSandboxSeeds.SANDBOX.state().getList("pessoas");
        return pessoas.stream().filter(p -> id.equals(p.get("id"))).findFirst()
                .map(p -> new HeldCustomer((String) p.get("nome"), digits((String) p.get("documento"))));
    }

    private static String digits(String documento) {
        return documento == null || documento.isBlank() ? null : documento.replaceAll("[^0-9A-Za-z]", "");
    }
}
