package dev.ponte.sandbox.pipedrive;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.either;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponte.sandbox.WebhookReceiverResource;
import dev.ponte.sandbox.WebhookReceiverResource.Received;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PipedriveSandboxTest {

    private static final String BASE = "/sandbox/pipedrive";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/test-receiver")
    URL receiver;

    @BeforeEach
    void reset() {
        given().delete(BASE + "/_state").then().statusCode(204);
        given().delete(BASE + "/_faults").then().statusCode(204);
    }

    private static RequestSpecification admin() {
        return given().header("x-api-token", Pipedrive.ADMIN_TOKEN).contentType(ContentType.JSON);
    }

    private static long create(String path, Map<String, Object> body) {
        return admin().body(body).post(BASE + path).then().statusCode(either(is(200)).or(is(201))).extract().jsonPath().getLong("data.id");
    }

    @Test
    void requiresApiTokenAndAnswersWithRateLimitHeaders() {
        given().get(BASE + "/v1/users/me").then().statusCode(401)
                .body("success", equalTo(false)).body("error", equalTo("unauthorized access"))
                .body("error_info", notNullValue()).body("data", nullValue());
        given().queryParam("api_token", Pipedrive.USER_TOKEN).get(BASE + "/v1/users/me").then().statusCode(200)
                .header("x-ratelimit-limit", "80").header("x-ratelimit-remaining", notNullValue())
                .header("x-ratelimit-reset", notNullValue());
    }

    @Test
    void tellsAdminFromRegularUser() {
        admin().get(BASE + "/v1/users/me").then().body("data.is_admin", equalTo(true))
                .body("data.access[1].app", equalTo("global")).body("data.access[1].admin", equalTo(true));
        given().header("x-api-token", Pipedrive.USER_TOKEN).get(BASE + "/v1/users/me")
                .then().body("data.is_admin", equalTo(false));
    }

    @Test
    void pagesDealsWithCursorAndFilters() {
        for (int i = 1; i <= 5; i++) {
            create("/api/v2/deals", Map.of("title", "Deal " + i, "value", 100 * i, "status", i % 2 == 0 ? "won" : "open"));
        }
        String cursor = admin().queryParam("limit", 2).get(BASE + "/api/v2/deals")
                .then().body("success", equalTo(true)).body("data", hasSize(2))
                .body("additional_data.next_cursor", notNullValue())
                .extract().path("additional_data.next_cursor");
        admin().queryParam("limit", 2).queryParam("cursor", cursor).get(BASE + "/api/v2/deals")
                .then().body("data[0].title", equalTo("Deal 3"));
        admin().queryParam("status", "won").queryParam("updated_since", "2000-01-01T00:00:00Z")
                .get(BASE + "/api/v2/deals").then().body("data", hasSize(2))
                .body("data[0].won_time", notNullValue()).body("additional_data.next_cursor", nullValue());
        admin().queryParam("limit", 501).get(BASE + "/api/v2/deals").then().statusCode(400).body("success", equalTo(false));
    }

    @Test
    void patchesDealStatusValueAndCustomField() {
        String key = admin().body(Map.of("name", "Contrato Conta Azul", "field_type", "enum",
                        "options", List.of(Map.of("label", "Sim"), Map.of("label", "Não"))))
                .post(BASE + "/v1/dealFields").then().statusCode(200).extract().path("data.key");
        assertThat(key).matches("[0-9a-f]{40}");
        admin().get(BASE + "/v1/dealFields").then().body("data.find { it.key == '" + key + "' }.name",
                equalTo("Contrato Conta Azul"));
        long deal = create("/api/v2/deals", Map.of("title", "Big deal"));

        admin().body(Map.of("status", "won", "value", 1234.5, "custom_fields", Map.of(key, 7)))
                .patch(BASE + "/api/v2/deals/" + deal).then().statusCode(200)
                .body("data.status", equalTo("won")).body("data.won_time", notNullValue())
                .body("data.value", equalTo(1234.5f)).body("data.custom_fields." + key, equalTo(7));
    }

    @Test
    void findsPersonByDocumentFieldAndProductByCode() {
        String cpfKey = "0123456789abcdef0123456789abcdef01234567";
        long person = create("/v1/persons", Map.of("name", "Ana Souza", "email", "ana@example.com", cpfKey, "123.456.789-09"));
        long product = create("/v1/products", Map.of("name", "Caneta", "code", "CAN-01",
                "prices", List.of(Map.of("price", 5, "currency", "BRL"))));
        long deal = create("/api/v2/deals", Map.of("title", "Venda", "person_id", person));
        admin().body(Map.of("product_id", product, "item_price", 5, "quantity", 3))
                .post(BASE + "/api/v2/deals/" + deal + "/products").then().statusCode(201);

        admin().queryParam("term", "123.456.789-09").queryParam("entity_type", "person")
                .queryParam("field", cpfKey).queryParam("match", "exact")
                .get(BASE + "/v1/itemSearch/field").then().body("data", hasSize(1)).body("data[0].id", equalTo((int) person));
        admin().queryParam("term", "can-01").queryParam("fields", "code").queryParam("exact_match", true)
                .get(BASE + "/api/v2/products/search").then().body("data.items[0].item.id", equalTo((int) product));
        admin().get(BASE + "/api/v2/deals/" + deal + "/products").then()
                .body("data[0].product_id", equalTo((int) product)).body("data[0].sum", equalTo(15));
        admin().get(BASE + "/v1/persons/" + person).then().body("data.custom_fields." + cpfKey, equalTo("123.456.789-09"));
        admin().get(BASE + "/v1/organizations/999").then().statusCode(404).body("success", equalTo(false));
    }

    @Test
    void deliversDealChangeWebhookWithBasicAuth() throws Exception {
        long webhook = subscribe("won-deals");
        long deal = create("/api/v2/deals", Map.of("title", "Deal"));

        admin().body(Map.of("status", "won")).patch(BASE + "/api/v2/deals/" + deal).then().statusCode(200);

        List<Received> inbox = WebhookReceiverResource.inbox("won-deals");
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox.size() == 1);
        assertThat(inbox.get(0).authorization()).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString("ponte:s3cret".getBytes(StandardCharsets.UTF_8)));
        JsonNode body = JSON.readTree(inbox.get(0).body());
        assertThat(body.at("/meta/action").asText()).isEqualTo("change");
        assertThat(body.at("/meta/entity").asText()).isEqualTo("deal");
        assertThat(body.at("/meta/entity_id").asLong()).isEqualTo(deal);
        assertThat(body.at("/meta/webhook_id").asLong()).isEqualTo(webhook);
        assertThat(body.at("/meta/attempt").asInt()).isEqualTo(1);
        assertThat(body.at("/data/status").asText()).isEqualTo("won");
        assertThat(body.at("/previous/status").asText()).isEqualTo("open");
        admin().delete(BASE + "/v1/webhooks/" + webhook).then().statusCode(200).body("success", equalTo(true));
        admin().get(BASE + "/v1/webhooks").then().body("data", hasSize(0));
    }

    @Test
    void retriesFailedDeliveryAndDuplicatesOnRequest() throws Exception {
        subscribe("flaky-deals");
        given().contentType(ContentType.JSON).body(Map.of("webhook_duplicates", 3)).post(BASE + "/_faults")
                .then().statusCode(200);
        long deal = create("/api/v2/deals", Map.of("title", "Deal"));

        admin().body(Map.of("value", 10)).patch(BASE + "/api/v2/deals/" + deal).then().statusCode(200);

        List<Received> inbox = WebhookReceiverResource.inbox("flaky-deals");
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox.size() == 4);
        List<JsonNode> bodies = inbox.stream().map(r -> {
            try {
                return JSON.readTree(r.body());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(bodies).extracting(b -> b.at("/meta/correlation_id").asText()).containsOnly(
                bodies.get(0).at("/meta/correlation_id").asText());
        assertThat(bodies).extracting(b -> b.at("/meta/attempt").asInt()).contains(2);
        given().get(BASE + "/_state").then().body("deliveries", hasSize(4));
    }

    @Test
    void refusesWebhookWithoutName() {
        admin().body(Map.of("subscription_url", receiver + "/x", "event_action", "change", "event_object", "deal"))
                .post(BASE + "/v1/webhooks").then().statusCode(400).body("status", equalTo("error"))
                .body("errors.name", notNullValue());
    }

    @Test
    void injects429WithRetryAfterAndRateHeaders() {
        given().contentType(ContentType.JSON).body(Map.of("p429", 1.0, "seed", 7)).post(BASE + "/_faults");

        admin().get(BASE + "/api/v2/deals").then().statusCode(429).header("Retry-After", "2")
                .header("x-ratelimit-remaining", "0").body("success", equalTo(false));
    }

    private long subscribe(String inbox) {
        return admin().body(Map.of("subscription_url", receiver + "/" + inbox, "event_action", "change",
                        "event_object", "deal", "name", "Ponte", "version", "2.0",
                        "http_auth_user", "ponte", "http_auth_password", "s3cret"))
                .post(BASE + "/v1/webhooks").then().statusCode(201).body("data.version", equalTo("2.0"))
                .extract().jsonPath().getLong("data.id");
    }
}
