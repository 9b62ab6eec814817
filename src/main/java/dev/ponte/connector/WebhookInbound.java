package dev.ponte.connector;

import dev.ponte.model.Deal;
import java.util.Map;
import java.util.Optional;

/**
 * A source's webhook deliveries to {@code /hooks/{connection}}: each verified the vendor's way (HTTP basic auth, an
 * HMAC of the raw body, a secret in the URL) before anything in it is trusted, then read into an event.
 */
public interface WebhookInbound {

    /**
     * Verifies and reads a delivery. Answers empty for an event Ponte does not act on; throws
     * {@link CredentialsFailure} when the delivery cannot be verified, and {@link RejectedFailure} (naming the field)
     * when a verified body cannot be read.
     */
    Optional<SourceEvent> read(Delivery delivery);

    /**
     * For a source whose webhooks a person sets up in the vendor's own screen (not subscribed by API): the address to
     * paste there — Ponte's {@code hookUrl} with what a delivery must carry to be verified (e.g. the connection's
     * secret). Empty where Ponte subscribes the webhook itself.
     */
    default Optional<String> addressToPaste(String hookUrl) {
        return Optional.empty();
    }

    /** A delivery as it arrived: headers (lower-case names), query parameters and the raw body. */
    record Delivery(Map<String, String> headers, Map<String, String> query, byte[] body) {
    }

    /**
     * A verified event: the vendor's event id (the same on its retries, for idempotency), which deal changed, and the
     * deal as the payload carried it (flows still read it fresh before acting).
     */
    record SourceEvent(String eventId, String dealId, Deal deal) {
    }
}
