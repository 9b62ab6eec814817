package dev.ponte.mapping;

import static dev.ponte.mapping.Fixtures.ITALY;
import static dev.ponte.mapping.Fixtures.company;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.ponte.model.Address;
import dev.ponte.model.CustomerTerms;
import dev.ponte.model.LedgerRefusal;
import dev.ponte.model.Party;
import dev.ponte.model.PartyKind;
import dev.ponte.model.TermField;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** R37: what Reviso would refuse about a customer, refused and explained before calling it. */
class PreflightTest {

    private static final Preflight PREFLIGHT = new Preflight(MappingTables.defaults());

    @Test
    void r37AcceptsACompleteCustomer() {
        assertThat(PREFLIGHT.check(company("IT", "MI"), terms("1"), ITALY)).isEmpty();
        assertThat(PREFLIGHT.check(company("FR", null), terms("2"), ITALY)).isEmpty();
        assertThat(PREFLIGHT.check(company("US", null), terms("3"), ITALY)).isEmpty();
    }

    @Test
    void r37SeedProvinceWithoutCountryIsRefusedOnTheCountry() {
        // Reviso: "Could not create customer. A supplier needs to have a country code to be able to have a province."
        List<Refusal> refusals = PREFLIGHT.check(company(null, "MI"), terms("1"), ITALY);

        assertThat(refusals).extracting(Refusal::field, Refusal::key)
                .containsExactly(tuple("address.countryCode", "preflight.province.noCountry"));
        assertThat(refusals.get(0).explain(Locale.ITALIAN)).isEqualTo("La provincia (\"MI\") è impostata ma manca la "
                + "nazione: Reviso richiede la nazione quando c'è la provincia. Compila la nazione dell'azienda nel CRM.");
        assertThat(refusals.get(0).explain(Locale.ENGLISH)).startsWith("The province (\"MI\") is set but the country "
                + "is missing: Reviso requires a country when there is a province.");
        assertThat(refusals.get(0).explain(Locale.forLanguageTag("pt-BR"))).startsWith("A província (\"MI\") está "
                + "preenchida, mas falta o país");
    }

    @Test
    void r37TheAddressCountryCountsAsTheCustomersCountry() {
        Party party = new Party(PartyKind.COMPANY, "Rossi", null, null, null, null, null, null,
                new Address(null, null, null, "RM", null, "IT"), null);

        assertThat(PREFLIGHT.check(party, terms("1"), ITALY)).isEmpty();
    }

    @Test
    void r37ProvinceTheLedgerDoesNotKnowForTheCountryIsRefused() {
        List<Refusal> refusals = PREFLIGHT.check(company("IT", "Milano"), terms("1"), ITALY);

        assertThat(refusals).extracting(Refusal::field, Refusal::key)
                .containsExactly(tuple("address.province", "preflight.province.unknown"));
        assertThat(refusals.get(0).explain(Locale.ENGLISH)).contains("\"Milano\" in IT").contains("MI for Milan");
        assertThat(PREFLIGHT.check(company("IT", "mi"), terms("1"), ITALY)).isEmpty();
        assertThat(PREFLIGHT.check(company("DE", "BY"), terms("2"), ITALY))
                .as("the ledger keeps no provinces for Germany: nothing to check").isEmpty();
    }

    @Test
    void r37SeedVatZoneMissingIsRefusedNamingTheCrmField() {
        // Reviso: "Could not create customer. The chosen VAT zone is not valid for the country in which your agreement
        // exists." The seed: the extra field "Zona iva Reviso" was left empty.
        List<Refusal> refusals = PREFLIGHT.check(company("IT", null), terms(null), ITALY);

        assertThat(refusals).extracting(Refusal::field, Refusal::key)
                .containsExactly(tuple("vatZone", "preflight.vatZone.missing"));
        assertThat(refusals.get(0).explain(Locale.ITALIAN)).startsWith("Manca la zona IVA")
                .contains("\"Zona iva Reviso\"").contains("mappatura vat-zone");
    }

