package dev.ponte.flow;

import static dev.ponte.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import dev.ponte.connector.nuvemshop.NuvemshopSeeds;
import dev.ponte.support.Api;
import dev.ponte.support.Api.Tenant;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A tenant with a Nuvemshop → Conta Azul connection on Ponte's own sandbox emulators, set up the way a merchant would:
 * create it, connect Conta Azul and install the shop app through the OAuth2 consent redirects ({@code side=ledger},
 * {@code side=source}), enable it (which subscribes {@code order/paid} and {@code app/uninstalled}).
 */
final class NuvemshopToContaAzul {

    static final String NUVEMSHOP = "/sandbox/nuvemshop";
    static final String CONTA_AZUL = "/sandbox/contaazul";
    static final String STORE = NuvemshopSeeds.STORE;

    final Tenant tenant;
    final UUID connection;

    private NuvemshopToContaAzul(Tenant tenant, UUID connection) {
        this.tenant = tenant;
        this.connection = connection;
    }

    /** Empty emulators without faults; Conta Azul's and the shop's rate limits as documented. */
    static void resetSandboxes() {
        for (String vendor : List.of(NUVEMSHOP, CONTA_AZUL)) {
            given().delete(vendor + "/_state").then().statusCode(204);
            given().delete(vendor + "/_faults").then().statusCode(204);
        }
        given().delete(CONTA_AZUL + "/_limits").then().statusCode(200);
    }

    /** Connected (both sides by consent) and enabled. */
    static NuvemshopToContaAzul connect(Map<String, Object> settings) {
        NuvemshopToContaAzul c = installed(settings);
        c.enable();
        return c;
    }

    /** Connected (both sides by consent), not yet enabled. */
    static NuvemshopToContaAzul installed(Map<String, Object> settings) {
        Tenant tenant = Api.newTenant("Loja " + UUID.randomUUID());
        UUID id = Api.newConnection(tenant, Map.of("name", "Nuvemshop → Conta Azul", "sourceSystem", "NUVEMSHOP",
                "flows", List.of("PaidOrderToSale"), "settings", settings));
        NuvemshopToContaAzul c = new NuvemshopToContaAzul(tenant, id);
        Api.consent(tenant, id, "ledger");
        c.install();
        return c;
    }

    /** The shop app's install: Ponte → the store's authorize page → Ponte's callback. */
    void install() {
        Api.consent(tenant, connection, "source");
    }

    void enable() {
        as(tenant.key()).post("/api/v1/connections/" + connection + "/enable").then().statusCode(200);
    }

    String hookUrl() {
        return "/hooks/" + connection;
    }

    String status() {
        return as(tenant.key()).get("/api/v1/connections/" + connection).then().statusCode(200).extract()
                .path("status");
    }

    /** Posts {@code body} to the connection's hook as the shop would, with {@code signature} (null: none). */
    Response deliver(String body, String signature) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (signature != null) {
            request.header(NuvemshopSeeds.SIGNATURE, signature);
        }
        return request.post(hookUrl());
    }

    /** Posts {@code body} signed with the app's secret. */
    Response deliverSigned(String body) {
        return deliver(body, NuvemshopSeeds.sign(body));
    }

    static JsonPath contaAzul() {
        return given().get(CONTA_AZUL + "/_state").then().statusCode(200).extract().jsonPath();
    }

    static JsonPath nuvemshop() {
        return given().get(NUVEMSHOP + "/_state").then().statusCode(200).extract().jsonPath();
    }

    static int sales() {
        return contaAzul().getList("vendas").size();
    }

    /** The order's history messages, newest first. */
    List<String> history(String order) {
        return as(tenant.key()).get("/api/v1/connections/" + connection + "/history?subject=nuvemshop:order:" + order)
                .then().statusCode(200).extract().jsonPath().getList("items.message");
    }

    JsonPath jobs(String query) {
        return as(tenant.key()).get("/api/v1/jobs?connectionId=" + connection + "&" + query).then().statusCode(200)
                .extract().jsonPath();
    }

    static void eventually(Runnable assertion) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(assertion::run);
    }
}
