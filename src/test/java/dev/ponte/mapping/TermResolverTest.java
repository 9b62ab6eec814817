package dev.ponte.mapping;

import static dev.ponte.mapping.Fixtures.ITALY;
import static dev.ponte.mapping.Fixtures.company;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.ponte.model.CustomerTerms;
import dev.ponte.model.TermField;
import dev.ponte.model.VatZone;
import dev.ponte.model.VatZone.Scope;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** R32: the ledger's extra customer fields filled from a CRM company's fields, and back. */
class TermResolverTest {

    private static final Map<String, String> FILLED = Map.of("Valuta Reviso", "EUR", "Gruppo clienti Reviso", "1",
            "Termini di pagamento Reviso", "9", "Modalità di pagamento CiC", "2", "Zona iva Reviso", "1",
            "Gruppo prezzi Reviso", "1");

    @Test
    void r32TakesLedgerCodesFromTheSeedsFields() {
        CustomerTerms terms = new TermResolver(MappingTables.defaults()).toLedger(FILLED, company("IT", null), ITALY);

        assertThat(terms.values()).containsExactlyInAnyOrderEntriesOf(Map.of(TermField.CURRENCY, "EUR",
                TermField.CUSTOMER_GROUP, "1", TermField.PAYMENT_TERMS, "9", TermField.PAYMENT_MODE, "2",
                TermField.VAT_ZONE, "1", TermField.PRICE_GROUP, "1"));
    }

    @Test
    void r32TranslatesCrmValuesBeforeAnythingElse() {
        MappingTables tables = tables(new MappingTable(TermField.CURRENCY, null, null, false,
                Map.of("Euro €", "EUR", "1", "USD")));
        TermResolver resolver = new TermResolver(tables);

        assertThat(resolver.toLedger(Map.of("Valuta Reviso", " Euro € "), company("IT", null), ITALY)
                .get(TermField.CURRENCY)).isEqualTo("EUR");
        assertThat(resolver.toLedger(Map.of("Valuta Reviso", "1"), company("IT", null), ITALY)
                .get(TermField.CURRENCY)).isEqualTo("USD");
    }

    @Test
    void r32TakesTheNameOfALedgerChoiceAsItsCode() {
        CustomerTerms terms = new TermResolver(MappingTables.defaults())
                .toLedger(Map.of("Termini di pagamento Reviso", "30 GG D.F."), company("IT", null), ITALY);

        assertThat(terms.get(TermField.PAYMENT_TERMS)).isEqualTo("9");
    }

    @Test
    void r32ReadsTheBoundCrmField() {
        MappingTables tables = tables(new MappingTable(TermField.CUSTOMER_GROUP, null, "Tipo cliente", false,
                Map.of()));

        CustomerTerms terms = new TermResolver(tables).toLedger(Map.of("Tipo cliente", "2", "Gruppo clienti Reviso",
                "1"), company("IT", null), ITALY);

        assertThat(terms.get(TermField.CUSTOMER_GROUP)).isEqualTo("2");
    }

    @Test
    void r32DerivesTheVatZoneFromTheCountryWithTheLedgersOwnZones() {
        LedgerOffer offer = Fixtures.offer(List.of(new VatZone("31", "Nazionale", Scope.DOMESTIC, true),
                new VatZone("32", "Intra UE", Scope.EU, true), new VatZone("33", "Extra UE", Scope.ABROAD, true)));
        TermResolver resolver = new TermResolver(MappingTables.defaults());

        assertThat(resolver.toLedger(Map.of(), company("IT", null), offer).get(TermField.VAT_ZONE)).isEqualTo("31");
        assertThat(resolver.toLedger(Map.of(), company("FR", null), offer).get(TermField.VAT_ZONE)).isEqualTo("32");
        assertThat(resolver.toLedger(Map.of(), company("BR", null), offer).get(TermField.VAT_ZONE)).isEqualTo("33");
        assertThat(resolver.toLedger(Map.of(), company(null, null), offer).get(TermField.VAT_ZONE))
                .as("a customer without a country counts as domestic").isEqualTo("31");
    }

    @Test
    void r32DerivesOnlyAZoneEnabledForCustomers() {
        LedgerOffer offer = Fixtures.offer(List.of(new VatZone("2", "EU (old)", Scope.EU, false),
                new VatZone("7", "EU", Scope.EU, true)));

        assertThat(new TermResolver(MappingTables.defaults()).toLedger(Map.of(), company("DE", null), offer)
                .get(TermField.VAT_ZONE)).isEqualTo("7");
    }