    @Test
    void r37VatZoneUnknownOrNotForCustomersIsRefused() {
        assertThat(PREFLIGHT.check(company("IT", null), terms("9"), ITALY)).extracting(Refusal::field, Refusal::key)
                .containsExactly(tuple("vatZone", "preflight.vatZone.unknown"));
        assertThat(PREFLIGHT.check(company("IT", null), terms("9"), ITALY).get(0).explain(Locale.ENGLISH))
                .contains("1 (Domestic), 2 (EU), 3 (Abroad), 4 (Domestic exempt)").doesNotContain("Åland");
        assertThat(PREFLIGHT.check(company("IT", null), terms("6"), ITALY)).extracting(Refusal::key)
                .containsExactly("preflight.vatZone.notForCustomers");
    }

    @Test
    void r37VatZoneMustFitTheCustomersCountryAgainstTheAgreements() {
        assertThat(PREFLIGHT.check(company("IT", null), terms("2"), ITALY)).extracting(Refusal::key)
                .containsExactly("preflight.vatZone.domestic");
        assertThat(PREFLIGHT.check(company("FR", null), terms("1"), ITALY)).extracting(Refusal::key)
                .containsExactly("preflight.vatZone.eu");
        assertThat(PREFLIGHT.check(company("CH", null), terms("2"), ITALY)).extracting(Refusal::key)
                .containsExactly("preflight.vatZone.abroad");
        assertThat(PREFLIGHT.check(company(null, null), terms("3"), ITALY)).extracting(Refusal::key)
                .containsExactly("preflight.vatZone.noCountry");
        assertThat(PREFLIGHT.check(company(null, null), terms("1"), ITALY)).isEmpty();
        assertThat(PREFLIGHT.check(company("IT", null), terms("4"), ITALY))
                .as("zones outside Domestic/EU/Abroad are left to the ledger").isEmpty();
        assertThat(PREFLIGHT.check(company("FR", null), terms("1"), ITALY).get(0).explain(Locale.ENGLISH))
                .isEqualTo("The VAT zone 1 (Domestic) is not valid for a customer in FR: the Reviso agreement is in IT "
                        + "and FR is another EU country, so the customer needs an EU zone (2 (EU)). Change the "
                        + "company's \"Zona iva Reviso\" field in the CRM, or check its country.");
    }

    @Test
    void r37SeedSchemaValidationNamesEveryMissingField() {
        // Reviso: "Schema validation failed." The seed: a company entered quickly lacks the fields Reviso requires.
        MappingTables noDerivation = MappingTables.of(List.of(new MappingTable(TermField.VAT_ZONE, null, null, false,
                Map.of())));
        CustomerTerms quickEntry = new TermResolver(noDerivation).toLedger(Map.of(), company("IT", null), ITALY);

        List<Refusal> refusals = new Preflight(noDerivation).check(company("IT", null), quickEntry, ITALY);

        assertThat(refusals).extracting(Refusal::field, Refusal::key).containsExactlyInAnyOrder(
                tuple("vatZone", "preflight.vatZone.missing"), tuple("currency", "preflight.required"),
                tuple("customerGroup", "preflight.required"), tuple("paymentTerms", "preflight.required"));
        assertThat(refusals).filteredOn(r -> r.field().equals("customerGroup")).first()
                .extracting(r -> r.explain(Locale.forLanguageTag("pt-BR"))).asString()
                .contains("\"Gruppo clienti Reviso\"").contains("mapeamento customer-group");
    }

    @Test
    void r37CodeTheLedgerDoesNotOfferIsRefusedWithItsChoices() {
        CustomerTerms terms = terms("1").with(TermField.PAYMENT_TERMS, "30").with(TermField.PRICE_GROUP, "7");

        List<Refusal> refusals = PREFLIGHT.check(company("IT", null), terms, ITALY);

        assertThat(refusals).extracting(Refusal::field, Refusal::key).containsExactly(
                tuple("paymentTerms", "preflight.unknownCode"), tuple("priceGroup", "preflight.unknownCode"));
        assertThat(refusals.get(0).explain(Locale.ENGLISH)).contains("\"30\"")
                .contains("1 (Rimessa diretta), 9 (30 gg d.f.)").contains("\"Termini di pagamento Reviso\"");
    }

