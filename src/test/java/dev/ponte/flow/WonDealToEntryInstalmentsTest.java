package dev.ponte.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponte.model.FinancialEntry.Instalment;
import dev.ponte.model.Money;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A receivable's instalments: monthly from dueInDays after the competence date, in exact cents. */
class WonDealToEntryInstalmentsTest {

    @Test
    void splitsInWholeCentsWithTheRemainderOnTheLast() {
        List<Instalment> parts = WonDealToEntry.instalments(LocalDate.of(2026, 1, 31), Money.of("100.00", "BRL"), 3,
                0);
        assertThat(parts).extracting(Instalment::value).containsExactly(Money.of("33.33", "BRL"),
                Money.of("33.33", "BRL"), Money.of("33.34", "BRL"));
        assertThat(parts).extracting(Instalment::due).containsExactly(LocalDate.of(2026, 1, 31),
                LocalDate.of(2026, 2, 28), LocalDate.of(2026, 3, 31));
    }

    @Test
    void oneInstalmentIsDueDueInDaysAfterTheCompetence() {
        List<Instalment> parts = WonDealToEntry.instalments(LocalDate.of(2026, 12, 2), Money.of("0.05", "BRL"), 1, 30);
        assertThat(parts).containsExactly(new Instalment(LocalDate.of(2027, 1, 1), Money.of("0.05", "BRL")));
    }

    @Test
    void neverMoreInstalmentsThanCentsSoNoneIsZero() {
        List<Instalment> parts = WonDealToEntry.instalments(LocalDate.of(2026, 12, 2), Money.of("0.02", "BRL"), 3, 0);
        assertThat(parts).extracting(Instalment::value).containsExactly(Money.of("0.01", "BRL"),
                Money.of("0.01", "BRL"));
    }
}
