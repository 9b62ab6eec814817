package dev.ponte.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void roundsToTwoDecimalsHalfEven() {
        assertThat(Money.of("0.125", "BRL").amount()).isEqualByComparingTo("0.12");
        assertThat(Money.of("0.135", "BRL").amount()).isEqualByComparingTo("0.14");
        assertThat(Money.of("-0.125", "BRL").amount()).isEqualByComparingTo("-0.12");
    }

    @Test
    void equalAmountsAreEqualWhateverTheirScale() {
        assertThat(Money.of("10", "EUR")).isEqualTo(Money.of(new BigDecimal("10.000"), "EUR"));
        assertThat(Money.of("10", "EUR")).hasToString("10.00 EUR");
    }

    @Test
    void addsAmountsOfTheSameCurrency() {
        assertThat(Money.of("0.10", "BRL").plus(Money.of("0.20", "BRL"))).isEqualTo(Money.of("0.30", "BRL"));
    }

    @Test
    void refusesToAddDifferentCurrencies() {
        assertThatThrownBy(() -> Money.of("1", "BRL").plus(Money.of("1", "EUR")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void multipliesExactlyThenRoundsOnce() {
        assertThat(Money.of("0.35", "BRL").times(new BigDecimal("0.5"))).isEqualTo(Money.of("0.18", "BRL"));
        assertThat(Money.of("0.25", "BRL").times(new BigDecimal("0.5"))).isEqualTo(Money.of("0.12", "BRL"));
        assertThat(Money.of("19.99", "EUR").times(new BigDecimal("3"))).isEqualTo(Money.of("59.97", "EUR"));
    }

    @Test
    void recognisesZero() {
        assertThat(Money.of("0.004", "BRL").isZero()).isTrue();
        assertThat(Money.zero("EUR").isZero()).isTrue();
        assertThat(Money.of("0.01", "BRL").isZero()).isFalse();
    }

    @Test
    void rejectsCurrencyThatIsNotAnIsoCode() {
        assertThatThrownBy(() -> Money.of("1", "R$")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of("1", "brl")).isInstanceOf(IllegalArgumentException.class);
    }
}
