package dev.ponte.connector.pipedrive;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponte.connector.pipedrive.PipedriveDto.Contact;
import dev.ponte.connector.pipedrive.PipedriveDto.DealField;
import dev.ponte.connector.pipedrive.PipedriveDto.DealProduct;
import dev.ponte.connector.pipedrive.PipedriveDto.Option;
import dev.ponte.connector.pipedrive.PipedriveDto.Organization;
import dev.ponte.connector.pipedrive.PipedriveDto.Person;
import dev.ponte.connector.pipedrive.PipedriveDto.Product;
import dev.ponte.model.Address;
import dev.ponte.model.Deal;
import dev.ponte.model.DealLine;
import dev.ponte.model.DealStatus;
import dev.ponte.model.Item;
import dev.ponte.model.ItemKind;
import dev.ponte.model.Money;
import dev.ponte.model.Party;
import dev.ponte.model.PartyKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** Pipedrive records to Ponte's model. */
final class PipedriveMapping {

    static final String ORIGIN = "Pipedrive";
    /** Prefixes of the organization's and person's custom fields in {@link Deal#customFields()}. */
    static final String ORG_PREFIX = "org.";
    static final String PERSON_PREFIX = "person.";
    private static final DateTimeFormatter V1_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private PipedriveMapping() {
    }

    /**
     * The deal's own fields. Enum and set custom values are option ids in v2; with {@code fields} (the deal field
     * definitions) they become their labels (R65), otherwise they stay ids.
     */
    static Deal deal(PipedriveDto.Deal d, Map<String, DealField> fields, Party organization, Party person,
            List<DealLine> lines, Map<String, String> partyFields) {
        Map<String, String> custom = new LinkedHashMap<>();
        if (d.customFields() != null) {
            d.customFields().forEach((key, value) -> custom.put(key, labelled(value, fields.get(key))));
        }
        custom.putAll(partyFields);
        Money value = d.value() == null || d.currency() == null ? null : Money.of(d.value(), d.currency());
        return new Deal(String.valueOf(d.id()), Objects.requireNonNullElse(d.title(), ""), status(d.status()), value,
                instant("won_time", d.wonTime()), instant("update_time", d.updateTime()), id(d.pipelineId()),
                organization, person, lines, custom, id(d.ownerId()));
    }

    static DealStatus status(String status) {
        if (status == null) {
            throw new IllegalArgumentException("status is missing");
        }
        try {
            return DealStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            // valueOf's own message names the Java enum; this one reaches the API and the job's error.
            throw new IllegalArgumentException("status is not one of open, won, lost, deleted");
        }
    }

    static Party organization(Organization o) {
        return new Party(PartyKind.COMPANY, o.name(), null, null, null, null, null, ORIGIN, address(o.address()),
                String.valueOf(o.id()));
    }

    static Party person(Person p) {
        return new Party(PartyKind.PERSON, p.name(), null, primary(p.emails()), labelled(p.phones(), "work"),
                labelled(p.phones(), "mobile"), null, ORIGIN, null, String.valueOf(p.id()));
    }

    /** Custom fields of a party under {@code prefix}, raw (option ids stay ids: only deal fields are resolved). */
    static Map<String, String> prefixed(String prefix, Map<String, JsonNode> customFields) {
        Map<String, String> out = new LinkedHashMap<>();
        if (customFields != null) {
            customFields.forEach((key, value) -> out.put(prefix + key, text(value)));
        }
        return out;
    }

    /** A line; {@code product} is null when the product was deleted since, then the line's own name is used. */
    static DealLine line(DealProduct line, Product product, String dealCurrency) {
        String currency = Objects.requireNonNullElse(line.currency(), dealCurrency);
        Money unitPrice = Money.of(Objects.requireNonNullElse(line.itemPrice(), BigDecimal.ZERO), currency);
        return new DealLine(item(line, product, currency), line.quantity(), unitPrice, discountPercent(line));
    }

    private static Item item(DealProduct line, Product product, String currency) {
        if (product == null) {
            return new Item(ItemKind.PRODUCT, null, line.name(), null, null);
        }
        Money price = product.prices() == null ? null : product.prices().stream()
                .filter(p -> currency.equals(p.currency()) && p.price() != null)
                .map(p -> Money.of(p.price(), p.currency())).findFirst().orElse(null);
        String name = product.name() == null || product.name().isBlank() ? line.name() : product.name();
        return new Item(ItemKind.PRODUCT, product.code(), name, price, product.unit(), tags(product));
    }

