package dev.ponte.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponte.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T12:00:00Z"));

    @Test
    void allowsOneSecondsBudgetThenAsksToWait() {
        UUID conta = UUID.randomUUID();
        RateLimiter limiter = new RateLimiter(id -> 10, clock);
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.tryAcquire(conta)).isZero();
        }
        assertThat(limiter.tryAcquire(conta)).isBetween(1L, 100L);
        clock.advance(Duration.ofMillis(100));
        assertThat(limiter.tryAcquire(conta)).isZero();
    }

    @Test
    void aBacklogIsGivenSuccessiveTurnsAtTheBudgetsPace() {
        UUID conta = UUID.randomUUID();
        RateLimiter limiter = new RateLimiter(id -> 10, clock);
        for (int i = 0; i < 10; i++) {
            limiter.tryAcquire(conta);
        }
        // 50 more jobs claimed at once: turns 100 ms apart, not 50 jobs back at the next permit
        long[] waits = new long[50];
        for (int i = 0; i < waits.length; i++) {
            waits[i] = limiter.tryAcquire(conta);
        }
        assertThat(waits[0]).isBetween(1L, 100L);
        for (int i = 1; i < waits.length; i++) {
            assertThat(waits[i] - waits[i - 1]).as("turn %d after turn %d", i, i - 1).isEqualTo(100L);
        }
        // each comes back at its turn and finds its permit
        long now = 0;
        for (long wait : waits) {
            clock.advance(Duration.ofMillis(wait - now));
            now = wait;
            assertThat(limiter.tryAcquire(conta)).isZero();
        }
    }

    @Test
    void connectionsHaveSeparateBudgets() {
        UUID busy = UUID.randomUUID();
        UUID quiet = UUID.randomUUID();
        RateLimiter limiter = new RateLimiter(id -> 1, clock);
        assertThat(limiter.tryAcquire(busy)).isZero();
        assertThat(limiter.tryAcquire(busy)).isPositive();
        assertThat(limiter.tryAcquire(quiet)).isZero();
    }

    @Test
    void backoffGrowsExponentiallyWithinItsCap() {
        Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(1));
        assertThat(backoff.delay(1)).isBetween(Duration.ofMillis(2500), Duration.ofSeconds(5));
        assertThat(backoff.delay(3)).isBetween(Duration.ofSeconds(10), Duration.ofSeconds(20));
        assertThat(backoff.delay(40)).isBetween(Duration.ofSeconds(30), Duration.ofMinutes(1));
    }
}
