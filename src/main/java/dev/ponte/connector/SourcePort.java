package dev.ponte.connector;

import dev.ponte.model.Deal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CRM (or shop) side of one connection: deals with their parties and products, change polling, webhooks.
 * Implementations are opened per connection by a {@link SourceConnector}. A source without deals (CRM in Cloud, which
 * implements {@link CompanySource}) keeps the defaults: no deals, no webhooks.
 */
public interface SourcePort {

    /** Checks the credentials; a problem (e.g. the token's user is not an admin, R16) is a field error. */
    List<RejectedFailure.FieldError> test();

    /**
     * The deal with its organization, person and product lines; empty when it no longer exists. Custom fields of
     * the organization and the person (where a CRM keeps CPF/CNPJ, R7) are in {@link Deal#customFields()} under
     * {@code org.<key>} and {@code person.<key>}; the deal's own fields keep their bare keys.
     */
    default Optional<Deal> deal(String id) {
        return Optional.empty();
    }

    /** Deals changed at or after {@code since}, one page at a time; {@code cursor} null asks for the first page. */
    default DealPage dealsChangedSince(Instant since, String cursor) {
        return new DealPage(List.of(), null);
    }

    /**
     * Verifies and reads a webhook delivery. Answers empty for an event Ponte does not act on; throws
     * {@link CredentialsFailure} when the delivery cannot be verified.
     */
    default Optional<WebhookEvent> readWebhook(Map<String, String> headers, byte[] body) {
        return Optional.empty();
    }

    /** Subscribes Ponte's webhook URL for deal changes, with the secret the deliveries must carry. */
    default void registerWebhook(String url, String user, String password) {
    }

    /** Removes every webhook subscription of Ponte's URL. */
    default void removeWebhooks(String url) {
    }

    /** Creates the named custom deal fields that do not exist yet (R19); answers label → field key. */
    default Map<String, String> ensureDealFields(List<String> labels) {
        throw new UnsupportedOperationException("this source has no deal fields");
    }

    /** One page of changed deals and the cursor of the next (null when this was the last). */
    record DealPage(List<Deal> deals, String nextCursor) {
    }

    /**
     * A verified delivery: which deal changed, the vendor's event id (for idempotency), and the deal as the
     * payload carried it (the flow still reads the deal fresh before acting).
     */
    record WebhookEvent(String eventId, String dealId, Deal deal) {
    }
}
