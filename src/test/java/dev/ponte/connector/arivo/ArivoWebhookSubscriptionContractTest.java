package dev.ponte.connector.arivo;

import dev.ponte.connector.ConnectionAccess;
import dev.ponte.connector.WebhookSubscription;
import dev.ponte.connector.contract.WebhookSubscriptionContract;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import java.util.Map;

/** {@link WebhookSubscriptionContract} for Arivo, over its sandbox; the secret in each callback URL is left out. */
@QuarkusTest
class ArivoWebhookSubscriptionContractTest extends WebhookSubscriptionContract {

    @Inject
    ArivoConnector connector;

    @TestHTTPResource("/test-hooks/arivo")
    URL hooks;

    @Override
    protected void reset() {
        ArivoSeeds.SANDBOX.reset();
    }

    @Override
    protected Map<String, String> credentials() {
        return Map.of("apiKey", ArivoSeeds.API_KEY);
    }

    @Override
    protected WebhookSubscription subscriptions(ConnectionAccess access) {
        return (WebhookSubscription) connector.open(access);
    }

    @Override
    protected List<String> subscribedUrls() {
        return ArivoSeeds.SANDBOX.state().getList("webhooks.callback_url", String.class).stream()
                .map(url -> url.replaceAll("\\?secret=[^&]*$", "")).toList();
    }

    @Override
    protected String url() {
        return hooks.toString();
    }
}
