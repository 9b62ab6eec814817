package dev.ponte.flow;

import static dev.ponte.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.either;
import static org.hamcrest.Matchers.is;

import dev.ponte.support.Api;
import dev.ponte.support.Api.Tenant;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A tenant with a Pipedrive → Conta Azul connection on Ponte's own sandbox emulators, set up the way a user would:
 * create it, connect Conta Azul through the OAuth2 consent redirect, enable it. Helpers create CRM data and read
 * what reached the ledger.
 */
final class PipedriveToContaAzul {

    static final String PIPEDRIVE = "/sandbox/pipedrive";
    static final String CONTA_AZUL = "/sandbox/contaazul";
    static final String CNPJ_FIELD = "aaaaaaaaaabbbbbbbbbbccccccccccdddddddddd";
    static final String CPF_FIELD = "0123456789abcdef0123456789abcdef01234567";
    static final String ADMIN_TOKEN = "sandbox-admin-token";

    final Tenant tenant;
    final UUID connection;

    private PipedriveToContaAzul(Tenant tenant, UUID connection) {
        this.tenant = tenant;
        this.connection = connection;
    }

    /** Empty emulators without faults; Conta Azul's rate limits as documented (a test that lifts them says why). */
    static void resetSandboxes() {
        for (String vendor : List.of(PIPEDRIVE, CONTA_AZUL)) {
            given().delete(vendor + "/_state").then().statusCode(204);
            given().delete(vendor + "/_faults").then().statusCode(204);
        }
        given().delete(CONTA_AZUL + "/_limits").then().statusCode(200);
    }

    /** A connected, enabled connection with these extra settings (on top of the CNPJ/CPF field binding). */
    static PipedriveToContaAzul connect(Map<String, Object> settings) {
        PipedriveToContaAzul c = connectedNotEnabled(settings);
        c.enable();
        return c;
    }

    /** A connection whose credentials are in (Conta Azul consented) but not yet enabled. */
    static PipedriveToContaAzul connectedNotEnabled(Map<String, Object> settings) {
        Tenant tenant = Api.newTenant("Loja " + UUID.randomUUID());
        Map<String, Object> all = new HashMap<>(Map.of("taxIdField", CNPJ_FIELD));
        all.putAll(settings);
        UUID id = Api.newConnection(tenant, Map.of("flows", List.of("WonDealToSale"), "settings", all,
                "credentials", Map.of("apiToken", ADMIN_TOKEN)));
        PipedriveToContaAzul c = new PipedriveToContaAzul(tenant, id);
        c.connectContaAzul();
        return c;
    }

    void enable() {
        as(tenant.key()).post("/api/v1/connections/" + connection + "/enable").then().statusCode(200);
    }

    /** The OAuth2 dance a browser does: Ponte → Conta Azul consent → Ponte's callback. */
    void connectContaAzul() {
        Api.consent(tenant, connection, null);
    }

    static RequestSpecification pipedrive() {
        return given().header("x-api-token", ADMIN_TOKEN).contentType(ContentType.JSON);
    }

    static long create(String path, Map<String, Object> body) {
        return pipedrive().body(body).post(PIPEDRIVE + path).then().statusCode(either(is(200)).or(is(201)))
                .extract().jsonPath().getLong("data.id");
    }

    static long organization(String name, String cnpj) {
        return create("/v1/organizations", Map.of("name", name, "custom_fields", Map.of(CNPJ_FIELD, cnpj)));
    }

    static long product(String name, String code, double price) {
        return create("/v1/products", Map.of("name", name, "code", code,
                "prices", List.of(Map.of("price", price, "currency", "BRL"))));
    }

    /** An open deal with one product line. */
    static long deal(String title, double value, Long org, Long person, long product, double quantity) {
        Map<String, Object> body = new HashMap<>(Map.of("title", title, "value", value, "currency", "BRL"));
        if (org != null) {
            body.put("org_id", org);
        }
        if (person != null) {
            body.put("person_id", person);
        }
        long deal = create("/api/v2/deals", body);
        pipedrive().body(Map.of("product_id", product, "item_price", value / quantity, "quantity", quantity))
                .post(PIPEDRIVE + "/api/v2/deals/" + deal + "/products").then().statusCode(201);
        return deal;
    }

    static void setStatus(long deal, String status) {
        pipedrive().body(Map.of("status", status)).patch(PIPEDRIVE + "/api/v2/deals/" + deal).then().statusCode(200);
    }

    static JsonPath contaAzul() {
        return given().get(CONTA_AZUL + "/_state").then().statusCode(200).extract().jsonPath();
    }

    static int sales() {
        return contaAzul().getList("vendas").size();
    }

    /** A person without a document in the Conta Azul account, as its own users create them; answers its id. */
    static String contaAzulCustomer(String name) {
        String token = contaAzulToken();
        return Api.admitted(() -> given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token)
                .body(Map.of("nome", name, "tipo_pessoa", "Física")).post(CONTA_AZUL + "/v1/pessoas")).then()
                .statusCode(200).extract().path("id");
    }

    /** A token of the Conta Azul sandbox's own, as another user of the account would have (to change the ledger). */
    static String contaAzulToken() {
        String redirect = "http://localhost/cb";
        String location = given().redirects().follow(false).queryParam("response_type", "code")
                .queryParam("client_id", "sandbox-client").queryParam("redirect_uri", redirect)
                .queryParam("state", "s").get(CONTA_AZUL + "/auth/oauth2/authorize").then()
                .extract().header("Location");
        String code = location.replaceAll(".*[?&]code=([^&]+).*", "$1");
        return given().auth().preemptive().basic("sandbox-client", "sandbox-secret")
                .formParam("grant_type", "authorization_code").formParam("code", code)
                .formParam("redirect_uri", redirect).post(CONTA_AZUL + "/auth/oauth2/token")
                .then().statusCode(200).extract().path("access_token");
    }

    /** The deal's history messages, newest first. */
    List<String> history(long deal) {
        return as(tenant.key()).get("/api/v1/connections/" + connection + "/history?subject=pipedrive:deal:" + deal)
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
