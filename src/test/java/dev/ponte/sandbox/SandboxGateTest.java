package dev.ponte.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(SandboxGateTest.Disabled.class)
class SandboxGateTest {

    public static class Disabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ponte.sandbox.enabled", "false");
        }
    }

    @Test
    void hidesEverySandboxPathWhenDisabled() {
        given().header("x-api-token", "sandbox-admin-token").get("/sandbox/pipedrive/v1/users/me")
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        given().get("/sandbox/contaazul/_state").then().statusCode(404).contentType("application/problem+json");
        given().delete("/sandbox/pipedrive/_faults").then().statusCode(404).contentType("application/problem+json")
                .body("title", equalTo("Not found"));
    }
}
