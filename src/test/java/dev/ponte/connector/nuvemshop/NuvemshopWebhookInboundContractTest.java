package dev.ponte.connector.nuvemshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ponte.connector.WebhookInbound;
import dev.ponte.connector.WebhookInbound.Delivery;
import dev.ponte.connector.WebhookInbound.Kind;
import dev.ponte.connector.WebhookInbound.SourceEvent;
import dev.ponte.connector.WebhookSubscription;
import dev.ponte.connector.contract.WebhookInboundContract;
import dev.ponte.support.MemoryAccess;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;

/**
 * {@link WebhookInboundContract} for Nuvemshop: the sandbox delivers {@code order/paid}, signed with the app's secret,
 * to {@link NuvemshopHookResource} after the connection subscribed. Another connection is another store's.
 */
@QuarkusTest
class NuvemshopWebhookInboundContractTest extends WebhookInboundContract {

    @Inject
    NuvemshopConnector connector;

    @TestHTTPResource("/test-hooks/nuvemshop")
    URL hooks;

    private MemoryAccess access;

    @Override
    protected void reset() {
        NuvemshopSeeds.SANDBOX.reset();
        NuvemshopHookResource.DELIVERIES.clear();
        access = new MemoryAccess(NuvemshopSeeds.install(NuvemshopSeeds.STORE));
    }

    @Override
    protected Received deliveryOfAWonDeal() {
        ((WebhookSubscription) connector.open(access)).subscribe(hooks.toString());
        String order = NuvemshopSeeds.order(NuvemshopSeeds.STORE, NuvemshopSeeds.customer("Ana Souza",
                NuvemshopSeeds.CPF, null), List.of(new NuvemshopSeeds.Line("Caneta", "10.00", "1")), null);
        NuvemshopSeeds.pay(NuvemshopSeeds.STORE, order, 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> !NuvemshopHookResource.DELIVERIES.isEmpty());
        NuvemshopHookResource.Delivery d = NuvemshopHookResource.DELIVERIES.get(0);
        return new Received(order, new Delivery(d.headers(), d.query(), d.body()));
    }

    /** A paid order's delivery is the order's event; its job reads the order before acting. */
    @Override
    protected void assertIsTheEventOf(Received received, SourceEvent event) {
        assertThat(event.kind()).isEqualTo(Kind.ORDER);
        assertThat(event.recordId()).isEqualTo(received.dealId());
    }

    @Override
    protected WebhookInbound inbound() {
        return (WebhookInbound) connector.open(access);
    }

    @Override
    protected WebhookInbound anotherConnection() {
        return (WebhookInbound) connector.open(new MemoryAccess(NuvemshopSeeds.install("2002")));
    }
}
