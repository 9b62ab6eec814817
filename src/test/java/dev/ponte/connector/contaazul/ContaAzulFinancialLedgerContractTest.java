package dev.ponte.connector.contaazul;

import dev.ponte.connector.FinancialLedger;
import dev.ponte.connector.contract.FinancialLedgerContract;
import dev.ponte.connector.contract.Sandbox;
import dev.ponte.model.FinancialEntry.Kind;
import dev.ponte.model.TaxId;
import dev.ponte.model.TaxIdKind;
import dev.ponte.support.MemoryAccess;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link FinancialLedgerContract} for Conta Azul Financeiro, over its sandbox. */
@QuarkusTest
@ExtendWith(LiftedLimits.class)
class ContaAzulFinancialLedgerContractTest extends FinancialLedgerContract {

    @Inject
    ContaAzulConnector connector;

    @Inject
    ContaAzulOAuth oauth;

    private Map<String, String> credentials;

    @BeforeEach
    void connect() {
        credentials = ContaAzulSandboxSeeds.connect(oauth);
    }

    @Override
    protected Sandbox sandbox() {
        return ContaAzulSandboxSeeds.SANDBOX;
    }

    @Override
    protected FinancialLedger ledger() {
        return (FinancialLedger) connector.open(new MemoryAccess(credentials));
    }

    @Override
    protected String currency() {
        return "BRL";
    }

    @Override
    protected TaxId taxId() {
        return TaxId.parse(TaxIdKind.CNPJ, "11.444.777/0001-61");
    }

    @Override
    protected String seedCustomer(String name) {
        return ContaAzulSandboxSeeds.api(credentials).body(Map.of("nome", name, "tipo_pessoa", "Jurídica",
                "perfis", List.of(Map.of("tipo_perfil", "Cliente"))))
                .post(sandbox().path("/v1/pessoas")).then().statusCode(200).extract().path("id");
    }

    @Override
    protected List<HeldEntry> heldEntries() {
        List<Map<String, Object>> eventos = sandbox().state().getList("eventos_financeiros");
        return eventos.stream().map(e -> new HeldEntry((String) e.get("id"),
                "RECEITA".equals(e.get("tipo")) ? Kind.RECEIVABLE : Kind.PAYABLE,
                new BigDecimal(String.valueOf(e.get("valor"))).setScale(2), (String) e.get("id_contato"))).toList();
    }
}
