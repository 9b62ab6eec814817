package dev.ponte.connector.pipedrive;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.ponte.connector.CredentialsFailure;
import dev.ponte.connector.DealFields.NewField;
import dev.ponte.connector.DealFields.Type;
import dev.ponte.connector.DealSource.DealPage;
import dev.ponte.connector.RejectedFailure.FieldError;
import dev.ponte.connector.WebhookInbound.Delivery;
import dev.ponte.connector.WebhookInbound.SourceEvent;
import dev.ponte.connector.TransientFailure;
import dev.ponte.model.Deal;
import dev.ponte.model.DealLine;
import dev.ponte.model.DealStatus;
import dev.ponte.model.Money;
import dev.ponte.model.Party;
import dev.ponte.model.PartyKind;
import dev.ponte.support.MemoryAccess;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link PipedriveConnector} over real HTTP against the Pipedrive sandbox emulator. */
@QuarkusTest
class PipedriveConnectorTest {

    private static final String SANDBOX = "/sandbox/pipedrive";
    private static final String ADMIN_TOKEN = "sandbox-admin-token";
    private static final String USER_TOKEN = "sandbox-user-token";
    private static final String CNPJ_KEY = "aaaaaaaaaabbbbbbbbbbccccccccccdddddddddd";
    private static final String CPF_KEY = "0123456789abcdef0123456789abcdef01234567";
    private static final List<NewField> CONTRACT_FIELDS = List.of(
            new NewField("Contrato Conta Azul", Type.CHOICE, List.of("Sim", "Não")),
            new NewField("Vigência Contrato Conta Azul", Type.DATE, null),
            new NewField("Vencimento Contrato Conta Azul", Type.DATE, null));

    @Inject
    PipedriveConnector connector;

    @TestHTTPResource("/test-hooks/pipedrive")
    URL hooks;

    @BeforeEach
    void reset() {
        given().delete(SANDBOX + "/_state").then().statusCode(204);
        given().delete(SANDBOX + "/_faults").then().statusCode(204);
        PipedriveHookResource.DELIVERIES.clear();
    }

    private PipedriveSourcePort port(String token) {
        return port(token, "ponte", "s3cret");
    }

    private PipedriveSourcePort port(String token, String webhookUser, String webhookPassword) {
        return port(new MemoryAccess(Map.of("apiToken", token, "webhookUser", webhookUser,
                "webhookPassword", webhookPassword)));
    }

    private PipedriveSourcePort port(MemoryAccess access) {
        return (PipedriveSourcePort) connector.open(access);
    }

    private static Optional<SourceEvent> read(PipedriveSourcePort port, Map<String, String> headers, byte[] body) {
        return port.read(new Delivery(headers, Map.of(), body));
    }

    private static RequestSpecification admin() {
        return given().header("x-api-token", ADMIN_TOKEN).contentType(ContentType.JSON);
    }

    private static long create(String path, Map<String, Object> body) {
        return admin().body(body).post(SANDBOX + path).then().statusCode(org.hamcrest.Matchers.either(
                org.hamcrest.Matchers.is(200)).or(org.hamcrest.Matchers.is(201))).extract().jsonPath().getLong("data.id");
    }

    private static void faults(Map<String, Object> spec) {
        given().contentType(ContentType.JSON).body(spec).post(SANDBOX + "/_faults").then().statusCode(200);
    }

    @Test
    void isCalledPipedrive() {
        assertThat(connector.system()).isEqualTo("PIPEDRIVE");
    }

