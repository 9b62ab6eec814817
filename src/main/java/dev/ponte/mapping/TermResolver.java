package dev.ponte.mapping;

import dev.ponte.model.Choice;
import dev.ponte.model.CustomerTerms;
import dev.ponte.model.Party;
import dev.ponte.model.TermField;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Fills the ledger's extra customer fields from a CRM company and back (R32), by a connection's mapping tables.
 *
 * <p>CRM → ledger, per field: the value of the bound CRM field, translated when a translation exists, else taken as
 * it is when it is one of the ledger's codes (or the name of one, which gives its code); with no value, the derived
 * VAT zone when the table says derive, else the table's default, else nothing. A value that is neither translated
 * nor offered by the ledger is kept as it is rather than replaced by a default: {@link Preflight} then refuses it
 * and says which field to fix, instead of the customer silently getting terms nobody chose.
 */
public final class TermResolver {

    private final MappingTables tables;

    public TermResolver(MappingTables tables) {
        this.tables = Objects.requireNonNull(tables, "tables");
    }

    /** The terms of a CRM company, from its field values by label, its data and what the ledger offers. */
    public CustomerTerms toLedger(Map<String, String> crmFields, Party party, LedgerOffer offer) {
        EnumMap<TermField, String> codes = new EnumMap<>(TermField.class);
        for (MappingTable table : tables.all()) {
            String value = crmFields.get(table.crmField());
            String code = value == null || value.isBlank() ? fallback(table, party, offer)
                    : fromCrm(table, value.strip(), offer.choicesOf(table.field()));
            if (code != null) {
                codes.put(table.field(), code);
            }
        }
        return new CustomerTerms(codes);
    }

    /**
     * The CRM field values (by label) for a ledger customer's terms: the CRM value that translates to the code when
     * there is one, else the code. Fields without a code are left out.
     */
    public Map<String, String> toCrm(CustomerTerms terms) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (MappingTable table : tables.all()) {
            String code = terms.get(table.field());
            if (code != null) {
                fields.put(table.crmField(), table.crmValueOf(code).orElse(code));
            }
        }
        return fields;
    }

    private static String fromCrm(MappingTable table, String value, Optional<List<Choice>> offered) {
        Optional<String> translated = table.translate(value);
        if (translated.isPresent() || offered.isEmpty()) {
            return translated.orElse(value);
        }
        List<Choice> choices = offered.get();
        return choices.stream().filter(c -> c.code().equals(value)).findFirst()
                .or(() -> choices.stream().filter(c -> c.name().strip().equalsIgnoreCase(value)).findFirst())
                .map(Choice::code).orElse(value);
    }

    private static String fallback(MappingTable table, Party party, LedgerOffer offer) {
        if (table.derive()) {
            Optional<String> derived = offer.derivedVatZone(party).map(z -> z.code());
            if (derived.isPresent()) {
                return derived.get();
            }
        }
        return table.defaultValue();
    }
}
