package dev.ponte.connector.moskit;

import static org.awaitility.Awaitility.await;

import dev.ponte.connector.WebhookInbound;
import dev.ponte.connector.WebhookInbound.Delivery;
import dev.ponte.connector.contract.WebhookInboundContract;
import dev.ponte.support.MemoryAccess;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@link WebhookInboundContract} for Moskit: the sandbox delivers, as the webhook a person set up in Moskit's screen
 * would, to {@link MoskitHookResource} with the connection's secret in the URL.
 */
@QuarkusTest
class MoskitWebhookInboundContractTest extends WebhookInboundContract {

    @Inject
    MoskitConnector connector;

    @TestHTTPResource("/test-hooks/moskit")
    URL hooks;

    @Override
    protected void reset() {
        MoskitSeeds.SANDBOX.reset();
        MoskitHookResource.DELIVERIES.clear();
    }

    @Override
    protected Received deliveryOfAWonDeal() {
        long deal = MoskitSeeds.deal("Venda", 5000L, MoskitSeeds.company("Acme", List.of()), null,
                MoskitSeeds.SALES_STAGE, List.of(), "OPEN");
        MoskitSeeds.setStatus(deal, "WON");
        MoskitSeeds.deliver(hooks + "?secret=" + MoskitSeeds.SECRET, deal, 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> !MoskitHookResource.DELIVERIES.isEmpty());
        MoskitHookResource.Delivery delivery = MoskitHookResource.DELIVERIES.get(0);
        return new Received(String.valueOf(deal), new Delivery(delivery.headers(), delivery.query(), delivery.body()));
    }

    @Override
    protected WebhookInbound inbound() {
        return (WebhookInbound) connector.open(new MemoryAccess(MoskitSeeds.credentials()));
    }

    @Override
    protected WebhookInbound anotherConnection() {
        return (WebhookInbound) connector.open(new MemoryAccess(Map.of("apikey", MoskitSeeds.API_KEY,
                "webhookSecret", "another-connections-secret")));
    }
}