    @Test
    void asksForAnAdminsTokenWhenTheUserIsNotAdmin() {
        List<FieldError> errors = port(USER_TOKEN).test();

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("credentials.apiToken");
            assertThat(e.message()).contains("admin");
        });
    }

    @Test
    void refusedTokenIsNamedByTheTestAndACredentialsFailureOfEveryOtherCall() {
        assertThat(port("not-a-token").test()).singleElement()
                .satisfies(e -> assertThat(e.field()).isEqualTo("credentials.apiToken"));
        faults(Map.of("next_401", 1));
        assertThatThrownBy(() -> port(ADMIN_TOKEN).deal("1")).isInstanceOf(CredentialsFailure.class);
    }

    @Test
    void droppedConnectionIsTransient() {
        faults(Map.of("drop_after_commit", 1));

        assertThatThrownBy(() -> port(ADMIN_TOKEN).subscribe(hooks.toString()))
                .isInstanceOf(TransientFailure.class);
    }

    @Test
    void readsDealWithOrganizationPersonLinesAndFieldLabels() {
        PipedriveSourcePort port = port(ADMIN_TOKEN);
        String contractKey = port.ensureDealFields(CONTRACT_FIELDS.subList(0, 1)).get("Contrato Conta Azul");
        long sim = admin().get(SANDBOX + "/v1/dealFields").jsonPath()
                .getLong("data.find { it.key == '" + contractKey + "' }.options.find { it.label == 'Sim' }.id");
        long org = create("/v1/organizations", Map.of("name", "Acme Ltda", "custom_fields",
                Map.of(CNPJ_KEY, "11.222.333/0001-81"), "address", Map.of("value", "Rua A, 10, São Paulo",
                        "route", "Rua A", "street_number", "10", "locality", "São Paulo", "admin_area_level_1", "SP",
                        "postal_code", "01000-000")));
        long person = create("/v1/persons", Map.of("name", "Ana Souza", "org_id", org, CPF_KEY, "529.982.247-25",
                "emails", List.of(Map.of("value", "other@example.com", "primary", false, "label", "home"),
                        Map.of("value", "ana@example.com", "primary", true, "label", "work")),
                "phones", List.of(Map.of("value", "+55 11 3333-4444", "primary", true, "label", "work"),
                        Map.of("value", "+55 11 99999-8888", "primary", false, "label", "mobile"))));
        long pen = create("/v1/products", Map.of("name", "Caneta", "code", "CAN-01",
                "prices", List.of(Map.of("price", 5, "currency", "BRL"))));
        long consulting = create("/v1/products", Map.of("name", "Consultoria", "code", "CONS",
                "description", "Horas de consultoria. Contaazul-Serviço"));
        long deal = create("/api/v2/deals", Map.of("title", "Venda grande", "value", 105, "currency", "BRL",
                "org_id", org, "person_id", person, "custom_fields", Map.of(contractKey, sim)));
        admin().body(Map.of("product_id", pen, "item_price", 5, "quantity", 3))
                .post(SANDBOX + "/api/v2/deals/" + deal + "/products").then().statusCode(201);
        admin().body(Map.of("product_id", consulting, "item_price", 100, "quantity", 1, "discount", 10))
                .post(SANDBOX + "/api/v2/deals/" + deal + "/products").then().statusCode(201);
        admin().body(Map.of("status", "won")).patch(SANDBOX + "/api/v2/deals/" + deal).then().statusCode(200);

        Deal read = port.deal(String.valueOf(deal)).orElseThrow();

        assertThat(read.id()).isEqualTo(String.valueOf(deal));
        assertThat(read.title()).isEqualTo("Venda grande");
        assertThat(read.status()).isEqualTo(DealStatus.WON);
        assertThat(read.value()).isEqualTo(Money.of("105", "BRL"));
        assertThat(read.wonTime()).isNotNull();
        assertThat(read.updateTime()).isNotNull();
        assertThat(read.pipelineId()).isEqualTo("1");
        assertThat(read.ownerId()).isEqualTo("1");
        assertThat(read.customFields()).containsEntry(contractKey, "Sim")
                .containsEntry("org." + CNPJ_KEY, "11.222.333/0001-81")
                .containsEntry("person." + CPF_KEY, "529.982.247-25");
        Party company = read.organization();
        assertThat(company.kind()).isEqualTo(PartyKind.COMPANY);
        assertThat(company.name()).isEqualTo("Acme Ltda");
        assertThat(company.origin()).isEqualTo("Pipedrive");
        assertThat(company.sourceId()).isEqualTo(String.valueOf(org));
        assertThat(company.address().city()).isEqualTo("São Paulo");
        assertThat(company.address().province()).isEqualTo("SP");
        Party contact = read.person();
        assertThat(contact.kind()).isEqualTo(PartyKind.PERSON);
        assertThat(contact.email()).isEqualTo("ana@example.com");
        assertThat(contact.businessPhone()).isEqualTo("+55 11 3333-4444");
        assertThat(contact.mobilePhone()).isEqualTo("+55 11 99999-8888");
        assertThat(read.customer()).contains(company);
        assertThat(read.lines()).hasSize(2);
        DealLine first = read.lines().get(0);
        assertThat(first.item().code()).isEqualTo("CAN-01");
        assertThat(first.item().name()).isEqualTo("Caneta");
        assertThat(first.item().tags()).noneMatch(t -> t.contains("contaazul"));
        assertThat(first.item().price()).isEqualTo(Money.of("5", "BRL"));
        assertThat(first.quantity()).isEqualByComparingTo("3");
        assertThat(first.total()).isEqualTo(Money.of("15", "BRL"));
        DealLine second = read.lines().get(1);
        assertThat(second.item().code()).isEqualTo("CONS");
        assertThat(second.item().tags()).anyMatch(t -> t.toLowerCase().contains("contaazul-servi"));
        assertThat(second.discountPercent()).isEqualByComparingTo(BigDecimal.TEN);
        assertThat(second.total()).isEqualTo(Money.of("90", "BRL"));
    }

    @Test
    void dealIdThatIsNotANumberIsEmpty() {
        PipedriveSourcePort port = port(ADMIN_TOKEN);

        assertThat(port.deal("not-an-id")).isEmpty();
    }

    @Test
    void pagesChangedDealsFromTheCursor() {
        for (int i = 1; i <= 3; i++) {
            create("/api/v2/deals", Map.of("title", "Deal " + i, "value", 10 * i));
        }
        PipedriveSourcePort port = port(ADMIN_TOKEN);

        DealPage all = port.dealsChangedSince(Instant.parse("2000-01-01T00:00:00.123Z"), null);
        assertThat(all.deals()).extracting(Deal::title).containsExactly("Deal 1", "Deal 2", "Deal 3");
        assertThat(all.deals()).allSatisfy(d -> assertThat(d.lines()).isEmpty());
        assertThat(all.nextCursor()).isNull();

        String cursor = admin().queryParam("limit", 1).get(SANDBOX + "/api/v2/deals").jsonPath()
                .getString("additional_data.next_cursor");
        assertThat(port.dealsChangedSince(Instant.EPOCH, cursor).deals()).extracting(Deal::title)
                .containsExactly("Deal 2", "Deal 3");
    }

    @Test
    void readsTheWebhookOfADealWonInPipedrive() {
        MemoryAccess access = new MemoryAccess(Map.of("apiToken", ADMIN_TOKEN));
        PipedriveSourcePort port = port(access);
        port.subscribe(hooks.toString());
        String password = access.credentials().get("webhookPassword");
        assertThat(password).hasSizeGreaterThan(20);
        assertThat(admin().get(SANDBOX + "/v1/webhooks").jsonPath().getList("data.subscription_url"))
                .containsExactly(hooks.toString());
        long deal = create("/api/v2/deals", Map.of("title", "Venda", "value", 50));
        await().atMost(Duration.ofSeconds(10)).until(() -> PipedriveHookResource.DELIVERIES.size() == 1);
        PipedriveHookResource.DELIVERIES.clear();

        admin().body(Map.of("status", "won")).patch(SANDBOX + "/api/v2/deals/" + deal).then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> !PipedriveHookResource.DELIVERIES.isEmpty());
        PipedriveHookResource.Delivery delivery = PipedriveHookResource.DELIVERIES.get(0);

        SourceEvent event = read(port, delivery.headers(), delivery.body()).orElseThrow();
        assertThat(event.deal().value()).isEqualTo(Money.of("50", "BRL"));
        assertThat(event.deal().wonTime()).isNotNull();
    }

    @Test
    void ignoresEventsOnOtherEntities() {
        String body = "{\"meta\":{\"action\":\"change\",\"entity\":\"person\",\"entity_id\":5,\"version\":\"2.0\"},"
                + "\"data\":{\"id\":5,\"name\":\"Ana\"},\"previous\":null}";
        String auth = "Basic " + java.util.Base64.getEncoder().encodeToString("ponte:s3cret".getBytes(StandardCharsets.UTF_8));

        Optional<SourceEvent> event = read(port(ADMIN_TOKEN), Map.of("authorization", auth),
                body.getBytes(StandardCharsets.UTF_8));

        assertThat(event).isEmpty();
    }

    @Test
    void reSubscribingKeepsOtherUrlsAndRegistersTheStoredPasswordForDealEventsV2() {
        MemoryAccess access = new MemoryAccess(Map.of("apiToken", ADMIN_TOKEN));
        PipedriveSourcePort port = port(access);
        String other = hooks.toString() + "/other";
        port.subscribe(other);
        port.subscribe(hooks.toString());
        port.subscribe(hooks.toString());

        var webhooks = admin().get(SANDBOX + "/v1/webhooks").jsonPath();
        assertThat(webhooks.getList("data.subscription_url")).containsExactlyInAnyOrder(other, hooks.toString());
        assertThat(webhooks.getString("data.find { it.subscription_url == '" + hooks + "' }.http_auth_password"))
                .isEqualTo(access.credentials().get("webhookPassword"));
        assertThat(webhooks.getString("data.find { it.subscription_url == '" + hooks + "' }.version"))
                .isEqualTo("2.0");
        assertThat(webhooks.getString("data.find { it.subscription_url == '" + hooks + "' }.event_object"))
                .isEqualTo("deal");
    }

    @Test
    void ensureDealFieldsCreatesOnlyWhatIsMissing() {
        PipedriveSourcePort port = port(ADMIN_TOKEN);
        int before = admin().get(SANDBOX + "/v1/dealFields").jsonPath().getList("data").size();

        Map<String, String> keys = port.ensureDealFields(CONTRACT_FIELDS);

        assertThat(keys).containsOnlyKeys(CONTRACT_FIELDS.stream().map(NewField::label).toList());
        assertThat(keys.values()).allSatisfy(k -> assertThat(k).matches("[0-9a-f]{40}"));
        var fields = admin().get(SANDBOX + "/v1/dealFields").jsonPath();
        assertThat(fields.getList("data")).hasSize(before + 3);
        assertThat(fields.getString("data.find { it.name == 'Contrato Conta Azul' }.field_type")).isEqualTo("enum");
        assertThat(fields.getList("data.find { it.name == 'Contrato Conta Azul' }.options.label"))
                .containsExactly("Sim", "Não");
        assertThat(fields.getString("data.find { it.name == 'Vigência Contrato Conta Azul' }.field_type"))
                .isEqualTo("date");
        assertThat(fields.getString("data.find { it.name == 'Vencimento Contrato Conta Azul' }.field_type"))
                .isEqualTo("date");

        List<NewField> withTitle = new java.util.ArrayList<>(List.of(new NewField("Title", Type.TEXT, null)));
        withTitle.addAll(CONTRACT_FIELDS);
        Map<String, String> again = port(ADMIN_TOKEN).ensureDealFields(withTitle);

        assertThat(again).containsAllEntriesOf(keys).containsEntry("Title", "title");
        assertThat(admin().get(SANDBOX + "/v1/dealFields").jsonPath().getList("data")).hasSize(before + 3);
    }
}
