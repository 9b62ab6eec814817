package dev.ponte.mapping;

import dev.ponte.model.TermField;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How one connection fills one of the ledger's extra customer fields (R32): the CRM company field holding the value
 * ({@code crmField}, by label), translations of CRM values to ledger codes, a default code, and for the VAT zone
 * whether to derive it from the customer's country. Blank texts become null; translations are kept sorted.
 */
public record MappingTable(TermField field, String defaultValue, String crmField, boolean derive,
        Map<String, String> translations) {

    /** The labels of the selection fields the CRM in Cloud connector creates on companies (the seed's list). */
    private static final Map<TermField, String> DEFAULT_LABELS = Map.of(
            TermField.CURRENCY, "Valuta Reviso",
            TermField.CUSTOMER_GROUP, "Gruppo clienti Reviso",
            TermField.PAYMENT_TERMS, "Termini di pagamento Reviso",
            TermField.PAYMENT_MODE, "Modalità di pagamento CiC",
            TermField.VAT_ZONE, "Zona iva Reviso",
            TermField.PRICE_GROUP, "Gruppo prezzi Reviso");

    public MappingTable {
        Objects.requireNonNull(field, "field");
        defaultValue = text(defaultValue);
        crmField = Objects.requireNonNullElse(text(crmField), DEFAULT_LABELS.get(field));
        if (derive && !derivable(field)) {
            throw new IllegalArgumentException("only the VAT zone can be derived, not " + field);
        }
        TreeMap<String, String> sorted = new TreeMap<>();
        Objects.requireNonNull(translations, "translations").forEach((crmValue, code) -> sorted.put(
                Objects.requireNonNull(text(crmValue), "crm value"), Objects.requireNonNull(text(code), "code")));
        translations = Collections.unmodifiableMap(sorted);
    }

    /** The table a connection has until someone changes it: the seed's label, and the VAT zone derived. */
    public static MappingTable defaults(TermField field) {
        return new MappingTable(field, null, null, derivable(field), Map.of());
    }

    public static boolean derivable(TermField field) {
        return field == TermField.VAT_ZONE;
    }

    /** The field's name in URLs and messages: {@code customer-group}. */
    public static String pathName(TermField field) {
        return field.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<TermField> fromPathName(String name) {
        for (TermField field : TermField.values()) {
            if (pathName(field).equals(name)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    /** The ledger code a CRM value translates to, if a translation exists. */
    public Optional<String> translate(String crmValue) {
        return Optional.ofNullable(translations.get(crmValue));
    }

    /** The CRM value for a ledger code: the first (in sorted order) whose translation gives it, if any. */
    public Optional<String> crmValueOf(String code) {
        return translations.entrySet().stream().filter(e -> e.getValue().equals(code)).map(Map.Entry::getKey)
                .findFirst();
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
