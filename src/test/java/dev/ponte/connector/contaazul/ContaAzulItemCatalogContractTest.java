package dev.ponte.connector.contaazul;

import dev.ponte.connector.ItemCatalog;
import dev.ponte.connector.contract.ItemCatalogContract;
import dev.ponte.model.ItemKind;
import dev.ponte.support.MemoryAccess;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.extension.ExtendWith;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link ItemCatalogContract} for Conta Azul (products and services), over its sandbox. */
@QuarkusTest
@ExtendWith(LiftedLimits.class)
class ContaAzulItemCatalogContractTest extends ItemCatalogContract {

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
    protected ItemCatalog catalog() {
        return (ItemCatalog) connector.open(new MemoryAccess(credentials));
    }

    @Override
    protected String currency() {
        return "BRL";
    }

    @Override
    protected String seedItem(ItemKind kind, String code, String name) {
        boolean product = kind == ItemKind.PRODUCT;
        Map<String, Object> body = product
                ? Map.of("nome", name, "codigo_sku", code, "estoque", Map.of("valor_venda", 5.5))
                : Map.of("descricao", name, "codigo", code, "preco", 5.5);
        return ContaAzulSandboxSeeds.api(credentials).body(body)
                .post(ContaAzulSandboxSeeds.SANDBOX.path(product ? "/v1/produtos" : "/v1/servicos")).then()
                .statusCode(200).extract().path("id");
    }

    @Override
    protected Optional<HeldItem> held(String id) {
        var state = ContaAzulSandboxSeeds.SANDBOX.state();
        List<Map<String, Object>> produtos = state.getList("produtos");
        List<Map<String, Object>> servicos = state.getList("servicos");
        return produtos.stream().filter(p -> id.equals(p.get("id")))
                .map(p -> new HeldItem((String) p.get("codigo_sku"), (String) p.get("nome")))
                .findFirst().or(() -> servicos.stream().filter(s -> id.equals(s.get("id")))
                        .map(s -> new HeldItem((String) s.get("codigo"), (String) s.get("descricao"))).findFirst());
    }
}
