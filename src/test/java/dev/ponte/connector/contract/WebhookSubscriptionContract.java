package dev.ponte.connector.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponte.connector.ConnectionAccess;
import dev.ponte.connector.WebhookSubscription;
import dev.ponte.support.MemoryAccess;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link WebhookSubscription} promises when a connection is switched on and off: subscribing again
 * replaces the subscription (one per URL, with a new secret stored for the connection), and unsubscribing removes
 * that URL's subscription only.
 *
 * <p>An implementation, one per connector whose webhooks are subscribed by API, provides:
 * <ul>
 *   <li>{@link #reset()}: forget every subscription the vendor holds;</li>
 *   <li>{@link #credentials()}: credentials the vendor accepts, before any subscription;</li>
 *   <li>{@link #subscriptions(ConnectionAccess)}: the port of the connection behind {@code access};</li>
 *   <li>{@link #subscribedUrls()}: the URLs the vendor holds subscriptions of (its sandbox's {@code _state});</li>
 *   <li>{@link #url()}: a URL of Ponte's the vendor may deliver to.</li>
 * </ul>
 */
public abstract class WebhookSubscriptionContract {

    protected abstract void reset();

    protected abstract Map<String, String> credentials();

    protected abstract WebhookSubscription subscriptions(ConnectionAccess access);

    protected abstract List<String> subscribedUrls();

    protected abstract String url();

    /**
     * Whether deliveries carry a secret of the connection's own, stored by subscribing; not where the vendor signs
     * every delivery with the app's key (an HMAC), which no subscription changes.
     */
    protected boolean storesASecret() {
        return true;
    }

    @BeforeEach
    void resetVendor() {
        reset();
    }

    @Test
    void subscribingAgainReplacesTheSubscriptionWithANewSecret() {
        MemoryAccess access = new MemoryAccess(credentials());
        subscriptions(access).subscribe(url());
        Map<String, String> first = access.credentials();

        subscriptions(access).subscribe(url());

        assertThat(subscribedUrls()).containsExactly(url());
        if (storesASecret()) {
            assertThat(first).as("a secret was stored").isNotEqualTo(credentials());
            assertThat(access.credentials()).as("a new secret each time").isNotEqualTo(first);
        }
    }

    @Test
    void unsubscribingRemovesThatUrlOnly() {
        MemoryAccess access = new MemoryAccess(credentials());
        String other = url() + "/other";
        subscriptions(access).subscribe(other);
        subscriptions(access).subscribe(url());

        subscriptions(access).unsubscribe(url());

        assertThat(subscribedUrls()).containsExactly(other);
        subscriptions(access).unsubscribe(url());
        assertThat(subscribedUrls()).as("unsubscribing again changes nothing").containsExactly(other);
    }
}
