package dev.ponte.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateBudgetTest {

    private static final RateBudget.Headers HEADERS = new RateBudget.Headers("limit", "left", "reset",
            RateBudget.ResetUnit.MILLIS_FROM_NOW, "daily");

    private final MovingClock clock = new MovingClock(Instant.parse("2026-12-04T10:00:00Z"));

    @Test
    void countsTheLastMinutesCallsAndRefusalsOnly() {
        RateBudget budget = new RateBudget(5, null, clock);
        budget.answered(200, name -> null);
        budget.answered(429, name -> null);
        clock.now = clock.now.plusSeconds(30);
        budget.answered(200, name -> null);
        assertThat(budget.usage().callsLastMinute()).isEqualTo(3);
        assertThat(budget.usage().throttledLastMinute()).isEqualTo(1);

        clock.now = clock.now.plusSeconds(31);
        RateBudget.Usage later = budget.usage();
        assertThat(later.callsLastMinute()).isEqualTo(1);
        assertThat(later.throttledLastMinute()).isZero();
        assertThat(later.lastThrottledAt()).isEqualTo(Instant.parse("2026-12-04T10:00:00Z"));
        assertThat(later.pacedPerSecond()).isEqualTo(5);

        clock.now = clock.now.plusSeconds(3600);
        assertThat(budget.usage().callsLastMinute()).isZero();
    }

    @Test
    void keepsWhatTheVendorLastReportedAndIgnoresWhatDoesNotParse() {
        RateBudget budget = new RateBudget(null, HEADERS, clock);
        budget.answered(200, Map.of("limit", "40", "left", "38", "reset", "1500", "daily", "9000")::get);
        RateBudget.Usage usage = budget.usage();
        assertThat(usage.vendorLimit()).isEqualTo(40);
        assertThat(usage.vendorRemaining()).isEqualTo(38);
        assertThat(usage.vendorResetAt()).isEqualTo(clock.now.plusMillis(1500));
        assertThat(usage.dailyRemaining()).isEqualTo(9000);
        assertThat(usage.reportedAt()).isEqualTo(clock.now);

        clock.now = clock.now.plusSeconds(1);
        budget.answered(500, Map.of("left", "soon")::get);
        assertThat(budget.usage().vendorRemaining()).isEqualTo(38);
        assertThat(budget.usage().reportedAt()).isEqualTo(clock.now.minusSeconds(1));
        assertThat(RateBudget.ResetUnit.EPOCH_SECONDS.at(1_800_000_000L, clock.now))
                .isEqualTo(Instant.ofEpochSecond(1_800_000_000L));
    }

    private static final class MovingClock extends Clock {
        Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
