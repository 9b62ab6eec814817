package dev.ponte.connector.reviso;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponte.connector.CredentialsFailure;
import dev.ponte.connector.RejectedFailure;
import dev.ponte.connector.RejectedFailure.FieldError;
import dev.ponte.connector.SyncFailure;
import dev.ponte.connector.TransientFailure;
import dev.ponte.model.LedgerRefusal;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reviso's HTTP errors in Ponte's terms, with field names in Ponte's canonical terms ({@code name}, {@code taxId},
 * {@code address.countryCode}, {@code currency}, {@code customerGroup}, {@code paymentTerms}, {@code paymentMode},
 * {@code vatZone}, {@code priceGroup}, {@code lines[i].articleCode}…). Verified: the 401 body and the seed's three
 * messages. Guessed, so kept here only: the 400 body's {@code errors} (an object keyed by property, each with
 * {@code errors[{propertyName, errorMessage}]} as in e-conomic's API; an array of {@code {propertyName|property,
 * errorMessage|message}} is read too) and the status of a refused demo write (403).
 */
final class RevisoFailures {

    static final String UNAUTHORIZED = "Reviso refused the tokens (401): renew the agreement grant token";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Reviso property → Ponte field. */
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("name", "name"), Map.entry("currency", "currency"),
            Map.entry("customerGroup", "customerGroup"), Map.entry("paymentTerms", "paymentTerms"),
            Map.entry("paymentType", "paymentMode"), Map.entry("vatZone", "vatZone"),
            Map.entry("priceGroup", "priceGroup"), Map.entry("vatNumber", "taxId"),
            Map.entry("corporateIdentificationNumber", "taxId"), Map.entry("email", "email"),
            Map.entry("telephoneAndFaxNumber", "businessPhone"), Map.entry("mobilePhone", "mobilePhone"),
            Map.entry("address", "address.street"), Map.entry("city", "address.city"),
            Map.entry("zip", "address.postalCode"), Map.entry("countryCode", "address.countryCode"),
            Map.entry("province", "address.province"), Map.entry("productNumber", "code"),
            Map.entry("salesPrice", "price"), Map.entry("recipient", "vatZone"), Map.entry("customer", "customerId"));
    /**
     * The seed's three messages (shared/seeds/crm-in-cloud-to-contabilita-in-cloud.it.txt): what they mean, and the
     * field they blame (none for the schema message, which names no property).
     */
    private record Rule(Pattern phrase, LedgerRefusal known, String field) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("(?i)needs to have a country code to be able to have a province"),
                    LedgerRefusal.PROVINCE_WITHOUT_COUNTRY, "address.countryCode"),
            new Rule(Pattern.compile("(?i)VAT zone is not valid for the country"),
                    LedgerRefusal.VAT_ZONE_NOT_FOR_COUNTRY, "vatZone"),
            new Rule(Pattern.compile("(?i)schema validation failed"), LedgerRefusal.MANDATORY_FIELD_MISSING, null));
    private static final Pattern LINE = Pattern.compile("lines\\[(\\d+)]\\.(\\w+).*");

    private RevisoFailures() {
    }

    /** For {@code @ClientExceptionMapper} of the API: every status of 400 and above. */
    static RuntimeException fromApi(Response response) {
        int status = response.getStatus();
        if (status == 401 || status == 403) {
            return new CredentialsFailure(status == 401 ? UNAUTHORIZED
                    : "Reviso refused the request with these tokens (403): " + message(read(response), "forbidden"));
        }
        if (status == 429) {
            return TransientFailure.rateLimited(retryAfter(response));
        }
        if (status >= 500 || status == 408) {
            return new TransientFailure("Reviso answered " + status + ": " + message(read(response), "no details"),
                    null, null);
        }
        return rejected(status, read(response));
    }

    static SyncFailure fromTransport(ProcessingException e) {
        if (e.getCause() instanceof SyncFailure failure) {
            return failure;
        }
        return new TransientFailure("no usable answer from Reviso (timeout, connection lost or unreadable body)",
                null, e);
    }

    static SyncFailure fromWebApplication(WebApplicationException e) {
        RuntimeException mapped = fromApi(e.getResponse());
        return mapped instanceof SyncFailure failure ? failure
                : new TransientFailure("Reviso answered " + e.getResponse().getStatus(), null, e);
    }

    /** Ponte's name for a Reviso property, e.g. {@code paymentType} → {@code paymentMode}. */
    static String field(String property) {
        Matcher line = LINE.matcher(property);
        if (line.matches()) {
            return "lines[" + line.group(1) + "]." + (line.group(2).equals("product") ? "articleCode" : line.group(2));
        }
        String head = property.split("\\.")[0];
        return FIELDS.getOrDefault(head, property);
    }

    private static RejectedFailure rejected(int status, JsonNode body) {
        String message = message(body, "Reviso refused the request (" + status + ")");
        List<FieldError> errors = new ArrayList<>();
        JsonNode list = body.path("errors");
        if (list.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = list.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> entry = it.next();
                JsonNode inner = entry.getValue().path("errors");
                String text = inner.isArray() && !inner.isEmpty() ? first(inner.get(0), "errorMessage", "message")
                        : first(entry.getValue(), "errorMessage", "message");
                errors.add(new FieldError(field(entry.getKey()), text == null ? message : text));
            }
        } else if (list.isArray()) {
            for (JsonNode item : list) {
                String property = first(item, "propertyName", "property", "field");
                String text = first(item, "errorMessage", "message");
                errors.add(new FieldError(property == null ? "body" : field(property), text == null ? message : text));
            }
        }
        LedgerRefusal known = null;
        for (Rule rule : RULES) {
            if (rule.phrase().matcher(message).find()) {
                known = rule.known();
                if (rule.field() != null && errors.stream().noneMatch(e -> e.field().equals(rule.field()))) {
                    errors.add(new FieldError(rule.field(), message));
                }
                break;
            }
        }
        return new RejectedFailure(message, errors, known);
    }

    private static String message(JsonNode body, String fallback) {
        String text = first(body, "message");
        return text == null || text.isBlank() ? fallback : text;
    }

    private static String first(JsonNode node, String... fields) {
        for (String field : fields) {
            JsonNode value = node.get(field);
            if (value != null && value.isTextual()) {
                return value.asText();
            }
        }
        return null;
    }

    private static JsonNode read(Response response) {
        try {
            String text = response.readEntity(String.class);
            return text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
        } catch (RuntimeException | java.io.IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static Duration retryAfter(Response response) {
        return TransientFailure.parseRetryAfter(response.getHeaderString(HttpHeaders.RETRY_AFTER));
    }
}
