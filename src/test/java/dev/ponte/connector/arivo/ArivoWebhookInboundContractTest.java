package dev.ponte.connector.arivo;

import static org.awaitility.Awaitility.await;

import dev.ponte.connector.WebhookInbound;
import dev.ponte.connector.WebhookInbound.Delivery;
import dev.ponte.connector.WebhookSubscription;
import dev.ponte.connector.contract.WebhookInboundContract;
import dev.ponte.support.MemoryAccess;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.Map;

/**
 * {@link WebhookInboundContract} for Arivo: the sandbox delivers {@code deal.won} to {@link ArivoHookResource} after
 * the connection subscribed, with the secret subscribing stored and put in the callback URL.
 */
@QuarkusTest
class ArivoWebhookInboundContractTest extends WebhookInboundContract {

    @Inject
    ArivoConnector connector;

    @TestHTTPResource("/test-hooks/arivo")
    URL hooks;

    private final MemoryAccess access = new MemoryAccess(Map.of("apiKey", ArivoSeeds.API_KEY));

    @Override
    protected void reset() {
        ArivoSeeds.SANDBOX.reset();
        ArivoHookResource.DELIVERIES.clear();
    }

    @Override
    protected Received deliveryOfAWonDeal() {
        ((WebhookSubscription) connector.open(access)).subscribe(hooks.toString());
        String deal = ArivoSeeds.create("/deals", Map.of("name", "Venda", "value", 50));
        ArivoSeeds.setStatus(deal, "won");
        await().atMost(Duration.ofSeconds(10)).until(() -> !ArivoHookResource.DELIVERIES.isEmpty());
        ArivoHookResource.Delivery delivery = ArivoHookResource.DELIVERIES.get(0);
        return new Received(deal, new Delivery(delivery.headers(), delivery.query(), delivery.body()));
    }

    @Override
    protected WebhookInbound inbound() {
        return (WebhookInbound) connector.open(access);
    }

    @Override
    protected WebhookInbound anotherConnection() {
        return (WebhookInbound) connector.open(new MemoryAccess(Map.of("apiKey", ArivoSeeds.API_KEY,
                "webhookSecret", "another-connections-secret")));
    }
}
