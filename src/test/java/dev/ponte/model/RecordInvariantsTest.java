package dev.ponte.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordInvariantsTest {

    private static final SalesLine LINE = new SalesLine("item-1", "Consulting", new BigDecimal("2"),
            Money.of("50", "BRL"), null);

    @Test
    void rejectsBlankPartyName() {
        assertThatThrownBy(() -> new Party(PartyKind.PERSON, "  ", null, null, null, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Party(null, "Ana", null, null, null, null, null, null, null, null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void turnsBlankOptionalFieldsIntoNullAndUpperCasesCountry() {
        Party party = new Party(PartyKind.PERSON, "Ana", null, " ", "", null, "br", "Moskit", null, null);

        assertThat(party.email()).isNull();
        assertThat(party.businessPhone()).isNull();
        assertThat(party.countryCode()).isEqualTo("BR");
    }

    @Test
    void keepsTheSourcesTagsWithoutBlanks() {
        Item tagged = new Item(ItemKind.PRODUCT, "S-1", "Setup", null, null,
                java.util.Arrays.asList("contaazul-serviço", null));

        assertThat(tagged.tags()).containsExactly("contaazul-serviço");
        assertThat(new Item(ItemKind.PRODUCT, "P-1", "Box", null, "UN").tags()).isEmpty();
    }

    @Test
    void totalsSalesDocumentWithShipping() {
        SalesDocument sale = sale(Money.of("15.50", "BRL"), false, null);

        assertThat(sale.total()).isEqualTo(Money.of("115.50", "BRL"));
        assertThat(sale.payment()).isEqualTo(new PaymentPlan("DINHEIRO", 1));
    }

    @Test
    void aDiscountComesOffTheTotalAndIsNeitherNegativeNorMoreThanIt() {
        assertThat(sale(Money.of("15.50", "BRL"), Money.of("20.00", "BRL")).total())
                .isEqualTo(Money.of("95.50", "BRL"));
        assertThatThrownBy(() -> sale(null, Money.of("-1", "BRL"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sale(null, Money.of("100.01", "BRL"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sale(null, Money.of("1", "EUR"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requiresRecurrenceExactlyWhenRecurring() {
        Recurrence monthly = new Recurrence(LocalDate.of(2026, 7, 1), LocalDate.of(2027, 6, 30), 10);

        assertThat(sale(null, true, monthly).recurrence()).isEqualTo(monthly);
        assertThatThrownBy(() -> sale(null, true, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sale(null, false, monthly)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsSalesDocumentMixingCurrencies() {
        assertThatThrownBy(() -> sale(Money.of("1", "EUR"), false, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsSalesDocumentWithoutLines() {
        assertThatThrownBy(() -> new SalesDocument("deal:1", "c-1", LocalDate.of(2026, 7, 1), List.of(), null,
                null, PaymentPlan.cashInOneInstalment(), null, null, false, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsRecurrenceEndingBeforeItStartsOrBadDueDay() {
        assertThatThrownBy(() -> new Recurrence(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 6, 1), 5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Recurrence(LocalDate.of(2026, 7, 1), null, 32))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsPaymentPlanWithoutInstalments() {
        assertThatThrownBy(() -> new PaymentPlan("DINHEIRO", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requiresTheMandatoryFinancialEntryFieldsAndInstalmentsThatAddUp() {
        LocalDate day = LocalDate.of(2026, 7, 1);
        Money ten = Money.of("10", "BRL");
        List<FinancialEntry.Instalment> once = List.of(new FinancialEntry.Instalment(day, ten));
        assertThatThrownBy(() -> new FinancialEntry(FinancialEntry.Kind.RECEIVABLE, "ponte:1", "c-1", day, ten,
                "Deal 42", null, " ", "cat-1", once, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FinancialEntry(FinancialEntry.Kind.RECEIVABLE, "ponte:1", "c-1", day, ten,
                "Deal 42", null, "acc-1", "cat-1", List.of(new FinancialEntry.Instalment(day, Money.of("9.99", "BRL"))),
                null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("9.99");
        assertThatThrownBy(() -> new FinancialEntry(FinancialEntry.Kind.PAYABLE, "ponte:1", "s-1", day,
                Money.zero("BRL"), "Deal 42", null, "acc-1", "cat-1", List.of(new FinancialEntry.Instalment(day,
                        Money.zero("BRL"))), null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new FinancialEntry(FinancialEntry.Kind.RECEIVABLE, "ponte:1", "c-1", day, ten, "Deal 42", "", "acc-1",
                "cat-1", once, null).notes()).isNull();
    }

    @Test
    void rejectsInvalidReferenceData() {
        assertThatThrownBy(() -> new TaxRate("22", "IVA 22%", new BigDecimal("122")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PaymentTerm("30", "30 days", -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Unit("", "Pezzi")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new TaxRate("22", "IVA 22%", new BigDecimal("22")).ratePercent()).isEqualByComparingTo("22");
    }

    @Test
    void acceptsAddressWithOnlySomeParts() {
        Address address = new Address(null, "", "Milano", "MI", "20100", "it");

        assertThat(address.number()).isNull();
        assertThat(address.countryCode()).isEqualTo("IT");
    }

    private static SalesDocument sale(Money shipping, Money discount) {
        return new SalesDocument("deal:42", "customer-1", LocalDate.of(2026, 7, 1), List.of(LINE), shipping,
                discount, PaymentPlan.cashInOneInstalment(), "seller-1", null, false, null);
    }

    private static SalesDocument sale(Money shipping, boolean recurring, Recurrence recurrence) {
        return new SalesDocument("deal:42", "customer-1", LocalDate.of(2026, 7, 1), List.of(LINE), shipping,
                null, PaymentPlan.cashInOneInstalment(), "seller-1", null, recurring, recurrence);
    }
}