    @Test
    void r37FieldsTheLedgerGaveNoChoicesForAreLeftToIt() {
        LedgerOffer noChoices = new LedgerOffer(Map.of(), Fixtures.ZONES, "IT", country -> List.of());

        assertThat(PREFLIGHT.check(company("IT", null), terms("1").with(TermField.CURRENCY, "CHF"), noChoices))
                .isEmpty();
    }

    @Test
    void r37NameLongerThanTheLedgerAllowsIsRefused() {
        String longest = "R".repeat(Preflight.MAX_NAME_LENGTH);

        assertThat(PREFLIGHT.check(company(longest, "IT", null), terms("1"), ITALY)).isEmpty();
        assertThat(PREFLIGHT.check(company(longest + "x", "IT", null), terms("1"), ITALY))
                .extracting(Refusal::field, Refusal::key).containsExactly(tuple("name", "preflight.name.tooLong"));
    }

    @Test
    void r37ReportsEveryFieldAtFaultAtOnce() {
        List<Refusal> refusals = PREFLIGHT.check(company(null, "XX"), CustomerTerms.none()
                .with(TermField.VAT_ZONE, "3").with(TermField.CURRENCY, "EUR"), ITALY);

        assertThat(refusals).extracting(Refusal::field).containsExactly("address.countryCode", "vatZone",
                "customerGroup", "paymentTerms");
    }

    @Test
    void r37ExplainsTheSeedsThreeLedgerMessagesWhenTheLedgerRefusesAnyway() {
        Party party = company(null, "MI");

        assertThat(PREFLIGHT.explainLedger(LedgerRefusal.PROVINCE_WITHOUT_COUNTRY, party))
                .extracting(Refusal::field, Refusal::key)
                .containsExactly("address.countryCode", "preflight.province.noCountry");
        assertThat(PREFLIGHT.explainLedger(LedgerRefusal.VAT_ZONE_NOT_FOR_COUNTRY, party).explain(Locale.ITALIAN))
                .startsWith("Reviso ha rifiutato la zona IVA").contains("\"Zona iva Reviso\"");
        assertThat(PREFLIGHT.explainLedger(LedgerRefusal.MANDATORY_FIELD_MISSING, party).explain(Locale.ENGLISH))
                .contains("\"Valuta Reviso\", \"Gruppo clienti Reviso\", "
                        + "\"Termini di pagamento Reviso\", \"Zona iva Reviso\"");
    }

    @Test
    void r37EveryExplanationExistsInEveryLanguage() throws IOException {
        Properties en = bundle("Messages.properties");
        List<String> keys = en.stringPropertyNames().stream()
                .filter(k -> k.startsWith("preflight.") || k.startsWith("ledger.") || k.startsWith("mapping.")).toList();
        assertThat(keys).hasSizeGreaterThan(10);
        for (String file : List.of("Messages_it.properties", "Messages_pt_BR.properties")) {
            assertThat(bundle(file).stringPropertyNames()).as(file).containsAll(keys);
        }
    }

    private static Properties bundle(String file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = PreflightTest.class.getResourceAsStream("/messages/" + file)) {
            properties.load(in);
        }
        return properties;
    }

    /** Complete terms of an Italian agreement's customer, with the given VAT zone. */
    private static CustomerTerms terms(String vatZone) {
        EnumMap<TermField, String> codes = new EnumMap<>(Map.of(TermField.CURRENCY, "EUR", TermField.CUSTOMER_GROUP,
                "1", TermField.PAYMENT_TERMS, "9"));
        if (vatZone != null) {
            codes.put(TermField.VAT_ZONE, vatZone);
        }
        return new CustomerTerms(codes);
    }
}
