package dev.ponte.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DealTest {

    private static final Party COMPANY = new Party(PartyKind.COMPANY, "Acme Ltda",
            TaxId.parseBrazilian("11.222.333/0001-81"), null, null, null, "BR", "Pipedrive", null, "org-1");
    private static final Party PERSON = new Party(PartyKind.PERSON, "Ana Souza",
            TaxId.parseBrazilian("248.438.034-80"), "ana@example.com", null, null, "BR", "Pipedrive", null, "p-1");
    private static final Item CONSULTING = new Item(ItemKind.PRODUCT, "C-1", "Consulting", null, null);

    @Test
    void picksTheCompanyOverTheContactAsCustomer() {
        assertThat(deal(COMPANY, PERSON, money("100")).customer()).contains(COMPANY);
    }

    @Test
    void fallsBackToTheContactWhenThereIsNoCompany() {
        assertThat(deal(null, PERSON, money("100")).customer()).contains(PERSON);
    }

    @Test
    void hasNoCustomerWithNeitherCompanyNorContact() {
        assertThat(deal(null, null, money("100")).customer()).isEmpty();
    }

    @Test
    void hasValueOnlyWhenPositive() {
        assertThat(deal(COMPANY, null, money("0.01")).hasValue()).isTrue();
        assertThat(deal(COMPANY, null, money("0")).hasValue()).isFalse();
        assertThat(deal(COMPANY, null, null).hasValue()).isFalse();
    }

    @Test
    void dropsCustomFieldsWithoutValueAndCopiesTheRest() {
        Map<String, String> fields = new HashMap<>();
        fields.put("cpf", "248.438.034-80");
        fields.put("unset", null);
        Deal deal = new Deal("1", "Deal", DealStatus.WON, money("10"), null, null, null, COMPANY, null, List.of(),
                fields, null);
        fields.put("later", "x");

        assertThat(deal.customFields()).containsOnlyKeys("cpf");
        assertThatThrownBy(() -> deal.customFields().put("k", "v")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void computesLineTotalWithDiscountRoundingOnce() {
        DealLine line = new DealLine(CONSULTING, new BigDecimal("3"), money("33.33"), new BigDecimal("10"));

        assertThat(line.total()).isEqualTo(money("89.99"));
        assertThat(new DealLine(CONSULTING, BigDecimal.ONE, money("5"), null).total()).isEqualTo(money("5"));
    }

    @Test
    void rejectsNonPositiveQuantityAndDiscountAboveHundred() {
        assertThatThrownBy(() -> new DealLine(CONSULTING, BigDecimal.ZERO, money("1"), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DealLine(CONSULTING, BigDecimal.ONE, money("1"), new BigDecimal("101")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Deal deal(Party organization, Party person, Money value) {
        return new Deal("42", "Website", DealStatus.WON, value, Instant.parse("2026-07-01T10:00:00Z"),
                Instant.parse("2026-07-01T10:00:00Z"), "1", organization, person,
                List.of(new DealLine(CONSULTING, BigDecimal.ONE, money("100"), null)), Map.of(), "7");
    }

    private static Money money(String amount) {
        return Money.of(amount, "BRL");
    }
}
