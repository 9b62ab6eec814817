package dev.ponte.flow;

import static dev.ponte.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import dev.ponte.support.Api;
import dev.ponte.support.Api.Tenant;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A tenant with an Arivo → Conta Azul connection on Ponte's own sandbox emulators, set up the way a user would:
 * create it with an Arivo API key, connect Conta Azul through the OAuth2 consent redirect, enable it (which subscribes
 * {@code deal.won}). Helpers create Arivo data and read what reached the ledger.
 */
final class ArivoToContaAzul {

    static final String ARIVO = "/sandbox/arivo";
    static final String CONTA_AZUL = "/sandbox/contaazul";
    static final String API_KEY = "sandbox-arivo-key";
    static final String CNPJ = "11.222.333/0001-81";

    final Tenant tenant;
    final UUID connection;

    private ArivoToContaAzul(Tenant tenant, UUID connection) {
        this.tenant = tenant;
        this.connection = connection;
    }

    /** Empty emulators without faults; Conta Azul's rate limits as documented. */
    static void resetSandboxes() {
        for (String vendor : List.of(ARIVO, CONTA_AZUL)) {
            given().delete(vendor + "/_state").then().statusCode(204);
            given().delete(vendor + "/_faults").then().statusCode(204);
        }
        given().delete(CONTA_AZUL + "/_limits").then().statusCode(200);
    }

    /** A connected, enabled connection with these settings (Arivo's CPF/CNPJ are first-class: no binding needed). */
    static ArivoToContaAzul connect(Map<String, Object> settings) {
        Tenant tenant = Api.newTenant("Loja " + UUID.randomUUID());
        UUID id = Api.newConnection(tenant, Map.of("name", "Arivo → Conta Azul", "sourceSystem", "ARIVO",
                "flows", List.of("WonDealToSale"), "settings", settings, "credentials", Map.of("apiKey", API_KEY)));
        ArivoToContaAzul c = new ArivoToContaAzul(tenant, id);
        c.connectContaAzul();
        as(tenant.key()).post("/api/v1/connections/" + id + "/enable").then().statusCode(200);
        return c;
    }

    /** The OAuth2 dance a browser does: Ponte → Conta Azul consent → Ponte's callback. */
    void connectContaAzul() {
        Api.consent(tenant, connection, null);
    }

    static RequestSpecification arivo() {
        return given().header("Authorization", "Token token=" + API_KEY).contentType(ContentType.JSON);
    }

    static String create(String path, Map<String, Object> body) {
        return arivo().body(body).post(ARIVO + path).then().statusCode(201).extract().jsonPath().getString("id");
    }

    static String company(String name, String cnpj) {
        Map<String, Object> body = new HashMap<>(Map.of("contact_type", "company", "name", name));
        if (cnpj != null) {
            body.put("cnpj", cnpj);
        }
        return create("/contacts", body);
    }

    static String person(String name, String cpf) {
        Map<String, Object> body = new HashMap<>(Map.of("contact_type", "person", "name", name));
        if (cpf != null) {
            body.put("cpf", cpf);
        }
        return create("/contacts", body);
    }

    /** A product; {@code code} is its "código" (also its "código de identificação"); tags may be empty. */
    static String product(String name, String code, double price, String... tags) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "price", price, "tags", List.of(tags)));
        if (code != null) {
            body.put("code", code);
        }
        return create("/products", body);
    }

    /** An open deal with one quote item of {@code product}. */
    static String deal(String name, double value, String company, String person, String product, double quantity) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "value", value));
        if (company != null) {
            body.put("company_id", company);
        }
        if (person != null) {
            body.put("contact_id", person);
        }
        String deal = create("/deals", body);
        if (product != null) {
            arivo().body(Map.of("product_id", product, "price", value / quantity, "quantity", quantity))
                    .post(ARIVO + "/deals/" + deal + "/quote_items").then().statusCode(201);
        }
        return deal;
    }

    static void setStatus(String deal, String status) {
        arivo().body(Map.of("status", status)).put(ARIVO + "/deals/" + deal).then().statusCode(200);
    }

    static JsonPath contaAzul() {
        return given().get(CONTA_AZUL + "/_state").then().statusCode(200).extract().jsonPath();
    }

    static int sales() {
        return contaAzul().getList("vendas").size();
    }

    /** A token of the Conta Azul sandbox's own, as another user of the account would have (to change the ledger). */
    static String contaAzulToken() {
        return PipedriveToContaAzul.contaAzulToken();
    }

    static RequestSpecification contaAzulUser() {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + contaAzulToken());
    }

    /** A customer already in Conta Azul; {@code cnpj} null makes it a person without a document. */
    static String contaAzulCustomer(String name, String cnpj) {
        Map<String, Object> body = cnpj == null ? Map.of("nome", name, "tipo_pessoa", "Física")
                : Map.of("nome", name, "tipo_pessoa", "Jurídica", "cnpj", cnpj);
        return contaAzulUser().body(body).post(CONTA_AZUL + "/v1/pessoas").then().statusCode(200).extract().path("id");
    }

    static String contaAzulProduct(String name, String code) {
        Map<String, Object> body = new HashMap<>(Map.of("nome", name));
        if (code != null) {
            body.put("codigo_sku", code);
        }
        return contaAzulUser().body(body).post(CONTA_AZUL + "/v1/produtos").then().statusCode(200).extract().path("id");
    }

    static String contaAzulService(String name, String code) {
        Map<String, Object> body = new HashMap<>(Map.of("descricao", name));
        if (code != null) {
            body.put("codigo", code);
        }
        return contaAzulUser().body(body).post(CONTA_AZUL + "/v1/servicos").then().statusCode(200).extract().path("id");
    }

    /** The Arivo webhooks' callback URLs, as the sandbox holds them. */
    static List<String> webhooks() {
        return new ArrayList<>(arivo().get(ARIVO + "/webhooks").then().statusCode(200).extract().jsonPath()
                .getList("callback_url", String.class));
    }

    /** The deal's history messages, newest first. */
    List<String> history(String deal) {
        return as(tenant.key()).get("/api/v1/connections/" + connection + "/history?subject=arivo:deal:" + deal)
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
