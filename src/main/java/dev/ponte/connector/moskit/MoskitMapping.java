package dev.ponte.connector.moskit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponte.connector.moskit.MoskitDto.Company;
import dev.ponte.connector.moskit.MoskitDto.Contact;
import dev.ponte.connector.moskit.MoskitDto.CustomField;
import dev.ponte.connector.moskit.MoskitDto.DealProduct;
import dev.ponte.connector.moskit.MoskitDto.Email;
import dev.ponte.connector.moskit.MoskitDto.FieldValue;
import dev.ponte.connector.moskit.MoskitDto.Phone;
import dev.ponte.connector.moskit.MoskitDto.Product;
import dev.ponte.connector.moskit.MoskitDto.Ref;
import dev.ponte.connector.moskit.MoskitDto.WebhookDeal;
import dev.ponte.model.Deal;
import dev.ponte.model.DealLine;
import dev.ponte.model.DealStatus;
import dev.ponte.model.Item;
import dev.ponte.model.ItemKind;
import dev.ponte.model.Money;
import dev.ponte.model.Party;
import dev.ponte.model.PartyKind;
import dev.ponte.model.TaxId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** Moskit records to Ponte's model. */
final class MoskitMapping {

    static final String ORIGIN = "Moskit";
    static final String ORG_PREFIX = "org.";
    static final String PERSON_PREFIX = "person.";
    /** Moskit has no currency on deals in any client seen: a Brazilian CRM, so reais [inferred]. */
    static final String CURRENCY = "BRL";
    /**
     * Whether the deal's own {@code price} is in centavos like its products' is unknown (wave2-contracts §1): taken
     * to be, as every other amount of v2 is. This is the one place that guesses it.
     */
    static final boolean DEAL_PRICE_IN_CENTAVOS = true;
    /** A date without a time (a {@code closeDate} written as a day) is taken as that day in Brazil's main zone. */
    private static final ZoneId BRAZIL = ZoneId.of("America/Sao_Paulo");

    private MoskitMapping() {
    }

    /** An amount in centavos as reais. */
    static Money centavos(BigDecimal centavos) {
        return centavos == null ? null : Money.of(centavos.movePointLeft(2), CURRENCY);
    }

    static Money dealValue(BigDecimal price) {
        if (price == null) {
            return null;
        }
        return DEAL_PRICE_IN_CENTAVOS ? centavos(price) : Money.of(price, CURRENCY);
    }

    static DealStatus status(String status) {
        if (status == null) {
            throw new IllegalArgumentException("status is missing");
        }
        return switch (status.toUpperCase(Locale.ROOT)) {
            case "OPEN" -> DealStatus.OPEN;
            case "WON" -> DealStatus.WON;
            case "LOST" -> DealStatus.LOST;
            default -> throw new IllegalArgumentException("status is not one of OPEN, WON, LOST");
        };
    }

    /** The deal with its parties, lines and custom fields (bare keys for the deal's own, prefixed for parties'). */
    static Deal deal(MoskitDto.Deal d, String pipelineId, Party organization, Party person, List<DealLine> lines,
            Map<String, String> customFields) {
        DealStatus status = status(d.status());
        Instant created = instant("dateCreated", d.dateCreated());
        Instant closed = instant("closeDate", d.closeDate());
        return new Deal(String.valueOf(d.id()), Objects.requireNonNullElse(d.name(), ""), status,
                dealValue(d.price()), status == DealStatus.WON ? closed : null, latest(created, closed), pipelineId,
                organization, person, lines, customFields,
                d.responsible() == null || d.responsible().id() == null ? null : String.valueOf(d.responsible().id()));
    }

