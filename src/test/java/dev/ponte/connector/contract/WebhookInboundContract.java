package dev.ponte.connector.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponte.connector.CredentialsFailure;
import dev.ponte.connector.WebhookInbound;
import dev.ponte.connector.WebhookInbound.Delivery;
import dev.ponte.connector.WebhookInbound.SourceEvent;
import dev.ponte.model.DealStatus;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link WebhookInbound} promises the hook endpoint: a delivery the vendor sent for this connection is
 * read into the deal's event, the same event id each time it is read; a delivery without the vendor's proof (basic
 * auth, an HMAC, a secret in the URL), or with another connection's, is a {@link CredentialsFailure} and nothing in
 * it is trusted.
 *
 * <p>An implementation, one per connector offering webhooks, provides:
 * <ul>
 *   <li>{@link #reset()}: forget what the vendor holds and what it delivered;</li>
 *   <li>{@link #deliveryOfAWonDeal()}: have the vendor (its sandbox) deliver the event of a deal being won, and
 *       answer the delivery exactly as it arrived with the deal's id;</li>
 *   <li>{@link #inbound()}: the port of the connection the delivery was meant for (called after the delivery, so a
 *       secret set up by subscribing is in place);</li>
 *   <li>{@link #anotherConnection()}: the port of another connection to the same vendor, with its own secret.</li>
 * </ul>
 */
public abstract class WebhookInboundContract {

    protected abstract void reset();

    protected abstract Received deliveryOfAWonDeal();

    protected abstract WebhookInbound inbound();

    protected abstract WebhookInbound anotherConnection();

    /** A delivery as it arrived and the id of the deal (or order) it is about. */
    public record Received(String dealId, Delivery delivery) {
    }

    /**
     * The event a delivery of {@link #deliveryOfAWonDeal()} is read into: the won deal's. A shop's delivery is an
     * order's event instead (an order's job reads the order and its payment before acting), checked by its own.
     */
    protected void assertIsTheEventOf(Received received, SourceEvent event) {
        assertThat(event.dealId()).isEqualTo(received.dealId());
        assertThat(event.deal().status()).isEqualTo(DealStatus.WON);
    }

    @BeforeEach
    void resetVendor() {
        reset();
    }

    @Test
    void readsAVerifiedDeliveryIntoTheEventOfTheWonDeal() {
        Received received = deliveryOfAWonDeal();

        SourceEvent event = inbound().read(received.delivery()).orElseThrow();

        assertIsTheEventOf(received, event);
        assertThat(event.eventId()).isNotBlank();
        assertThat(inbound().read(received.delivery())).as("read again: the same event")
                .map(SourceEvent::eventId).contains(event.eventId());
    }

    @Test
    void aDeliveryWithoutTheVendorsProofIsACredentialsFailure() {
        Delivery delivery = deliveryOfAWonDeal().delivery();
        Map<String, String> bare = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        delivery.headers().forEach((name, value) -> {
            if (name.equalsIgnoreCase("content-type")) {
                bare.put(name, value);
            }
        });

        assertThatThrownBy(() -> inbound().read(new Delivery(bare, Map.of(), delivery.body())))
                .isInstanceOf(CredentialsFailure.class);
    }

    @Test
    void aDeliveryForAnotherConnectionIsACredentialsFailure() {
        Delivery delivery = deliveryOfAWonDeal().delivery();

        assertThatThrownBy(() -> anotherConnection().read(delivery)).isInstanceOf(CredentialsFailure.class);
    }
}
