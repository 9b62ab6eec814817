package dev.ponte.flow;

import static dev.ponte.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import dev.ponte.connector.moskit.MoskitSeeds;
import dev.ponte.support.Api;
import dev.ponte.support.Api.Tenant;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A tenant with a Moskit → Conta Azul connection on Ponte's own sandbox emulators, set up the way a user would:
 * create it with the Moskit key and a webhook secret, connect Conta Azul through the OAuth2 consent, enable it, and
 * (as a person does in Moskit's webhook screen) use the secret webhook URL. CRM data is made with {@link MoskitSeeds}.
 */
final class MoskitToContaAzul {

    static final String MOSKIT = "/sandbox/moskit";
    static final String CONTA_AZUL = "/sandbox/contaazul";

    final Tenant tenant;
    final UUID connection;

    private MoskitToContaAzul(Tenant tenant, UUID connection) {
        this.tenant = tenant;
        this.connection = connection;
    }

    /** Empty emulators without faults; both vendors' rate limits as their contracts state them. */
    static void resetSandboxes() {
        for (String vendor : List.of(MOSKIT, CONTA_AZUL)) {
            given().delete(vendor + "/_state").then().statusCode(204);
            given().delete(vendor + "/_faults").then().statusCode(204);
            given().delete(vendor + "/_limits").then().statusCode(200);
        }
    }

    /** A connected, enabled connection with these settings. */
    static MoskitToContaAzul connect(Map<String, Object> settings) {
        return connect(List.of("WonDealToSale"), settings, Map.of());
    }

    /**
     * A connected, enabled connection running these flows with these settings, and these entry mappings (kind →
     * fields, saved after the consent and before the switch is turned on, as a person does).
     */
    static MoskitToContaAzul connect(List<String> flows, Map<String, Object> settings,
            Map<String, Map<String, String>> mappings) {
        MoskitToContaAzul c = connected(flows, settings);
        mappings.forEach((kind, fields) -> c.putMapping(kind, fields).then().statusCode(200));
        as(c.tenant.key()).post("/api/v1/connections/" + c.connection + "/enable").then().statusCode(200);
        return c;
    }

    /** A connection with its Conta Azul consent, not switched on. */
    static MoskitToContaAzul connected(List<String> flows, Map<String, Object> settings) {
        Tenant tenant = Api.newTenant("Loja " + UUID.randomUUID());
        UUID id = Api.newConnection(tenant, Map.of("name", "Moskit → Conta Azul", "sourceSystem", "MOSKIT",
                "flows", flows, "settings", settings, "credentials", MoskitSeeds.credentials()));
        Api.consent(tenant, id, null);
        return new MoskitToContaAzul(tenant, id);
    }

    /** {@code PUT …/entry-mappings/{kind}} with these fields; answers the response to assert on. */
    io.restassured.response.Response putMapping(String kind, Map<String, String> fields) {
        return as(tenant.key()).body(Map.of("fields", fields)).put("/api/v1/connections/" + connection
                + "/entry-mappings/" + kind);
    }

    /** The receivables and payables in the Conta Azul sandbox. */
    static List<Map<String, Object>> entries() {
        return contaAzul().getList("eventos_financeiros");
    }

    /** The URL a person pastes in Moskit's webhook screen, as Ponte shows it (Moskit's webhooks are not set by API). */
    String webhookUrl() {
        return as(tenant.key()).get("/api/v1/connections/" + connection + "/webhook").then().statusCode(200)
                .body("subscribedByPonte", org.hamcrest.Matchers.equalTo(false))
                .extract().path("url");
    }

    /** Moskit delivers the deal's status change (as its screen-configured webhook would); answers the statuses. */
    List<Integer> deliver(long deal) {
        return MoskitSeeds.deliver(webhookUrl(), deal, 1);
    }

    /** The deal won now, and its webhook delivered. */
    void win(long deal) {
        MoskitSeeds.setStatus(deal, "WON");
        deliver(deal);
    }

    static JsonPath contaAzul() {
        return given().get(CONTA_AZUL + "/_state").then().statusCode(200).extract().jsonPath();
    }

    static int sales() {
        return contaAzul().getList("vendas").size();
    }

    /** The deal's history messages, newest first. */
    List<String> history(long deal) {
        return as(tenant.key()).get("/api/v1/connections/" + connection + "/history?subject=moskit:deal:" + deal)
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
