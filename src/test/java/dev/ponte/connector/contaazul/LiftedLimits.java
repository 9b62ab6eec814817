package dev.ponte.connector.contaazul;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Lifts the Conta Azul sandbox's account limits (10 requests/s, 600/min) for each test of a class that seeds and reads
 * at test speed to check what the API answers, and restores them after; the limits are tested on their own
 * ({@code ContaAzulSandboxTest.enforces…}, {@code WonDealToSaleLoadTest}).
 */
public final class LiftedLimits implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        given().contentType(ContentType.JSON).body("{}").post("/sandbox/contaazul/_limits").then().statusCode(200);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        given().delete("/sandbox/contaazul/_limits").then().statusCode(200);
    }
}
