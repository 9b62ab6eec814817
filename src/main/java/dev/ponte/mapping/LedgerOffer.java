package dev.ponte.mapping;

import dev.ponte.model.Choice;
import dev.ponte.model.Party;
import dev.ponte.model.TermField;
import dev.ponte.model.VatZone;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the ledger accepts for a customer, read from it at run time: the values of each extra field (a field absent
 * from {@code choices} is not checked), its VAT zones, the country of the agreement, and the province codes of a
 * country ({@code provinces} may call the ledger; an empty answer means it keeps none for that country).
 */
public record LedgerOffer(Map<TermField, List<Choice>> choices, List<VatZone> vatZones, String agreementCountry,
        Function<String, List<String>> provinces) {

    public LedgerOffer {
        EnumMap<TermField, List<Choice>> copy = new EnumMap<>(TermField.class);
        choices.forEach((field, list) -> copy.put(field, List.copyOf(list)));
        choices = Collections.unmodifiableMap(copy);
        vatZones = List.copyOf(vatZones);
        agreementCountry = Objects.requireNonNull(agreementCountry, "agreementCountry").strip()
                .toUpperCase(Locale.ROOT);
        Objects.requireNonNull(provinces, "provinces");
    }

    /**
     * The values the ledger offers for a field, if it said; for the VAT zone, its zones when it gave no separate
     * list.
     */
    public Optional<List<Choice>> choicesOf(TermField field) {
        List<Choice> offered = choices.get(field);
        if (offered == null && field == TermField.VAT_ZONE && !vatZones.isEmpty()) {
            offered = vatZones.stream().map(z -> new Choice(z.code(), z.name())).toList();
        }
        return Optional.ofNullable(offered);
    }

    public Optional<VatZone> vatZone(String code) {
        return vatZones.stream().filter(z -> z.code().equals(code)).findFirst();
    }

    /**
     * The scope a customer's VAT zone must have: Domestic for the agreement's country, EU for the other members,
     * Abroad for the rest. A customer without a country counts as domestic: CRM companies entered quickly leave the
     * country blank, and they are nearly always in the agreement's own country.
     */
    public VatZone.Scope scopeOf(Party party) {
        String country = countryOf(party);
        return VatZone.scopeOf(country == null ? agreementCountry : country, agreementCountry);
    }

    /** The first zone enabled for customers with the scope the customer needs, if the ledger has one. */
    public Optional<VatZone> derivedVatZone(Party party) {
        VatZone.Scope scope = scopeOf(party);
        return vatZones.stream().filter(z -> z.enabledForCustomer() && z.scope() == scope).findFirst();
    }

    /** The customer's country: the party's own, else its address's. */
    static String countryOf(Party party) {
        if (party.countryCode() != null) {
            return party.countryCode();
        }
        return party.address() == null ? null : party.address().countryCode();
    }
}
