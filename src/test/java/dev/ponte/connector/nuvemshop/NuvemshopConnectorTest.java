package dev.ponte.connector.nuvemshop;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponte.connector.CredentialsFailure;
import dev.ponte.connector.OrderSource;
import dev.ponte.connector.OrderSource.OrderPage;
import dev.ponte.connector.RejectedFailure;
import dev.ponte.connector.TransientFailure;
import dev.ponte.connector.WebhookInbound;
import dev.ponte.connector.WebhookInbound.Delivery;
import dev.ponte.connector.WebhookInbound.Kind;
import dev.ponte.connector.WebhookInbound.PersonalDataRequest.Action;
import dev.ponte.connector.WebhookInbound.SourceEvent;
import dev.ponte.connector.WebhookSubscription;
import dev.ponte.connector.nuvemshop.NuvemshopSeeds.Line;
import dev.ponte.model.Order;
import dev.ponte.model.PartyKind;
import dev.ponte.support.MemoryAccess;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Nuvemshop connector against its sandbox over real HTTP: what the contract tests do not cover. */
@QuarkusTest
class NuvemshopConnectorTest {

    @Inject
    NuvemshopConnector connector;

    private MemoryAccess access;

    @BeforeEach
    void reset() {
        NuvemshopSeeds.SANDBOX.reset();
        given().delete(NuvemshopSeeds.SANDBOX.path("/_control/limits")).then().statusCode(200);
        access = new MemoryAccess(NuvemshopSeeds.install(NuvemshopSeeds.STORE));
    }

    private OrderSource orders() {
        return (OrderSource) connector.open(access);
    }

    @Test
    void theInstallLinkIsTheStoresAuthorizePageOfPontesApp() {
        assertThat(connector.authorizeUrl("sealed", "ignored").toString())
                .endsWith("/sandbox/nuvemshop/apps/4321/authorize?state=sealed");
    }

    @Test
    void exchangingTheInstallsCodeGivesTheStoresTokenAndItsIdAndAUsedCodeIsRefused() {
        String location = given().redirects().follow(false).queryParam("state", "s")
                .get(NuvemshopSeeds.SANDBOX.path("/apps/4321/authorize")).then().statusCode(302).extract()
                .header("Location");
        String code = NuvemshopSeeds.query(location, "code");
        Map<String, String> credentials = connector.exchangeCode(code, null);
        assertThat(credentials).containsEntry(NuvemshopSourcePort.STORE_ID, NuvemshopSeeds.STORE)
                .containsKey(NuvemshopSourcePort.ACCESS_TOKEN);
        assertThat(connector.open(new MemoryAccess(credentials)).test()).isEmpty();
        assertThatThrownBy(() -> connector.exchangeCode(code, null)).isInstanceOfSatisfying(RejectedFailure.class,
                f -> assertThat(f.errors()).extracting(RejectedFailure.FieldError::field).containsExactly("code"));
    }

    @Test
    void theApiRefusesACallWithoutAUserAgentAndPontesNamesPonteAndAContact() {
        String token = access.credentials().get(NuvemshopSourcePort.ACCESS_TOKEN);
        given().header("Authentication", "bearer " + token).header("User-Agent", "")
                .get(NuvemshopSeeds.SANDBOX.path("/v1/" + NuvemshopSeeds.STORE + "/orders")).then().statusCode(400);
        orders().ordersChangedSince(null, null);
        assertThat(NuvemshopSeeds.SANDBOX.state().getInt("limits.capacity")).isEqualTo(40);
        assertThat(connector.open(access).test()).isEmpty();
    }

    @Test
    void anOrderIsReadByItsIdWithAmountsParsedExactlyFromTheDecimalStrings() {
        Map<String, Object> buyer = new HashMap<>(NuvemshopSeeds.customer("Acme Ltda", "11222333000181",
                "(11) 99999-8888"));
        buyer.put("billing_phone", "(11) 3333-4444");
        String id = NuvemshopSeeds.order(NuvemshopSeeds.STORE, buyer, List.of(new Line("Clipe", "0.10", "3"),
                new Line("Caneta", "1234567.89", "0.5")), "0.30");
        Order order = orders().order(id).orElseThrow();
        assertThat(order.id()).isEqualTo(id);
        assertThat(order.paid()).isFalse();
        assertThat(order.lines().get(0).unitPrice().amount()).isEqualTo(new BigDecimal("0.10"));
        assertThat(order.lines().get(0).total().amount()).isEqualByComparingTo("0.30");
        assertThat(order.lines().get(1).quantity()).isEqualTo(new BigDecimal("0.5"));
        assertThat(order.shipping().amount()).isEqualTo(new BigDecimal("0.30"));
        assertThat(order.customer().kind()).isEqualTo(PartyKind.COMPANY);
        assertThat(order.customer().taxId().value()).isEqualTo("11222333000181");
        assertThat(order.customer().mobilePhone()).isEqualTo("(11) 99999-8888");
        assertThat(order.customer().businessPhone()).isEqualTo("(11) 3333-4444");
        assertThat(orders().order("999999")).isEmpty();
        assertThat(orders().order("not-an-id")).isEmpty();
    }

