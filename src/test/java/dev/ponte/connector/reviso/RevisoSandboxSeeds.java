package dev.ponte.connector.reviso;

import static io.restassured.RestAssured.given;

import dev.ponte.connector.contract.Sandbox;
import dev.ponte.model.TaxId;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;

/** The Reviso sandbox agreement as the contract tests of its capabilities open and seed it. */
final class RevisoSandboxSeeds {

    static final Sandbox SANDBOX = new Sandbox("reviso");
    static final String APP_SECRET = "sandbox-app-secret-token";
    static final String GRANT = "sandbox-agreement-grant-token";

    private RevisoSandboxSeeds() {
    }

    static Map<String, String> credentials() {
        return Map.of(RevisoConnector.AGREEMENT_GRANT_TOKEN, GRANT);
    }

    /** The sandbox's own API, as a user of the agreement (to seed and read records). */
    static RequestSpecification api() {
        return given().header("X-AppSecretToken", APP_SECRET).header("X-AgreementGrantToken", GRANT)
                .contentType(ContentType.JSON);
    }

    /** A domestic company with the terms Reviso needs; answers its customer number. */
    static String customer(String name, TaxId vatNumber) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "currency", "EUR",
                "customerGroup", Map.of("customerGroupNumber", 1), "paymentTerms", Map.of("paymentTermsNumber", 2),
                "vatZone", Map.of("vatZoneNumber", 1), "countryCode", Map.of("code", "IT")));
        if (vatNumber != null) {
            body.put("vatNumber", vatNumber.value());
        }
        return String.valueOf(api().body(body).post(SANDBOX.path("/customers")).then().statusCode(201).extract()
                .jsonPath().getInt("customerNumber"));
    }

    /** The record at {@code path} of the sandbox's API, null when there is none. */
    static Response get(String path) {
        return api().get(SANDBOX.path(path));
    }
}
