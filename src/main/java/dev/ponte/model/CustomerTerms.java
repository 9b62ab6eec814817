package dev.ponte.model;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The ledger's extra customer fields a CRM lacks (R32): currency, customer group, payment terms, payment mode, VAT
 * zone and price group, each as the ledger's own code (e.g. "EUR", "1"). Absent values are missing from the map.
 */
public record CustomerTerms(Map<TermField, String> values) {

    public CustomerTerms {
        EnumMap<TermField, String> copy = new EnumMap<>(TermField.class);
        Objects.requireNonNull(values, "values").forEach((field, value) -> {
            String code = Require.optionalText(value);
            if (code != null) {
                copy.put(field, code.strip());
            }
        });
        values = Map.copyOf(copy);
    }

    public static CustomerTerms none() {
        return new CustomerTerms(Map.of());
    }

    /** The code of one field, or null when absent. */
    public String get(TermField field) {
        return values.get(field);
    }

    public CustomerTerms with(TermField field, String code) {
        EnumMap<TermField, String> copy = new EnumMap<>(TermField.class);
        copy.putAll(values);
        copy.put(field, code);
        return new CustomerTerms(copy);
    }
}
