package dev.ponte.engine;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with "equal jitter": half the delay is fixed, half random, so retries spread out. */
final class Backoff {

    private final Duration base;
    private final Duration max;

    Backoff(Duration base, Duration max) {
        this.base = base;
        this.max = max;
    }

    Duration delay(int attempt) {
        long cap = max.toMillis();
        long exp = base.toMillis() << Math.min(Math.max(attempt - 1, 0), 30);
        long ceiling = exp <= 0 || exp > cap ? cap : exp;
        long half = ceiling / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }
}
