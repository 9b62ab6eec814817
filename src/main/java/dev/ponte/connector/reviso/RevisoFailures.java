package dev.ponte.connector.reviso;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponte.connector.CredentialsFailure;
import dev.ponte.connector.RejectedFailure;
import dev.ponte.connector.RejectedFailure.FieldError;
import dev.ponte.connector.support.ErrorBody;
import dev.ponte.connector.support.VendorErrors;
import dev.ponte.model.LedgerRefusal;
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
final class RevisoFailures extends VendorErrors {

    static final String UNAUTHORIZED = "Reviso refused the tokens (401): renew the agreement grant token";
    static final RevisoFailures ERRORS = new RevisoFailures();
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
        super("Reviso", UNAUTHORIZED);
    }

    /** A 403 is a refused demo write (a guess), which the agreement's tokens cannot do. */
    @Override
    protected boolean refusesCredentials(int status) {
        return status == 401 || status == 403;
    }

    @Override
    protected CredentialsFailure unauthorized(int status, JsonNode body) {
        if (status == 401) {
            return super.unauthorized(status, body);
        }
        String message = message(body);
        return new CredentialsFailure("Reviso refused the request with these tokens (403): "
                + (message == null ? "forbidden" : message));
    }

    /** Reviso's 404 says what is missing in its own words, as any other refusal does. */
    @Override
    protected RejectedFailure notFound(JsonNode body) {
        return rejected(404, body);
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

    @Override
    protected RejectedFailure rejected(int status, JsonNode body) {
        String given = message(body);
        String message = given == null ? "Reviso refused the request (" + status + ")" : given;
        List<FieldError> errors = new ArrayList<>();
        JsonNode list = body.path("errors");
        if (list.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = list.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> entry = it.next();
                JsonNode inner = entry.getValue().path("errors");
                String text = inner.isArray() && !inner.isEmpty() ? ErrorBody.firstText(inner.get(0), "errorMessage", "message")
                        : ErrorBody.firstText(entry.getValue(), "errorMessage", "message");
                errors.add(new FieldError(field(entry.getKey()), text == null ? message : text));
            }
        } else if (list.isArray()) {
            for (JsonNode item : list) {
                String property = ErrorBody.firstText(item, "propertyName", "property", "field");
                String text = ErrorBody.firstText(item, "errorMessage", "message");
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

    @Override
    protected String message(JsonNode body) {
        String text = ErrorBody.firstText(body, "message");
        return text == null || text.isBlank() ? null : text;
    }
}
