package dev.ponte.mapping;

import dev.ponte.model.Address;
import dev.ponte.model.Choice;
import dev.ponte.model.Party;
import dev.ponte.model.PartyKind;
import dev.ponte.model.TermField;
import dev.ponte.model.VatZone;
import dev.ponte.model.VatZone.Scope;
import java.util.List;
import java.util.Map;

/** A Reviso-like agreement in Italy: what it offers for customers, and companies to send it. */
final class Fixtures {

    static final List<VatZone> ZONES = List.of(new VatZone("1", "Domestic", Scope.DOMESTIC, true),
            new VatZone("2", "EU", Scope.EU, true), new VatZone("3", "Abroad", Scope.ABROAD, true),
            new VatZone("4", "Domestic exempt", Scope.OTHER, true),
            new VatZone("6", "Åland", Scope.OTHER, false));

    static final Map<TermField, List<Choice>> CHOICES = Map.of(
            TermField.CURRENCY, List.of(new Choice("EUR", "Euro"), new Choice("USD", "US Dollar")),
            TermField.CUSTOMER_GROUP, List.of(new Choice("1", "Clienti Italia"), new Choice("2", "Clienti esteri")),
            TermField.PAYMENT_TERMS, List.of(new Choice("1", "Rimessa diretta"), new Choice("9", "30 gg d.f.")),
            TermField.PAYMENT_MODE, List.of(new Choice("1", "Bonifico"), new Choice("2", "RiBa")),
            TermField.PRICE_GROUP, List.of(new Choice("1", "Listino base")));

    static final LedgerOffer ITALY = offer(ZONES);

    private Fixtures() {
    }

    static LedgerOffer offer(List<VatZone> zones) {
        return new LedgerOffer(CHOICES, zones, "IT",
                country -> country.equals("IT") ? List.of("MI", "RM", "TO", "NA") : List.of());
    }

    static Party company(String country, String province) {
        return company("Rossi S.r.l.", country, province);
    }

    static Party company(String name, String country, String province) {
        Address address = province == null ? null : new Address("Via Roma", "1", "Milano", province, "20100", null);
        return new Party(PartyKind.COMPANY, name, null, null, null, null, country, "CRM in Cloud", address, "c-1");
    }
}
