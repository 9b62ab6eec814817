package dev.ponte.mapping;

import dev.ponte.model.Choice;
import dev.ponte.model.CustomerTerms;
import dev.ponte.model.LedgerRefusal;
import dev.ponte.model.Party;
import dev.ponte.model.TermField;
import dev.ponte.model.VatZone;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Refuses before any call what the ledger would refuse about a customer (R37), with the seed's three Reviso errors
 * explained field by field:
 * <ol>
 * <li>"A supplier needs to have a country code to be able to have a province": a province without a country
 * ({@code address.countryCode});</li>
 * <li>"The chosen VAT zone is not valid for the country in which your agreement exists": the VAT zone missing,
 * unknown, not for customers, or not fitting the customer's country ({@code vatZone}); a customer without a country
 * counts as domestic (see {@link LedgerOffer#scopeOf}); zones of scope {@code OTHER} (e.g. domestic exempt) are left
 * to the ledger;</li>
 * <li>"Schema validation failed": a mandatory field missing, a code the ledger does not offer, a name too long, a
 * province the ledger does not know for the country; one refusal per field.</li>
 * </ol>
 * A blank name cannot reach here: {@link Party} refuses it. When the ledger refuses anyway, {@link #explainLedger}
 * turns its message into the same kind of explanation.
 */
public final class Preflight {

    /** Reviso publishes no limit for a customer's name: 255 is a guess, kept here only. */
    public static final int MAX_NAME_LENGTH = 255;

    private static final int LISTED_CHOICES = 10;

    private final MappingTables tables;

    public Preflight(MappingTables tables) {
        this.tables = Objects.requireNonNull(tables, "tables");
    }

    /** Everything the ledger would refuse about this customer; empty when it may be sent. */
    public List<Refusal> check(Party party, CustomerTerms terms, LedgerOffer offer) {
        List<Refusal> refusals = new ArrayList<>();
        province(party, offer).ifPresent(refusals::add);
        vatZone(party, terms, offer).ifPresent(refusals::add);
        if (party.name().length() > MAX_NAME_LENGTH) {
            refusals.add(new Refusal("name", "preflight.name.tooLong", MAX_NAME_LENGTH, party.name().length()));
        }
        for (TermField field : TermField.values()) {
            if (field != TermField.VAT_ZONE) {
                term(field, terms.get(field), offer).ifPresent(refusals::add);
            }
        }
        return refusals;
    }

    /**
     * Explains a refusal that came from the ledger itself (R37), when its connector recognised it as one Ponte knows:
     * which CRM field to fix, in the terms of this connection's mapping tables.
     */
    public Refusal explainLedger(LedgerRefusal known, Party party) {
        return switch (known) {
            case PROVINCE_WITHOUT_COUNTRY -> new Refusal("address.countryCode", "preflight.province.noCountry",
                    Objects.requireNonNullElse(party.address() == null ? null : party.address().province(), "?"));
            case VAT_ZONE_NOT_FOR_COUNTRY -> new Refusal("vatZone", "ledger.vatZone",
                    tables.table(TermField.VAT_ZONE).crmField());
            case MANDATORY_FIELD_MISSING -> new Refusal("customer", "ledger.schema", Arrays.stream(TermField.values())
                    .filter(TermField::mandatory).map(f -> "\"" + tables.table(f).crmField() + "\"")
                    .collect(Collectors.joining(", ")));
        };
    }

    /** The API's name of a term field: {@code customerGroup}. */
    public static String fieldName(TermField field) {
        String[] words = field.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder name = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return name.toString();
    }

    private static Optional<Refusal> province(Party party, LedgerOffer offer) {
        String province = party.address() == null ? null : party.address().province();
        if (province == null) {
            return Optional.empty();
        }
        String country = LedgerOffer.countryOf(party);
        if (country == null) {
            return Optional.of(new Refusal("address.countryCode", "preflight.province.noCountry", province));
        }
        List<String> known = offer.provinces().apply(country);
        if (known.isEmpty() || known.stream().anyMatch(p -> p.equalsIgnoreCase(province.strip()))) {
            return Optional.empty();
        }
        return Optional.of(new Refusal("address.province", "preflight.province.unknown", province, country));
    }

    private Optional<Refusal> vatZone(Party party, CustomerTerms terms, LedgerOffer offer) {
        String label = tables.table(TermField.VAT_ZONE).crmField();
        String mapping = MappingTable.pathName(TermField.VAT_ZONE);
        String code = terms.get(TermField.VAT_ZONE);
        if (code == null) {
            return Optional.of(new Refusal("vatZone", "preflight.vatZone.missing", label, mapping));
        }
        Optional<VatZone> found = offer.vatZone(code);
        if (found.isEmpty()) {
            String enabled = listed(offer.vatZones().stream().filter(VatZone::enabledForCustomer)
                    .map(z -> new Choice(z.code(), z.name())).toList());
            return Optional.of(new Refusal("vatZone", "preflight.vatZone.unknown", code, label, enabled, mapping));
        }
        VatZone zone = found.get();
        if (!zone.enabledForCustomer()) {
            return Optional.of(new Refusal("vatZone", "preflight.vatZone.notForCustomers", code, zone.name(), label));
        }
        VatZone.Scope needed = offer.scopeOf(party);
        if (zone.scope() == VatZone.Scope.OTHER || zone.scope() == needed) {
            return Optional.empty();
        }
        String country = LedgerOffer.countryOf(party);
        String key = country == null ? "preflight.vatZone.noCountry"
                : "preflight.vatZone." + needed.name().toLowerCase(Locale.ROOT);
        String fitting = listed(offer.vatZones().stream().filter(z -> z.enabledForCustomer() && z.scope() == needed)
                .map(z -> new Choice(z.code(), z.name())).toList());
        return Optional.of(new Refusal("vatZone", key, code, zone.name(), Objects.requireNonNullElse(country, ""),
                offer.agreementCountry(), label, fitting));
    }

    private Optional<Refusal> term(TermField field, String code, LedgerOffer offer) {
        MappingTable table = tables.table(field);
        if (code == null) {
            return field.mandatory() ? Optional.of(new Refusal(fieldName(field), "preflight.required",
                    table.crmField(), MappingTable.pathName(field))) : Optional.empty();
        }
        return offer.choicesOf(field).filter(choices -> choices.stream().noneMatch(c -> c.code().equals(code)))
                .map(choices -> new Refusal(fieldName(field), "preflight.unknownCode", code, table.crmField(),
                        listed(choices), MappingTable.pathName(field)));
    }

    /** Up to ten choices as {@code 1 (Domestic), 2 (EU)}, for a message. */
    private static String listed(List<Choice> choices) {
        if (choices.isEmpty()) {
            return "—";
        }
        String shown = choices.stream().limit(LISTED_CHOICES).map(c -> c.code() + " (" + c.name() + ")")
                .collect(Collectors.joining(", "));
        return choices.size() > LISTED_CHOICES ? shown + ", …" : shown;
    }
}