    /** A webhook's deal, shallow (its parties are refs only; the flow reads the deal again before acting). */
    static Deal webhookDeal(WebhookDeal d, String pipelineId) {
        DealStatus status = status(d.status());
        Instant created = readable("dateCreated", d.dateCreated());
        Instant closed = readable("closeDate", d.closeDate());
        return new Deal(String.valueOf(d.id()), Objects.requireNonNullElse(d.name(), ""), status,
                dealValue(d.price()), status == DealStatus.WON ? closed : null, latest(created, closed), pipelineId,
                null, null, List.of(), Map.of(), null);
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    static Party company(Company c) {
        return new Party(PartyKind.COMPANY, c.name(), null, email(c.emails(), c.primaryEmail()),
                businessPhone(c.phones(), c.primaryPhone()), mobilePhone(c.phones()), null, ORIGIN, null,
                String.valueOf(c.id()));
    }

    static Party contact(Contact c) {
        return new Party(PartyKind.PERSON, c.name(), null, email(c.emails(), c.primaryEmail()),
                businessPhone(c.phones(), c.primaryPhone()), mobilePhone(c.phones()), null, ORIGIN, null,
                String.valueOf(c.id()));
    }

    /** A line; {@code product} is null when the product was deleted since. */
    static DealLine line(DealProduct line, Product product) {
        BigDecimal quantity = line.quantity();
        BigDecimal unit = line.price();
        if (unit == null && line.finalPrice() != null && quantity != null && quantity.signum() > 0) {
            unit = line.finalPrice().divide(quantity, 2, java.math.RoundingMode.HALF_EVEN);
        }
        Money unitPrice = centavos(Objects.requireNonNullElse(unit, BigDecimal.ZERO));
        String productId = line.product() == null ? "?" : String.valueOf(line.product().id());
        Item item = product == null || product.name() == null || product.name().isBlank()
                ? new Item(ItemKind.PRODUCT, null, "Produto " + productId, null, null)
                : new Item(ItemKind.PRODUCT, product.code(), product.name(), centavos(product.price()), null,
                        product.description() == null ? List.of() : List.of(product.description()));
        return new DealLine(item, quantity, unitPrice, null);
    }

    /**
     * Custom values under {@code prefix} + the field's id and + its label (R65: a person binds the CPF/CNPJ field by
     * the name Moskit shows). A NUMBER field drops a document's leading zeros (community: a CNPJ starting with 0 comes
     * back short), so a whole number is given back its zeros when, padded to 11 or 14 digits, it validates as a CPF
     * or CNPJ; otherwise it stays as it came.
     */
    static Map<String, String> customFields(String prefix, List<FieldValue> values, Map<String, CustomField> fields) {
        Map<String, String> out = new LinkedHashMap<>();
        if (values == null) {
            return out;
        }
        for (FieldValue value : values) {
            if (value == null || value.id() == null) {
                continue;
            }
            String text = text(value);
            if (text == null) {
                continue;
            }
            out.put(prefix + value.id(), text);
            CustomField field = fields.get(value.id());
            if (field != null && field.name() != null && !field.name().isBlank()) {
                out.putIfAbsent(prefix + field.name().strip(), text);
            }
        }
        return out;
    }

    static String text(FieldValue value) {
        if (value.textValue() != null) {
            return value.textValue();
        }
        BigDecimal number = value.numericValue() != null ? value.numericValue() : value.numberValue();
        if (number != null) {
            return number(number);
        }
        if (value.dateValue() != null) {
            return value.dateValue();
        }
        if (value.options() != null && !value.options().isEmpty()) {
            return value.options().stream().map(JsonNode::asText).collect(Collectors.joining(","));
        }
        return null;
    }

    /** A number as text; a whole one that is a CPF/CNPJ once its lost leading zeros are put back, padded. */
    static String number(BigDecimal number) {
        BigDecimal plain = number.stripTrailingZeros();
        String text = plain.scale() <= 0 ? plain.toBigInteger().toString() : plain.toPlainString();
        if (plain.scale() > 0 || plain.signum() <= 0 || text.length() > 14) {
            return text;
        }
        try {
            return TaxId.parseBrazilianFromNumber(text).value();
        } catch (RuntimeException notADocument) {
            return text;
        }
    }

    private static String email(List<Email> emails, Ref primary) {
        if (emails == null || emails.isEmpty()) {
            return null;
        }
        return emails.stream().filter(e -> primary != null && Objects.equals(e.id(), primary.id()))
                .map(Email::address).findFirst().orElse(emails.get(0).address());
    }

    /**
     * Moskit's phones carry no label (business, mobile): a Brazilian mobile number (area code, then nine digits
     * starting with 9) is the mobile; the primary phone, else the first, that is not one is the business phone.
     */
    private static String businessPhone(List<Phone> phones, Ref primary) {
        if (phones == null) {
            return null;
        }
        Optional<String> chosen = phones.stream().filter(p -> primary != null && Objects.equals(p.id(), primary.id()))
                .map(Phone::number).filter(n -> n != null && !mobile(n)).findFirst();
        return chosen.orElse(phones.stream().map(Phone::number).filter(n -> n != null && !mobile(n)).findFirst()
                .orElse(null));
    }

    private static String mobilePhone(List<Phone> phones) {
        return phones == null ? null
                : phones.stream().map(Phone::number).filter(n -> n != null && mobile(n)).findFirst().orElse(null);
    }

    static boolean mobile(String number) {
        String digits = number.replaceAll("\\D", "");
        if (digits.startsWith("55") && digits.length() == 13) {
            digits = digits.substring(2);
        }
        return digits.length() == 11 && digits.charAt(2) == '9';
    }

    /**
     * ISO-8601 with an offset (v2), a day alone, or epoch milliseconds (v1). Anything else is refused as an
     * {@link IllegalArgumentException} naming the field, which the port turns into a rejection.
     */
    static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException notInstant) {
                try {
                    return LocalDate.parse(value).atStartOfDay(BRAZIL).toInstant();
                } catch (DateTimeParseException notDay) {
                    if (value.matches("\\d{10,15}")) {
                        return Instant.ofEpochMilli(Long.parseLong(value));
                    }
                    throw new IllegalArgumentException(field + " is not a time");
                }
            }
        }
    }

    /** A webhook's time, unknown (null) when it does not parse: the job reads the deal again anyway. */
    private static Instant readable(String field, String value) {
        try {
            return instant(field, value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
