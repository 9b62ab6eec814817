package dev.ponte.flow;

import dev.ponte.model.Address;
import dev.ponte.model.CustomerTerms;
import dev.ponte.model.Party;
import dev.ponte.model.PartyKind;
import dev.ponte.model.TaxId;
import dev.ponte.model.TaxIdKind;
import dev.ponte.model.TermField;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The canonical form of a customer under two-way sync (DESIGN §4): its synced fields as a sorted map of texts, which
 * both sides are compared in, merged field by field, and fingerprinted. A field a side does not hold is absent.
 */
final class CustomerFields {

    private static final String TERM = "term.";

    private CustomerFields() {
    }

    static Map<String, String> of(Party party, CustomerTerms terms) {
        Map<String, String> fields = new TreeMap<>();
        put(fields, "name", party.name());
        if (party.taxId() != null) {
            put(fields, "taxId", party.taxId().kind() + ":" + party.taxId().value());
        }
        put(fields, "email", party.email());
        put(fields, "phone", party.businessPhone());
        put(fields, "mobile", party.mobilePhone());
        Address address = party.address();
        if (address != null) {
            String street = address.street() == null ? null
                    : address.number() == null ? address.street() : address.street() + " " + address.number();
            put(fields, "street", street);
            put(fields, "city", address.city());
            put(fields, "province", address.province());
            put(fields, "postalCode", address.postalCode());
        }
        put(fields, "country", party.countryCode() != null ? party.countryCode()
                : address != null ? address.countryCode() : null);
        terms.values().forEach((field, code) -> put(fields, TERM + field.name().toLowerCase(Locale.ROOT), code));
        return fields;
    }

    static Party party(Map<String, String> fields, String origin, String sourceId) {
        TaxId taxId = null;
        String tax = fields.get("taxId");
        if (tax != null) {
            int colon = tax.indexOf(':');
            taxId = new TaxId(TaxIdKind.valueOf(tax.substring(0, colon)), tax.substring(colon + 1));
        }
        String country = fields.get("country");
        boolean hasAddress = fields.get("street") != null || fields.get("city") != null
                || fields.get("province") != null || fields.get("postalCode") != null;
        Address address = hasAddress || country != null ? new Address(fields.get("street"), null, fields.get("city"),
                fields.get("province"), fields.get("postalCode"), country) : null;
        PartyKind kind = taxId != null && taxId.kind() == TaxIdKind.CODICE_FISCALE ? PartyKind.PERSON
                : PartyKind.COMPANY;
        return new Party(kind, fields.get("name"), taxId, fields.get("email"), fields.get("phone"),
                fields.get("mobile"), country, origin, address, sourceId);
    }

    static CustomerTerms terms(Map<String, String> fields) {
        Map<TermField, String> values = new EnumMap<>(TermField.class);
        for (TermField field : TermField.values()) {
            String code = fields.get(TERM + field.name().toLowerCase(Locale.ROOT));
            if (code != null) {
                values.put(field, code);
            }
        }
        return new CustomerTerms(values);
    }

    /** A SHA-256 of the fields, to tell in one comparison whether a side changed since the last sync. */
    static String fingerprint(Map<String, String> fields) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            fields.forEach((key, value) -> {
                digest.update(key.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(value.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            });
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether two records without a tax id are one party: the same exact name, e-mail (in any case) and phones (by
     * their digits), a field absent on one absent on the other. Addresses and terms are left out: vendors normalise
     * them (Reviso upper-cases an Italian province and drops a foreign one).
     */
    static boolean sameContact(Map<String, String> a, Map<String, String> b) {
        return Objects.equals(a.get("name"), b.get("name")) && Objects.equals(a.get("taxId"), b.get("taxId"))
                && Objects.equals(lower(a.get("email")), lower(b.get("email")))
                && Objects.equals(digits(a.get("phone")), digits(b.get("phone")))
                && Objects.equals(digits(a.get("mobile")), digits(b.get("mobile")));
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    private static String digits(String value) {
        return value == null ? null : value.replaceAll("\\D", "");
    }

    static boolean same(String a, String b) {
        return Objects.equals(a, b);
    }

    private static void put(Map<String, String> fields, String key, String value) {
        if (value != null && !value.isBlank()) {
            fields.put(key, value.strip());
        }
    }
}
