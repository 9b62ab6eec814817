package dev.ponte.connector.reviso;

import dev.ponte.connector.ItemCatalog;
import dev.ponte.connector.contract.ItemCatalogContract;
import dev.ponte.model.ItemKind;
import dev.ponte.support.MemoryAccess;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;

/** {@link ItemCatalogContract} for Reviso (one catalogue of products), over its sandbox. */
@QuarkusTest
class RevisoItemCatalogContractTest extends ItemCatalogContract {

    @Inject
    RevisoConnector connector;

    @Override
    protected void reset() {
        RevisoSandboxSeeds.SANDBOX.reset();
    }

    @Override
    protected ItemCatalog catalog() {
        return (ItemCatalog) connector.open(new MemoryAccess(RevisoSandboxSeeds.credentials()));
    }

    @Override
    protected String currency() {
        return "EUR";
    }

    @Override
    protected String seedItem(ItemKind kind, String code, String name) {
        return RevisoSandboxSeeds.api().body(Map.of("productNumber", code, "name", name, "salesPrice", 5.5,
                "productGroup", Map.of("productGroupNumber", 1))).post(RevisoSandboxSeeds.SANDBOX.path("/products"))
                .then().statusCode(201).extract().path("productNumber");
    }

    @Override
    protected Optional<HeldItem> held(String id) {
        var response = RevisoSandboxSeeds.get("/products/" + id);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        JsonPath product = response.then().statusCode(200).extract().jsonPath();
        return Optional.of(new HeldItem(product.getString("productNumber"), product.getString("name")));
    }
}
