package dev.ponte.support;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.either;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/** Test helpers for calling Ponte's API as the admin or as a fresh tenant. */
public final class Api {

    public static final String ADMIN_KEY = "test-admin-key";

    private Api() {
    }

    public static RequestSpecification as(String key) {
        return given().header("Authorization", "Bearer " + key).contentType(ContentType.JSON);
    }

    /**
     * A call of the test to a vendor's sandbox, as another user of the account: the vendor's limits (enforced by the
     * sandbox) count it with Ponte's own calls, so it is repeated while refused with 429, as a well-behaved client
     * would.
     */
    public static Response admitted(Supplier<Response> call) {
        AtomicReference<Response> answer = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(70)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    answer.set(call.get());
                    return answer.get().statusCode() != 429;
                });
        return answer.get();
    }

    /** Creates a tenant and answers its first API key. */
    public static Tenant newTenant(String name) {
        var body = as(ADMIN_KEY).body(Map.of("name", name)).post("/api/v1/tenants").then().statusCode(201).extract();
        return new Tenant(UUID.fromString(body.path("tenantId")), body.path("apiKey"));
    }

    /** Creates a connection for the tenant with no flows and answers its id. */
    public static UUID newConnection(Tenant tenant, Map<String, ?> extra) {
        var body = new java.util.HashMap<String, Object>(Map.of("name", "Pipedrive → Conta Azul",
                "sourceSystem", "PIPEDRIVE", "ledgerSystem", "CONTA_AZUL"));
        body.putAll(extra);
        return UUID.fromString(as(tenant.key()).body(body).post("/api/v1/connections").then().statusCode(201)
                .extract().path("id"));
    }

    /**
     * The OAuth2 dance a browser does for one side of a connection ({@code side} null: the one side that consents):
     * Ponte's authorize redirect, the vendor's consent page (the sandboxes consent at once), Ponte's callback.
     */
    public static void consent(Tenant tenant, UUID connection, String side) {
        var authorize = as(tenant.key()).redirects().follow(false);
        if (side != null) {
            authorize.queryParam("side", side);
        }
        String consent = authorize.get("/api/v1/connections/" + connection + "/oauth/authorize").then()
                .statusCode(303).extract().header("Location");
        String callback = consent.contains("/oauth/callback") ? consent : given().urlEncodingEnabled(false)
                .redirects().follow(false).get(consent).then().statusCode(either(is(302)).or(is(303))).extract()
                .header("Location");
        given().urlEncodingEnabled(false).get(callback).then().statusCode(200);
    }

    public record Tenant(UUID id, String key) {
    }
}