    @Test
    void changedOrdersAreReadSinceATimeFollowingTheLinkHeader() {
        Instant before = Instant.now().minusSeconds(2);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            ids.add(NuvemshopSeeds.order(NuvemshopSeeds.STORE, NuvemshopSeeds.customer("Cliente " + i, null, null),
                    List.of(new Line("P", "1.00", "1")), null));
        }
        List<String> read = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            OrderPage page = orders().ordersChangedSince(before, cursor);
            page.orders().forEach(o -> read.add(o.id()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);
        assertThat(read).containsExactlyElementsOf(ids);
        assertThat(pages).isEqualTo(3);
        assertThat(orders().ordersChangedSince(Instant.now().plusSeconds(60), null).orders()).isEmpty();
    }

    @Test
    void aFullBucketIs429AndItsWaitIsTheTimeOneRequestsRoomTakesToFree() {
        given().contentType(ContentType.JSON).body(Map.of("capacity", 2, "drain_per_second", 0.2))
                .post(NuvemshopSeeds.SANDBOX.path("/_control/limits")).then().statusCode(200);
        OrderSource orders = orders();
        orders.order("1");
        orders.order("1");
        assertThatThrownBy(() -> orders.order("1")).isInstanceOfSatisfying(TransientFailure.class,
                f -> assertThat(f.retryAfter()).hasValueSatisfying(wait -> assertThat(wait.toMillis())
                        .isBetween(3_000L, 5_000L)));
    }

    @Test
    void aFieldTheShopRefusesIsARejectionNamingIt() {
        WebhookSubscription hooks = (WebhookSubscription) connector.open(access);
        assertThatThrownBy(() -> hooks.subscribe("not a url")).isInstanceOfSatisfying(RejectedFailure.class,
                f -> assertThat(f.errors()).extracting(RejectedFailure.FieldError::field).containsExactly("url"));
    }

    @Test
    void aSignedDeliveryIsReadAndAChangedOneIsRefusedBeforeItIsParsed() {
        WebhookInbound inbound = (WebhookInbound) connector.open(access);
        String body = NuvemshopSeeds.paidEvent(NuvemshopSeeds.STORE, "123");
        SourceEvent event = inbound.read(delivery(body, NuvemshopSeeds.sign(body))).orElseThrow();
        assertThat(event.kind()).isEqualTo(Kind.ORDER);
        assertThat(event.eventId()).isEqualTo(NuvemshopSeeds.STORE + ":order/paid:123");
        String notJson = "this is not json";
        assertThatThrownBy(() -> inbound.read(delivery(notJson, NuvemshopSeeds.sign(body))))
                .isInstanceOf(CredentialsFailure.class);
        assertThatThrownBy(() -> inbound.read(delivery(notJson, NuvemshopSeeds.sign(notJson))))
                .isInstanceOf(RejectedFailure.class);
        String uninstalled = "{\"store_id\":" + NuvemshopSeeds.STORE + ",\"event\":\"app/uninstalled\",\"id\":4321}";
        assertThat(inbound.read(delivery(uninstalled, NuvemshopSeeds.sign(uninstalled)))).map(SourceEvent::kind)
                .contains(Kind.DISCONNECTED);
        String redact = "{\"store_id\":" + NuvemshopSeeds.STORE + ",\"customer\":{\"id\":9,\"email\":\"a@b.c\"},"
                + "\"orders_to_redact\":[1,2]}";
        SourceEvent privacy = inbound.read(delivery(redact, NuvemshopSeeds.sign(redact))).orElseThrow();
        assertThat(privacy.personalData().action()).isEqualTo(Action.REDACT_CUSTOMER);
        assertThat(privacy.personalData().recordIds()).containsExactly("1", "2");
    }

    private static Delivery delivery(String body, String signature) {
        return new Delivery(Map.of("x-linkedstore-hmac-sha256", signature), Map.of(),
                body.getBytes(StandardCharsets.UTF_8));
    }
}
