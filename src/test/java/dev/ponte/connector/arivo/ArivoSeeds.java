package dev.ponte.connector.arivo;

import static io.restassured.RestAssured.given;

import dev.ponte.connector.contract.DealSourceContract.SeedDeal;
import dev.ponte.connector.contract.DealSourceContract.SeedLine;
import dev.ponte.connector.contract.Sandbox;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;

/** Records put into the Arivo sandbox through its API, as an Arivo user would enter them. */
final class ArivoSeeds {

    static final Sandbox SANDBOX = new Sandbox("arivo");
    static final String API_KEY = "sandbox-arivo-key";

    private ArivoSeeds() {
    }

    static RequestSpecification user() {
        return given().header("Authorization", "Token token=" + API_KEY).contentType(ContentType.JSON);
    }

    static String create(String path, Map<String, Object> body) {
        return user().body(body).post(SANDBOX.path(path)).then().statusCode(201).extract().jsonPath().getString("id");
    }

    static void setStatus(String deal, String status) {
        user().body(Map.of("status", status)).put(SANDBOX.path("/deals/" + deal)).then().statusCode(200);
    }

    /** The deal with its company, person and products, then marked won; answers its id. */
    static String wonDeal(SeedDeal deal) {
        String company = create("/contacts", Map.of("contact_type", "company", "name", deal.organization()));
        String person = create("/contacts", Map.of("contact_type", "person", "name", deal.person(),
                "company_id", company, "emails", List.of(Map.of("address", deal.email(), "type", "work"))));
        String id = create("/deals", Map.of("name", deal.title(), "value", deal.value().amount(),
                "company_id", company, "contact_id", person));
        for (SeedLine line : deal.lines()) {
            String product = create("/products", Map.of("name", line.name(), "code", line.code(),
                    "price", line.unitPrice().amount()));
            user().body(Map.of("product_id", product, "price", line.unitPrice().amount(), "quantity",
                    line.quantity())).post(SANDBOX.path("/deals/" + id + "/quote_items")).then().statusCode(201);
        }
        setStatus(id, "won");
        return id;
    }
}
