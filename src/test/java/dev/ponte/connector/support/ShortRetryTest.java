package dev.ponte.connector.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponte.connector.TransientFailure;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ShortRetryTest {

    private final ShortRetry retry = new ShortRetry(3, Duration.ofSeconds(2));

    @Test
    void waitsOutAShortRetryAfter() {
        AtomicInteger tries = new AtomicInteger();
        assertThat(retry.run(() -> {
            if (tries.incrementAndGet() < 3) {
                throw TransientFailure.rateLimited(Duration.ZERO);
            }
            return "done";
        })).isEqualTo("done");
        assertThat(tries).hasValue(3);
    }

    @Test
    void leavesLongWaitsNoHintAndTheFourthFailureToTheEngine() {
        AtomicInteger tries = new AtomicInteger();
        assertThatThrownBy(() -> retry.run(() -> {
            tries.incrementAndGet();
            throw TransientFailure.rateLimited(Duration.ofSeconds(3));
        })).isInstanceOf(TransientFailure.class);
        assertThat(tries).hasValue(1);

        tries.set(0);
        assertThatThrownBy(() -> retry.run(() -> {
            tries.incrementAndGet();
            throw new TransientFailure("answered 503");
        })).isInstanceOf(TransientFailure.class);
        assertThat(tries).hasValue(1);

        tries.set(0);
        assertThatThrownBy(() -> retry.run(() -> {
            tries.incrementAndGet();
            throw TransientFailure.rateLimited(Duration.ZERO);
        })).isInstanceOf(TransientFailure.class);
        assertThat(tries).hasValue(4);
    }
}
