package dev.ponte.connector.testcrm;

import dev.ponte.connector.WebhookInbound;
import dev.ponte.connector.WebhookInbound.Delivery;
import dev.ponte.connector.contract.WebhookInboundContract;
import dev.ponte.model.Deal;
import dev.ponte.model.DealStatus;
import dev.ponte.model.Money;
import dev.ponte.support.MemoryAccess;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@link WebhookInboundContract} for the test-only vendor: its deliveries carry the secret in the URL. */
@QuarkusTest
class TestCrmWebhookInboundContractTest extends WebhookInboundContract {

    private static final String SECRET = "s3cret";

    @Inject
    TestCrmConnector crm;

    @Override
    protected void reset() {
        crm.deals.clear();
    }

    @Override
    protected Received deliveryOfAWonDeal() {
        Instant now = Instant.now();
        crm.deals.put("7", new Deal("7", "Venda", DealStatus.WON, Money.of("20", "BRL"), now, now, null, null, null,
                List.of(), Map.of(), null));
        return new Received("7", new Delivery(Map.of("content-type", "application/json"),
                Map.of(TestCrmConnector.SECRET, SECRET, "deal", "7"), new byte[0]));
    }

    @Override
    protected WebhookInbound inbound() {
        return (WebhookInbound) crm.open(new MemoryAccess(Map.of(TestCrmConnector.SECRET, SECRET)));
    }

    @Override
    protected WebhookInbound anotherConnection() {
        return (WebhookInbound) crm.open(new MemoryAccess(Map.of(TestCrmConnector.SECRET, "another-secret")));
    }
}
