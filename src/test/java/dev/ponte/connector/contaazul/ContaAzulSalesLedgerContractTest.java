package dev.ponte.connector.contaazul;

import dev.ponte.connector.SalesLedger;
import dev.ponte.connector.contract.SalesLedgerContract;
import dev.ponte.connector.contract.Sandbox;
import dev.ponte.support.MemoryAccess;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.extension.ExtendWith;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;

/** {@link SalesLedgerContract} for Conta Azul, over its sandbox: a sale pending review is {@code EM_ANDAMENTO}. */
@QuarkusTest
@ExtendWith(LiftedLimits.class)
class ContaAzulSalesLedgerContractTest extends SalesLedgerContract {

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
    protected SalesLedger sales() {
        return (SalesLedger) connector.open(new MemoryAccess(credentials));
    }

    @Override
    protected String currency() {
        return "BRL";
    }

    @Override
    protected String seedCustomer() {
        return ContaAzulSandboxSeeds.api(credentials).body(Map.of("nome", "Alfa Comércio Ltda", "tipo_pessoa",
                "Jurídica", "cnpj", "11222333000181", "perfis", List.of(Map.of("tipo_perfil", "Cliente"))))
                .post(sandbox().path("/v1/pessoas")).then().statusCode(200).extract().path("id");
    }

    @Override
    protected String seedItem() {
        return ContaAzulSandboxSeeds.api(credentials).body(Map.of("nome", "Caneta", "codigo_sku", "CAN-01",
                "estoque", Map.of("valor_venda", 5.5, "estoque_disponivel", 100)))
                .post(sandbox().path("/v1/produtos")).then().statusCode(200).extract().path("id");
    }

    @Override
    protected List<String> heldSales() {
        return sandbox().state().getList("vendas.id", String.class);
    }

    @Override
    protected Optional<HeldSale> held(String id) {
        List<Map<String, Object>> vendas = sandbox().state().getList("vendas");
        return vendas.stream().filter(v -> id.equals(v.get("id"))).findFirst().map(v -> new HeldSale(
                "EM_ANDAMENTO".equals(v.get("situacao")), new BigDecimal(String.valueOf(v.get("total")))));
    }
}
