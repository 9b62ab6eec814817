package dev.ponte.connector.pipedrive;

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
 * {@link WebhookInboundContract} for Pipedrive: the sandbox delivers to {@link PipedriveHookResource} after the
 * connection subscribed, with the basic auth subscribing stored.
 */
@QuarkusTest
class PipedriveWebhookInboundContractTest extends WebhookInboundContract {

    @Inject
    PipedriveConnector connector;

    @TestHTTPResource("/test-hooks/pipedrive")
    URL hooks;

    private final MemoryAccess access = new MemoryAccess(Map.of("apiToken", PipedriveSeeds.ADMIN_TOKEN));

    @Override
    protected void reset() {
        PipedriveSeeds.SANDBOX.reset();
        PipedriveHookResource.DELIVERIES.clear();
    }

    @Override
    protected Received deliveryOfAWonDeal() {
        ((WebhookSubscription) connector.open(access)).subscribe(hooks.toString());
        long deal = PipedriveSeeds.create("/api/v2/deals", Map.of("title", "Venda", "value", 50));
        await().atMost(Duration.ofSeconds(10)).until(() -> PipedriveHookResource.DELIVERIES.size() == 1);
        PipedriveHookResource.DELIVERIES.clear();
        PipedriveSeeds.admin().body(Map.of("status", "won")).patch(PipedriveSeeds.SANDBOX.path("/api/v2/deals/" + deal))
                .then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> !PipedriveHookResource.DELIVERIES.isEmpty());
        PipedriveHookResource.Delivery delivery = PipedriveHookResource.DELIVERIES.get(0);
        return new Received(String.valueOf(deal), new Delivery(delivery.headers(), Map.of(), delivery.body()));
    }

    @Override
    protected WebhookInbound inbound() {
        return (WebhookInbound) connector.open(access);
    }

    @Override
    protected WebhookInbound anotherConnection() {
        return (WebhookInbound) connector.open(new MemoryAccess(Map.of("apiToken", PipedriveSeeds.ADMIN_TOKEN,
                "webhookUser", "ponte", "webhookPassword", "another-connections-secret")));
    }
}
