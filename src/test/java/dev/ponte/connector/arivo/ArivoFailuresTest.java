package dev.ponte.connector.arivo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponte.connector.TransientFailure;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Arivo's 429 hints: {@code Retry-After}, else {@code x-ratelimit-reset} as epoch seconds (or, if small, seconds). */
class ArivoFailuresTest {

    private static Duration waitOf(Response response) {
        TransientFailure failure = (TransientFailure) ArivoFailures.ERRORS.toFailure(response);
        return failure.retryAfter().orElseThrow();
    }

    @Test
    void retryAfterIsTakenFirst() {
        long reset = System.currentTimeMillis() / 1000 + 40;
        assertThat(waitOf(Response.status(429).header("Retry-After", "5").header("x-ratelimit-reset", reset).build()))
                .isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aResetInEpochSecondsIsTheTimeLeft() {
        long reset = System.currentTimeMillis() / 1000 + 30;
        assertThat(waitOf(Response.status(429).header("x-ratelimit-reset", reset).build()))
                .isBetween(Duration.ofSeconds(28), Duration.ofSeconds(30));
    }

    @Test
    void aResetAlreadyPastWaitsOneSecond() {
        long reset = System.currentTimeMillis() / 1000 - 30;
        assertThat(waitOf(Response.status(429).header("x-ratelimit-reset", reset).build()))
                .isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aSmallResetIsSecondsToWait() {
        assertThat(waitOf(Response.status(429).header("x-ratelimit-reset", "12").build()))
                .isEqualTo(Duration.ofSeconds(12));
    }
}
