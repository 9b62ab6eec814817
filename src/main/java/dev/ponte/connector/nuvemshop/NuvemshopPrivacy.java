package dev.ponte.connector.nuvemshop;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponte.connector.RejectedFailure;
import dev.ponte.connector.RejectedFailure.FieldError;
import dev.ponte.connector.WebhookInbound.PersonalDataRequest;
import dev.ponte.connector.WebhookInbound.PersonalDataRequest.Action;
import dev.ponte.connector.WebhookInbound.SourceEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The three privacy (LGPD) deliveries [V webhook.md], which carry no {@code event} field and are told apart by
 * theirs: {@code customers/redact} has {@code orders_to_redact}, {@code customers/data_request} has
 * {@code data_request}, {@code store/redact} only {@code store_id}.
 */
final class NuvemshopPrivacy {

    /** The records the requests list are orders. */
    static final String ORDER = "order";

    private NuvemshopPrivacy() {
    }

    static SourceEvent request(String store, JsonNode body) {
        JsonNode customer = body.path("customer");
        if (body.has("orders_to_redact")) {
            PersonalDataRequest r = customer(Action.REDACT_CUSTOMER, customer, ids(body.path("orders_to_redact")),
                    null);
            return SourceEvent.personalData(store + ":customers/redact:" + r.customerId(), r);
        }
        if (body.has("data_request")) {
            String request = text(body.path("data_request").path("id"));
            PersonalDataRequest r = customer(Action.REPORT_CUSTOMER, customer, ids(body.path("orders_requested")),
                    request);
            return SourceEvent.personalData(store + ":customers/data_request:" + request, r);
        }
        if (customer.isMissingNode()) {
            return SourceEvent.personalData(store + ":store/redact",
                    new PersonalDataRequest(Action.REDACT_ACCOUNT, null, null, null, null, ORDER, List.of(), null));
        }
        throw new RejectedFailure("the webhook is no event Nuvemshop sends", List.of(new FieldError("event",
                "missing")));
    }

    private static PersonalDataRequest customer(Action action, JsonNode customer, List<String> orders, String request) {
        String id = text(customer.path("id"));
        if (id == null) {
            throw new RejectedFailure("the privacy request names no customer", List.of(new FieldError("customer.id",
                    "missing")));
        }
        return new PersonalDataRequest(action, id, text(customer.path("email")), text(customer.path("phone")),
                text(customer.path("identification")), ORDER, orders, request);
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(n -> {
            String id = text(n);
            if (id != null) {
                ids.add(id);
            }
        });
        return ids;
    }

    private static String text(JsonNode node) {
        return node.isTextual() || node.isNumber() ? node.asText() : null;
    }
}
