package dev.ponte.connector.reviso;

import dev.ponte.connector.TransientFailure;
import java.time.Duration;

/**
 * Spaces one agreement's calls evenly at {@code requestsPerSecond}. Reviso publishes no limit, so the rate is a guess
 * ({@link RevisoConfig#requestsPerSecond()}). Callers wait for their slot; one that would wait longer than
 * {@code maxWait} (many workers on one agreement) gets a rate-limited {@link TransientFailure} instead, so the job
 * engine reschedules it rather than tying up a worker. A copy of Conta Azul's pacer: vendor packages share nothing.
 *
 * <p>Uses {@link System#nanoTime()}: this is monotonic pacing of real time, not business time.
 */
final class RequestPacer {

    private final long intervalNanos;
    private final long maxWaitNanos;
    private long nextSlot = Long.MIN_VALUE;

    RequestPacer(int requestsPerSecond, Duration maxWait) {
        if (requestsPerSecond < 1) {
            throw new IllegalArgumentException("requests-per-second must be at least 1");
        }
        this.intervalNanos = 1_000_000_000L / requestsPerSecond;
        this.maxWaitNanos = maxWait.toNanos();
    }

    void acquire() {
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long slot = nextSlot == Long.MIN_VALUE || nextSlot - now < 0 ? now : nextSlot;
            wait = slot - now;
            if (wait > maxWaitNanos) {
                throw TransientFailure.rateLimited(Duration.ofNanos(wait));
            }
            nextSlot = slot + intervalNanos;
        }
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransientFailure("interrupted while waiting for the Reviso rate limit", null, e);
            }
        }
    }
}