    @Test
    void r32FallsBackToTheDefaultWhenTheFieldIsEmptyOrNothingFits() {
        MappingTables tables = tables(new MappingTable(TermField.CURRENCY, "EUR", null, false, Map.of()),
                new MappingTable(TermField.VAT_ZONE, "1", null, true, Map.of()));
        LedgerOffer noEuZone = Fixtures.offer(List.of(new VatZone("1", "Domestic", Scope.DOMESTIC, true)));

        CustomerTerms terms = new TermResolver(tables).toLedger(Map.of("Valuta Reviso", "  "), company("FR", null),
                noEuZone);

        assertThat(terms.get(TermField.CURRENCY)).isEqualTo("EUR");
        assertThat(terms.get(TermField.VAT_ZONE)).isEqualTo("1");
    }

    @Test
    void r32TheCompanysOwnValueBeatsDerivationAndDefault() {
        MappingTables tables = tables(new MappingTable(TermField.VAT_ZONE, "3", null, true, Map.of()));

        assertThat(new TermResolver(tables).toLedger(Map.of("Zona iva Reviso", "4"), company("IT", null), ITALY)
                .get(TermField.VAT_ZONE)).isEqualTo("4");
    }

    @Test
    void r32WithoutDerivationTheVatZoneComesFromTheDefaultOrNowhere() {
        TermResolver off = new TermResolver(tables(new MappingTable(TermField.VAT_ZONE, null, null, false, Map.of())));

        assertThat(off.toLedger(Map.of(), company("FR", null), ITALY).get(TermField.VAT_ZONE)).isNull();
    }

    @Test
    void r32KeepsAValueTheLedgerDoesNotOfferSoPreflightCanExplainIt() {
        MappingTables tables = tables(new MappingTable(TermField.CURRENCY, "EUR", null, false, Map.of()));

        CustomerTerms terms = new TermResolver(tables).toLedger(Map.of("Valuta Reviso", "Lire"), company("IT", null),
                ITALY);

        assertThat(terms.get(TermField.CURRENCY)).isEqualTo("Lire");
        assertThat(new Preflight(tables).check(company("IT", null), terms, ITALY))
                .extracting(Refusal::field, Refusal::key).contains(tuple("currency",
                        "preflight.unknownCode"));
    }

    @Test
    void r32GivesTheCrmTheTranslatedValueOrTheCode() {
        MappingTables tables = tables(new MappingTable(TermField.CURRENCY, null, null, false,
                Map.of("Euro", "EUR", "€", "EUR")), new MappingTable(TermField.PAYMENT_MODE, null, "Pagamento", false,
                        Map.of()));
        CustomerTerms terms = new CustomerTerms(Map.of(TermField.CURRENCY, "EUR", TermField.PAYMENT_MODE, "2",
                TermField.VAT_ZONE, "1"));

        Map<String, String> fields = new TermResolver(tables).toCrm(terms);

        assertThat(fields).containsExactlyInAnyOrderEntriesOf(Map.of("Valuta Reviso", "Euro", "Pagamento", "2",
                "Zona iva Reviso", "1"));
    }

    @Test
    void r32LedgerTermsSurviveTheRoundTripThroughTheCrm() {
        MappingTables tables = tables(new MappingTable(TermField.PAYMENT_TERMS, null, null, false,
                Map.of("30 giorni", "9")));
        TermResolver resolver = new TermResolver(tables);
        CustomerTerms ledger = new CustomerTerms(Map.of(TermField.CURRENCY, "USD", TermField.CUSTOMER_GROUP, "2",
                TermField.PAYMENT_TERMS, "9", TermField.VAT_ZONE, "3"));

        assertThat(resolver.toLedger(resolver.toCrm(ledger), company("US", null), ITALY)).isEqualTo(ledger);
    }

    @Test
    void r32OnlyTheVatZoneCanBeDerived() {
        assertThatThrownBy(() -> new MappingTable(TermField.CURRENCY, null, null, true, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(MappingTable.defaults(TermField.VAT_ZONE).derive()).isTrue();
        assertThat(MappingTable.defaults(TermField.PAYMENT_MODE).crmField()).isEqualTo("Modalità di pagamento CiC");
        for (TermField field : TermField.values()) {
            assertThat(MappingTable.fromPathName(MappingTable.pathName(field))).contains(field);
        }
        assertThat(MappingTable.pathName(TermField.CUSTOMER_GROUP)).isEqualTo("customer-group");
    }

    private static MappingTables tables(MappingTable... tables) {
        return MappingTables.of(List.of(tables));
    }
}
