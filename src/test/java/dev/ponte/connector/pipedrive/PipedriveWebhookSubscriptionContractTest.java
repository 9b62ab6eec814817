package dev.ponte.connector.pipedrive;

import dev.ponte.connector.ConnectionAccess;
import dev.ponte.connector.WebhookSubscription;
import dev.ponte.connector.contract.WebhookSubscriptionContract;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import java.util.Map;

/** {@link WebhookSubscriptionContract} for Pipedrive, over its sandbox. */
@QuarkusTest
class PipedriveWebhookSubscriptionContractTest extends WebhookSubscriptionContract {

    @Inject
    PipedriveConnector connector;

    @TestHTTPResource("/test-hooks/pipedrive")
    URL hooks;

    @Override
    protected void reset() {
        PipedriveSeeds.SANDBOX.reset();
    }

    @Override
    protected Map<String, String> credentials() {
        return Map.of("apiToken", PipedriveSeeds.ADMIN_TOKEN);
    }

    @Override
    protected WebhookSubscription subscriptions(ConnectionAccess access) {
        return (WebhookSubscription) connector.open(access);
    }

    @Override
    protected List<String> subscribedUrls() {
        return PipedriveSeeds.SANDBOX.state().getList("webhooks.subscription_url", String.class);
    }

    @Override
    protected String url() {
        return hooks.toString();
    }
}
