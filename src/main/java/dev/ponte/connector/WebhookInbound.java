package dev.ponte.connector;

import dev.ponte.model.Deal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
     * A verified event: the vendor's event id (the same on its retries, for idempotency), what it is about, the id of
     * the record it names (a deal, an order), and for a deal the deal as the payload carried it (flows still read it
     * fresh before acting); for a privacy request, the request.
     */
    record SourceEvent(String eventId, Kind kind, String recordId, Deal deal, PersonalDataRequest personalData) {

        public SourceEvent {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(kind, "kind");
            if ((kind == Kind.PERSONAL_DATA) != (personalData != null)) {
                throw new IllegalArgumentException("a privacy request is given exactly for a PERSONAL_DATA event");
            }
        }

        /** A deal changed. */
        public SourceEvent(String eventId, String dealId, Deal deal) {
            this(eventId, Kind.DEAL, dealId, deal, null);
        }

        /** The deal's id, for a deal's event; null otherwise. */
        public String dealId() {
            return kind == Kind.DEAL ? recordId : null;
        }

        public static SourceEvent order(String eventId, String orderId) {
            return new SourceEvent(eventId, Kind.ORDER, orderId, null, null);
        }

        /** The source revoked Ponte's access (a shop app uninstalled): the connection needs reconnecting (R16). */
        public static SourceEvent disconnected(String eventId) {
            return new SourceEvent(eventId, Kind.DISCONNECTED, null, null, null);
        }

        public static SourceEvent personalData(String eventId, PersonalDataRequest request) {
            return new SourceEvent(eventId, Kind.PERSONAL_DATA, null, null, request);
        }
    }

    /** What an event is about. */
    enum Kind {
        /** A deal changed ({@code recordId}, {@code deal}). */
        DEAL,
        /** An order changed or was paid ({@code recordId}); its job reads it before acting. */
        ORDER,
        /** Ponte's access to the source was revoked. */
        DISCONNECTED,
        /** A privacy duty of the source's customers or its account (LGPD). */
        PERSONAL_DATA
    }

    /**
     * A privacy request a source relays (LGPD): forget one customer's personal data for the records listed, forget the
     * whole account's data, or report what Ponte holds of one customer. The customer's identifiers are as the source
     * sent them (any may be null); {@code recordIds} are the source's records of that customer to forget or report
     * (of {@code recordType}, e.g. {@code order}); {@code requestId} is the source's, to answer a report with.
     */
    record PersonalDataRequest(Action action, String customerId, String email, String phone, String document,
            String recordType, List<String> recordIds, String requestId) {

        public PersonalDataRequest {
            Objects.requireNonNull(action, "action");
            recordIds = recordIds == null ? List.of() : List.copyOf(recordIds);
        }

        /** What the source asks. */
        public enum Action { REDACT_CUSTOMER, REDACT_ACCOUNT, REPORT_CUSTOMER }
    }
}
