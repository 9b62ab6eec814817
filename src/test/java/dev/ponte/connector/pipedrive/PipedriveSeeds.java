package dev.ponte.connector.pipedrive;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.either;
import static org.hamcrest.Matchers.is;

import dev.ponte.connector.contract.DealSourceContract.SeedDeal;
import dev.ponte.connector.contract.DealSourceContract.SeedLine;
import dev.ponte.connector.contract.Sandbox;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;

/** Records put into the Pipedrive sandbox through its API, as a Pipedrive user would enter them. */
final class PipedriveSeeds {

    static final Sandbox SANDBOX = new Sandbox("pipedrive");
    static final String ADMIN_TOKEN = "sandbox-admin-token";

    private PipedriveSeeds() {
    }

    static RequestSpecification admin() {
        return given().header("x-api-token", ADMIN_TOKEN).contentType(ContentType.JSON);
    }

    static long create(String path, Map<String, Object> body) {
        return admin().body(body).post(SANDBOX.path(path)).then().statusCode(either(is(200)).or(is(201)))
                .extract().jsonPath().getLong("data.id");
    }

    /** The deal with its organization, person and products, then marked won; answers its id. */
    static String wonDeal(SeedDeal deal) {
        long org = create("/v1/organizations", Map.of("name", deal.organization()));
        long person = create("/v1/persons", Map.of("name", deal.person(), "org_id", org,
                "emails", List.of(Map.of("value", deal.email(), "primary", true, "label", "work"))));
        long id = create("/api/v2/deals", Map.of("title", deal.title(), "value", deal.value().amount(),
                "currency", deal.value().currency(), "org_id", org, "person_id", person));
        for (SeedLine line : deal.lines()) {
            long product = create("/v1/products", Map.of("name", line.name(), "code", line.code(),
                    "prices", List.of(Map.of("price", line.unitPrice().amount(), "currency",
                            line.unitPrice().currency()))));
            admin().body(Map.of("product_id", product, "item_price", line.unitPrice().amount(), "quantity",
                    line.quantity())).post(SANDBOX.path("/api/v2/deals/" + id + "/products")).then().statusCode(201);
        }
        admin().body(Map.of("status", "won")).patch(SANDBOX.path("/api/v2/deals/" + id)).then().statusCode(200);
        return String.valueOf(id);
    }
}
