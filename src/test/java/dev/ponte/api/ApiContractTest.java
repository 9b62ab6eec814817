package dev.ponte.api;

import static dev.ponte.support.Api.ADMIN_KEY;
import static dev.ponte.support.Api.as;
import static dev.ponte.support.Api.newConnection;
import static dev.ponte.support.Api.newTenant;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.ponte.support.Api.Tenant;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The API's security and error contract, run on H2 and on PostgreSQL by its subclasses. */
abstract class ApiContractTest {

    @Test
    void answers401ProblemWithoutKey() {
        given().get("/api/v1/connections").then().statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401)).body("title", equalTo("Authentication required"));
        given().header("Authorization", "Bearer not-a-key").get("/api/v1/connections").then().statusCode(401);
    }

    @Test
    void onlyAdminCreatesTenants() {
        Tenant tenant = newTenant("Acme");
        as(tenant.key()).body(Map.of("name", "Other")).post("/api/v1/tenants").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void tenantNeverSeesAnotherTenantsConnection() {
        Tenant a = newTenant("A");
        Tenant b = newTenant("B");
        UUID bConnection = newConnection(b, Map.of());
        as(a.key()).get("/api/v1/connections/" + bConnection).then().statusCode(404)
                .contentType("application/problem+json");
        as(a.key()).post("/api/v1/connections/" + bConnection + "/enable").then().statusCode(404);
        as(a.key()).get("/api/v1/connections/" + bConnection + "/history").then().statusCode(404);
        as(a.key()).get("/api/v1/connections").then().statusCode(200).body("size()", equalTo(0));
        as(b.key()).get("/api/v1/connections/" + bConnection).then().statusCode(200);
    }

    @Test
    void revokedKeyIsRefused() {
        Tenant tenant = newTenant("Revoking");
        var extra = as(tenant.key()).body(Map.of("label", "button")).post("/api/v1/tenants/" + tenant.id() + "/api-keys")
                .then().statusCode(201).extract();
        String key = extra.path("apiKey");
        as(key).get("/api/v1/connections").then().statusCode(200);
        as(ADMIN_KEY).delete("/api/v1/tenants/" + tenant.id() + "/api-keys/" + extra.path("keyId")).then().statusCode(204);
        as(key).get("/api/v1/connections").then().statusCode(401);
        as(tenant.key()).get("/api/v1/connections").then().statusCode(200);
    }

    @Test
    void credentialsAreWriteOnlyAndEncrypted() {
        Tenant tenant = newTenant("Secretive");
        String secret = "sekret-token-" + UUID.randomUUID();
        UUID id = newConnection(tenant, Map.of("credentials", Map.of("apiToken", secret)));
        String read = as(tenant.key()).get("/api/v1/connections/" + id).then().statusCode(200)
                .body("credentialsSet", equalTo(true)).extract().asString();
        String list = as(tenant.key()).get("/api/v1/connections").asString();
        assertThat(read).doesNotContain(secret);
        assertThat(list).doesNotContain(secret);
        assertThat(storedCredentials(id)).startsWith("v1:").doesNotContain(secret);
        as(tenant.key()).body(Map.of("name", "y", "sourceSystem", "PIPEDRIVE", "ledgerSystem", "CONTA_AZUL",
                "credentials", Map.of("apiToken", secret), "settings", Map.of("nope", secret)))
                .put("/api/v1/connections/" + id).then().statusCode(422);
        assertThat(capturedLog()).contains(id.toString().substring(0, 8)).doesNotContain(secret);
    }

    /** Everything the application logged in this test JVM (file handler of the test profile). */
    static String capturedLog() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("target", "ponte-test.log"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aConsentStateConnectsOnceAndOnlyWhileItIsTheSidesLatest() {
        Tenant tenant = newTenant("Consenting");
        UUID id = newConnection(tenant, Map.of());
        String older = consentPage(tenant, id);
        String latest = consentPage(tenant, id);
        // Each visit of the vendor's consent page gives a fresh code with the same state.
        String replayed = vendorCallback(latest);
        given().urlEncodingEnabled(false).get(vendorCallback(older)).then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("state"));
        given().urlEncodingEnabled(false).get(vendorCallback(latest)).then().statusCode(200);
        given().urlEncodingEnabled(false).get(replayed).then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("state"));
        as(tenant.key()).get("/api/v1/connections/" + id).then().body("credentialsSet", equalTo(true));
    }

    private static String consentPage(Tenant tenant, UUID id) {
        return as(tenant.key()).redirects().follow(false).get("/api/v1/connections/" + id + "/oauth/authorize").then()
                .statusCode(303).extract().header("Location");
    }

    private static String vendorCallback(String consentPage) {
        return given().urlEncodingEnabled(false).redirects().follow(false).get(consentPage).then().extract()
                .header("Location");
    }

    @Test
    void activationTimeIsSetOnceAndNeverMoved() {
        Tenant tenant = newTenant("Activating");
        UUID id = newConnection(tenant, Map.of());
        as(tenant.key()).get("/api/v1/connections/" + id).then().body("status", equalTo("DRAFT"))
                .body("activatedAt", nullValue());
        String first = as(tenant.key()).post("/api/v1/connections/" + id + "/enable").then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("activatedAt", notNullValue()).extract().path("activatedAt");
        as(tenant.key()).post("/api/v1/connections/" + id + "/disable").then().statusCode(200)
                .body("status", equalTo("DISABLED")).body("paused", equalTo(true));
        as(tenant.key()).post("/api/v1/connections/" + id + "/enable").then().statusCode(200)
                .body("activatedAt", equalTo(first)).body("paused", equalTo(false));
    }

    @Test
    void settingsAreValidatedFieldByField() {
        Tenant tenant = newTenant("Settings");
        as(tenant.key()).body(Map.of("name", "x", "sourceSystem", "PIPEDRIVE", "ledgerSystem", "CONTA_AZUL",
                "settings", Map.of("nope", 1, "jobsPerSecond", "fast", "schedule.full", "every night")))
                .post("/api/v1/connections").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("settings.nope"))
                .body("errors.field", hasItem("settings.jobsPerSecond"))
                .body("errors.field", hasItem("settings.schedule.full"));
        as(tenant.key()).body(Map.of("name", "x", "sourceSystem", "EXCEL", "ledgerSystem", "CONTA_AZUL",
                "flows", List.of("Teleport"))).post("/api/v1/connections").then().statusCode(422)
                .body("errors.field", hasItem("sourceSystem")).body("errors.field", hasItem("flows[0]"));
    }

    @Test
    void aSystemWithoutAConnectorIsRefusedByName() {
        Tenant tenant = newTenant("HubSpot");
        as(tenant.key()).body(Map.of("name", "x", "sourceSystem", "HUBSPOT", "ledgerSystem", "CONTA_AZUL"))
                .post("/api/v1/connections").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("sourceSystem")))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("PIPEDRIVE"));
        as(tenant.key()).body(Map.of("name", "x", "sourceSystem", "PIPEDRIVE", "ledgerSystem", "PIPEDRIVE"))
                .post("/api/v1/connections").then().statusCode(422)
                .body("errors.field", equalTo(List.of("ledgerSystem")));
    }

    @Test
    void theCatalogListsWhatAConnectionMayChooseFromTheRegisteredConnectors() {
        Tenant tenant = newTenant("Catalog");
        var systems = as(tenant.key()).get("/api/v1/catalog/systems").then().statusCode(200).extract().jsonPath();
        assertThat(systems.getList("system", String.class)).contains("PIPEDRIVE", "CONTA_AZUL", "CRM_IN_CLOUD",
                "REVISO", "MOSKIT", "ARIVO", "NUVEMSHOP");
        assertThat(systems.getString("find { it.system == 'PIPEDRIVE' }.side")).isEqualTo("SOURCE");
        assertThat(systems.getList("find { it.system == 'PIPEDRIVE' }.capabilities", String.class))
                .contains("DealSource", "WebhookInbound", "WebhookSubscription");
        assertThat(systems.getList("find { it.system == 'PIPEDRIVE' }.credentials.name", String.class))
                .containsExactly("apiToken");
        assertThat(systems.getBoolean("find { it.system == 'CONTA_AZUL' }.oauth")).isTrue();
        var flows = as(tenant.key()).get("/api/v1/catalog/flows").then().statusCode(200).extract().jsonPath();
        assertThat(flows.getList("find { it.name == 'WonDealToSale' }.pairs.sourceSystem", String.class))
                .contains("PIPEDRIVE", "MOSKIT").doesNotContain("CRM_IN_CLOUD");
        assertThat(flows.getList("find { it.name == 'CustomerSync' }.pairs.ledgerSystem", String.class))
                .containsExactly("REVISO");
        assertThat(flows.getString("find { it.name == 'WonDealToSale' }.settings.find { it.name == 'matchByName' }"
                + ".type")).isEqualTo("BOOLEAN");
        var openApi = io.restassured.RestAssured.get("/q/openapi?format=json").then().statusCode(200).extract()
                .jsonPath();
        assertThat(openApi.getList("components.schemas.ConnectionRequest.properties.sourceSystem.enum", String.class))
                .contains("PIPEDRIVE", "CRM_IN_CLOUD", "MOSKIT", "NUVEMSHOP").doesNotContain("CONTA_AZUL");
    }

    @Test
    void settingsAreCheckedAgainstTheChosenFlows() {
        Tenant tenant = newTenant("Flows");
        as(tenant.key()).body(Map.of("name", "x", "sourceSystem", "PIPEDRIVE", "ledgerSystem", "CONTA_AZUL",
                "flows", List.of("TestFlow"), "settings", Map.of("matchByName", "yes", "customerPolicy", "GUESS",
                        "pipelines", List.of(1, 2)))).post("/api/v1/connections").then().statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("settings.matchByName",
                        "settings.customerPolicy", "settings.pipelines"));
        as(tenant.key()).body(Map.of("name", "x", "sourceSystem", "PIPEDRIVE", "ledgerSystem", "CONTA_AZUL",
                "settings", Map.of("matchByName", true))).post("/api/v1/connections").then().statusCode(422)
                .body("errors[0].field", equalTo("settings.matchByName"));
        // CRM in Cloud has no deals and Reviso no sales: the flow's capabilities are not there.
        as(tenant.key()).body(Map.of("name", "x", "sourceSystem", "CRM_IN_CLOUD", "ledgerSystem", "REVISO",
                "flows", List.of("TestFlow"))).post("/api/v1/connections").then().statusCode(422)
                .body("errors[0].field", equalTo("flows[0]"));
        as(tenant.key()).body(Map.of("name", "x", "sourceSystem", "PIPEDRIVE", "ledgerSystem", "CONTA_AZUL",
                "flows", List.of("TestFlow"), "settings", Map.of("matchByName", true, "customerPolicy",
                        "NAME_AND_DOCUMENT", "pipelines", List.of("1")))).post("/api/v1/connections").then()
                .statusCode(201).body("settings.customerPolicy", equalTo("NAME_AND_DOCUMENT"))
                .body("flows", equalTo(List.of("TestFlow")));
    }

    @Test
    void historyAndLinksArePagedAndFilteredBySubject() {
        Tenant tenant = newTenant("Historian");
        UUID id = newConnection(tenant, Map.of());
        writeHistory(id, "pipedrive:deal:1", "skipped: deal has no value");
        writeHistory(id, "pipedrive:deal:2", "customer matched by CNPJ 12.***.***/0001-**");
        writeHistory(id, "pipedrive:deal:2", "sale created");
        as(tenant.key()).get("/api/v1/connections/" + id + "/history?subject=pipedrive:deal:2").then().statusCode(200)
                .body("total", equalTo(2)).body("items[0].message", equalTo("sale created"));
        as(tenant.key()).get("/api/v1/connections/" + id + "/history?size=1&page=1").then().statusCode(200)
                .body("total", equalTo(3)).body("items.size()", equalTo(1)).body("page", equalTo(1));
        as(tenant.key()).get("/api/v1/connections/" + id + "/links").then().statusCode(200).body("total", equalTo(0));
        // page × size past Integer.MAX_VALUE: an empty page, not an overflowed offset.
        as(tenant.key()).get("/api/v1/connections/" + id + "/history?page=2000000000&size=500").then().statusCode(200)
                .body("items.size()", equalTo(0)).body("total", equalTo(3));
        as(tenant.key()).get("/api/v1/connections/" + id + "/runs?page=2000000000&size=500").then().statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void explainsErrorsInTheCallersLanguage() {
        Tenant tenant = newTenant("Idiomas");
        as(tenant.key()).header("Accept-Language", "pt-BR,pt;q=0.9").body(Map.of("name", "x",
                "sourceSystem", "PIPEDRIVE", "ledgerSystem", "CONTA_AZUL", "settings", Map.of("jobsPerSecond", "x")))
                .post("/api/v1/connections").then().statusCode(422).body("title", equalTo("Dados inválidos"))
                .body("errors[0].message", equalTo("Deve ser um número positivo."));
        as(tenant.key()).header("Accept-Language", "it-IT").body(Map.of("name", "x",
                "sourceSystem", "PIPEDRIVE", "ledgerSystem", "CONTA_AZUL", "settings", Map.of("jobsPerSecond", "x")))
                .post("/api/v1/connections").then().statusCode(422).body("title", equalTo("Dati non validi"));
        given().header("Accept-Language", "it").get("/api/v1/jobs").then().statusCode(401)
                .body("title", equalTo("Autenticazione richiesta"));
    }

    @Test
    void missingFieldsAreEachNamedNotAnInternalError() {
        Tenant tenant = newTenant("Missing");
        as(tenant.key()).body("{}").post("/api/v1/connections").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("name", "sourceSystem", "ledgerSystem"))
                .body("errors[0].message", equalTo("Required."));
        as(tenant.key()).body("{\"name\": \"x\", \"sourceSystem\": null, \"ledgerSystem\": \"CONTA_AZUL\", "
                + "\"flows\": [\"WonDealToSale\"]}").post("/api/v1/connections").then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", equalTo(List.of("sourceSystem")));
        UUID id = newConnection(tenant, Map.of());
        as(tenant.key()).body("{}").put("/api/v1/connections/" + id).then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("name", "sourceSystem", "ledgerSystem"));
    }

    @Test
    void malformedJsonIsA400Problem() {
        Tenant tenant = newTenant("Malformed");
        as(tenant.key()).body("{\"name\": \"x\", ").post("/api/v1/connections").then().statusCode(400)
                .contentType("application/problem+json").body("title", equalTo("Malformed request body"));
    }

    @Test
    void unknownFieldIsNamed() {
        Tenant tenant = newTenant("Unknown");
        as(tenant.key()).body(Map.of("name", "x", "sourceSystem", "PIPEDRIVE", "ledgerSystem", "CONTA_AZUL",
                "colour", "blue")).post("/api/v1/connections").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("colour"))
                .body("errors[0].message", equalTo("Unknown field."));
    }

    @Test
    void wrongTypeIsNamed() {
        Tenant tenant = newTenant("Types");
        as(tenant.key()).body("{\"name\": \"x\", \"sourceSystem\": \"PIPEDRIVE\", \"ledgerSystem\": \"CONTA_AZUL\","
                + " \"flows\": {\"a\": 1}}").post("/api/v1/connections").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("flows"))
                .body("errors[0].message", containsString("array"));
        as(tenant.key()).get("/api/v1/jobs?size=100000").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("size"));
        as(tenant.key()).get("/api/v1/jobs/not-a-number").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void bodyOverOneMegabyteIsA413Problem() {
        Tenant tenant = newTenant("Large");
        String huge = "{\"name\": \"" + "x".repeat(1_100_000) + "\"}";
        as(tenant.key()).body(huge).post("/api/v1/connections").then().statusCode(413)
                .contentType("application/problem+json");
    }

    @Test
    void unknownPathIsAProblemToo() {
        Tenant tenant = newTenant("Lost");
        as(tenant.key()).get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json");
        as(tenant.key()).contentType(ContentType.TEXT).body("hi").post("/api/v1/connections").then().statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void openApiDescribesTheApi() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/connections"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/jobs/{id}/retry"))
                // free-form JSON (a connection's settings, a job's last error) is documented as what it is, not as
                // Jackson's JsonNode bean with its isArray/isEmpty/... getters
                .body("components.schemas.Connection.properties.settings.$ref",
                        org.hamcrest.Matchers.is("#/components/schemas/JsonObject"))
                .body("components.schemas.JsonObject.type", org.hamcrest.Matchers.is("object"))
                .body("components.schemas.JsonObject",
                        org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("properties")))
                .body("components.schemas", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("JsonNode")));
    }

    @Test
    void healthCoversDatabaseAndScheduler() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("engine"));
    }

    @Test
    void metricsAnswerOnlyToTheMetricsKeyNotToAnAnonymousCallerNorToAnApiKey() {
        given().get("/q/metrics").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer").body("detail", containsString("PONTE_METRICS_API_KEY"));
        given().auth().oauth2(ADMIN_KEY).get("/q/metrics").then().statusCode(401);
        given().urlEncodingEnabled(false).get("/q/metric%73").then().statusCode(401);
        given().urlEncodingEnabled(false).get("/q/./metrics").then().statusCode(401);
        given().auth().oauth2("test-metrics-key").get("/q/metrics").then().statusCode(200)
                .body(containsString("# TYPE"));
    }

    abstract String storedCredentials(UUID connectionId);

    abstract void writeHistory(UUID connectionId, String subject, String message);
}