    /**
     * Pipedrive products have no tags, so the places users put one stand in for them: the product's description, its
     * category, and the values of its custom fields (a ledger looks for its own tag in them, e.g. R8's service tag).
     */
    static List<String> tags(Product product) {
        List<String> places = new ArrayList<>();
        places.add(product.description());
        places.add(text(product.category()));
        if (product.customFields() != null) {
            product.customFields().values().forEach(v -> places.add(text(v)));
        }
        return places.stream().filter(s -> s != null && !s.isBlank()).toList();
    }

    /** Pipedrive's discount is a percentage or an amount off the line; the model wants a percentage. */
    private static BigDecimal discountPercent(DealProduct line) {
        BigDecimal discount = line.discount();
        if (discount == null || discount.signum() == 0) {
            return null;
        }
        if (!"amount".equals(line.discountType())) {
            return discount;
        }
        BigDecimal gross = Objects.requireNonNullElse(line.itemPrice(), BigDecimal.ZERO).multiply(line.quantity());
        return gross.signum() == 0 ? null : discount.multiply(HUNDRED).divide(gross, 10, RoundingMode.HALF_EVEN);
    }

    /**
     * A custom value as text. v2 wraps some values in objects ({@code {value, currency}} for monetary fields,
     * and webhooks v2 send {@code {type, value}}): the {@code value} member is taken. Sets become comma-separated.
     */
    static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            return node.has("value") ? text(node.get("value")) : node.toString();
        }
        if (node.isArray()) {
            String joined = StreamSupport.stream(node.spliterator(), false).map(PipedriveMapping::text)
                    .filter(Objects::nonNull).collect(Collectors.joining(","));
            return joined.isEmpty() ? null : joined;
        }
        if (node.isNumber()) {
            return node.decimalValue().stripTrailingZeros().toPlainString();
        }
        return node.asText();
    }

    private static String labelled(JsonNode value, DealField field) {
        String raw = text(value);
        if (raw == null || field == null || field.options() == null
                || !("enum".equals(field.fieldType()) || "set".equals(field.fieldType()))) {
            return raw;
        }
        Map<String, String> labels = field.options().stream().filter(o -> o.id() != null && o.label() != null)
                .collect(Collectors.toMap(o -> String.valueOf(o.id()), Option::label, (a, b) -> a));
        return List.of(raw.split(",")).stream().map(id -> labels.getOrDefault(id, id))
                .collect(Collectors.joining(","));
    }

    private static String primary(List<Contact> contacts) {
        if (contacts == null) {
            return null;
        }
        return contacts.stream().filter(Contact::primary).map(Contact::value).findFirst()
                .orElse(contacts.stream().map(Contact::value).findFirst().orElse(null));
    }

    private static String labelled(List<Contact> contacts, String label) {
        if (contacts == null) {
            return null;
        }
        return contacts.stream().filter(c -> label.equalsIgnoreCase(c.label())).map(Contact::value).findFirst()
                .orElse(null);
    }

    /**
     * v2's address object. Its {@code country} is a name ("Brazil"), not an ISO code, so the country is left out.
     */
    private static Address address(JsonNode a) {
        if (a == null || !a.isObject()) {
            return null;
        }
        return new Address(a.path("route").asText(null), a.path("street_number").asText(null),
                a.path("locality").asText(null), a.path("admin_area_level_1").asText(null),
                a.path("postal_code").asText(null), null);
    }

    /**
     * RFC 3339 in v2; {@code yyyy-MM-dd HH:mm:ss} (UTC) in v1 and some webhook payloads. Anything else is refused
     * as an {@link IllegalArgumentException} naming the field, which the callers turn into a rejection.
     */
    static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notRfc3339) {
            try {
                return LocalDateTime.parse(value, V1_TIME).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notV1) {
                throw new IllegalArgumentException(field + " is not a time");
            }
        }
    }

    /**
     * A webhook's deal with each time that does not parse made unknown (null). Its times are hints only: the job
     * reads the deal again from the API, so a delivery is kept (keyed by its event id) rather than refused for them.
     */
    static PipedriveDto.Deal withReadableTimes(PipedriveDto.Deal d) {
        String won = readable("won_time", d.wonTime()) ? d.wonTime() : null;
        String updated = readable("update_time", d.updateTime()) ? d.updateTime() : null;
        return new PipedriveDto.Deal(d.id(), d.title(), d.value(), d.currency(), d.status(), won, updated,
                d.pipelineId(), d.personId(), d.orgId(), d.ownerId(), d.customFields());
    }

    private static boolean readable(String field, String value) {
        try {
            instant(field, value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String id(Long id) {
        return id == null ? null : String.valueOf(id);
    }
}
