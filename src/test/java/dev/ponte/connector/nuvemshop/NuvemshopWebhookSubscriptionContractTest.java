package dev.ponte.connector.nuvemshop;

import dev.ponte.connector.ConnectionAccess;
import dev.ponte.connector.WebhookSubscription;
import dev.ponte.connector.contract.WebhookSubscriptionContract;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import java.util.Map;

/**
 * {@link WebhookSubscriptionContract} for Nuvemshop, over its sandbox: the URLs subscribed to {@code order/paid} (each
 * URL also gets {@code app/uninstalled}). Deliveries are signed with the app's secret, so none is stored.
 */
@QuarkusTest
class NuvemshopWebhookSubscriptionContractTest extends WebhookSubscriptionContract {

    @Inject
    NuvemshopConnector connector;

    @TestHTTPResource("/test-hooks/nuvemshop")
    URL hooks;

    private Map<String, String> installed;

    @Override
    protected void reset() {
        NuvemshopSeeds.SANDBOX.reset();
        installed = NuvemshopSeeds.install(NuvemshopSeeds.STORE);
    }

    @Override
    protected Map<String, String> credentials() {
        return installed;
    }

    @Override
    protected boolean storesASecret() {
        return false;
    }

    @Override
    protected WebhookSubscription subscriptions(ConnectionAccess access) {
        return (WebhookSubscription) connector.open(access);
    }

    @Override
    protected List<String> subscribedUrls() {
        return NuvemshopSeeds.SANDBOX.state().getList("webhooks.findAll { it.event == 'order/paid' }.url",
                String.class);
    }

    @Override
    protected String url() {
        return hooks.toString();
    }
}
