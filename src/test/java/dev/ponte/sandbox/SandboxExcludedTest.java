package dev.ponte.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ponte.sandbox.contaazul.ContaAzul;
import dev.ponte.sandbox.pipedrive.Pipedrive;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: an app built without {@code ponte.sandbox.included} (the production build) has no emulator at all, even
 * where {@code ponte.sandbox.enabled=true} is set at run time: no route, no bean, nothing in the OpenAPI document.
 */
@QuarkusTest
@TestProfile(SandboxExcludedTest.Production.class)
class SandboxExcludedTest {

    public static class Production implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ponte.sandbox.included", "false", "ponte.sandbox.enabled", "true");
        }
    }

    @Test
    void theProductionBuildHasNoEmulator() {
        given().header("x-api-token", "sandbox-admin-token").get("/sandbox/pipedrive/v1/users/me")
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        given().get("/sandbox/contaazul/_state").then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", "Bearer test-admin-key").get("/api/v1/catalog/systems").then().statusCode(200);
        assertFalse(Arc.container().select(ContaAzul.class).isResolvable(), "the Conta Azul emulator is a bean");
        assertFalse(Arc.container().select(Pipedrive.class).isResolvable(), "the Pipedrive emulator is a bean");
        given().get("/q/openapi").then().statusCode(200).body(not(containsString("/sandbox")));
    }
}
