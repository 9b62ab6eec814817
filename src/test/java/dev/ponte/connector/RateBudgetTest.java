package dev.ponte.connector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponte.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateBudgetTest {

    private static final RateBudget.Headers HEADERS = new RateBudget.Headers("limit", "left", "reset",
            RateBudget.ResetUnit.MILLIS_FROM_NOW, "daily");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));

    @Test
    void countsTheLastMinutesCallsAndRefusalsOnly() {
        RateBudget budget = new RateBudget(5, null, clock);
        budget.answered(200, name -> null);
        budget.answered(429, name -> null);
        clock.advance(Duration.ofSeconds(30));
        budget.answered(200, name -> null);
        assertThat(budget.usage().callsLastMinute()).isEqualTo(3);
        assertThat(budget.usage().throttledLastMinute()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(31));
        RateBudget.Usage later = budget.usage();
        assertThat(later.callsLastMinute()).isEqualTo(1);
        assertThat(later.throttledLastMinute()).isZero();
        assertThat(later.lastThrottledAt()).isEqualTo(Instant.parse("2026-12-04T10:00:00Z"));
        assertThat(later.pacedPerSecond()).isEqualTo(5);

        clock.advance(Duration.ofSeconds(3600));
        assertThat(budget.usage().callsLastMinute()).isZero();
    }

    @Test
    void keepsWhatTheVendorLastReportedAndIgnoresWhatDoesNotParse() {
        RateBudget budget = new RateBudget(null, HEADERS, clock);
        budget.answered(200, Map.of("limit", "40", "left", "38", "reset", "1500", "daily", "9000")::get);
        RateBudget.Usage usage = budget.usage();
        assertThat(usage.vendorLimit()).isEqualTo(40);
        assertThat(usage.vendorRemaining()).isEqualTo(38);
        assertThat(usage.vendorResetAt()).isEqualTo(clock.instant().plusMillis(1500));
        assertThat(usage.dailyRemaining()).isEqualTo(9000);
        assertThat(usage.reportedAt()).isEqualTo(clock.instant());

        clock.advance(Duration.ofSeconds(1));
        budget.answered(500, Map.of("left", "soon")::get);
        assertThat(budget.usage().vendorRemaining()).isEqualTo(38);
        assertThat(budget.usage().reportedAt()).isEqualTo(clock.instant().minusSeconds(1));
        assertThat(RateBudget.ResetUnit.EPOCH_SECONDS.at(1_800_000_000L, clock.instant()))
                .isEqualTo(Instant.ofEpochSecond(1_800_000_000L));
    }
}
