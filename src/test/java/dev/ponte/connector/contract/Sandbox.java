package dev.ponte.connector.contract;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.Map;

/**
 * One vendor's sandbox emulator as a contract test drives it: its state, faults and rate limits reset before each test, faults
 * injected ({@link dev.ponte.sandbox.FaultSpec}) and its {@code _state} read back.
 */
public record Sandbox(String vendor) {

    /** The path of {@code path} under this emulator, e.g. {@code /sandbox/reviso/customers}. */
    public String path(String path) {
        return "/sandbox/" + vendor + path;
    }

    /** Forgets every record and fault since start-up, restoring the emulator's seed data. */
    public void reset() {
        given().delete(path("/_state")).then().statusCode(204);
        given().delete(path("/_faults")).then().statusCode(204);
        // The documented limits, counted afresh, where the emulator enforces any (404: it enforces none).
        given().delete(path("/_limits")).then().statusCode(org.hamcrest.Matchers.oneOf(200, 404));
    }

    /** Injects faults, e.g. {@code next_429} with {@code retry_after_seconds}. */
    public void faults(Map<String, ?> spec) {
        given().contentType(ContentType.JSON).body(spec).post(path("/_faults")).then().statusCode(200);
    }

    /** What the vendor holds now, as its emulator shows it. */
    public JsonPath state() {
        return given().get(path("/_state")).then().statusCode(200).extract().jsonPath();
    }
}
