package dev.ponte.connector.contaazul;

import dev.ponte.connector.TransientFailure;
import java.time.Duration;

/**
 * Spaces one connected account's calls evenly at {@code requestsPerSecond}. Conta Azul allows 10/s and 600/min per
 * account (docs /minimumrequirements); even spacing keeps every one-second window within the first limit, which
 * implies the second, where a bucket with a burst would briefly double it. Callers wait for their slot; one that would
 * wait longer than {@code maxWait} (many workers on one account) gets a rate-limited {@link TransientFailure} instead,
 * so the job engine reschedules it rather than tying up a worker.
 *
 * <p>Uses {@link System#nanoTime()}, not the injected Clock: this is monotonic pacing of real time, and tests move the
 * Clock to expire tokens, which must not stall or free requests.
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
                throw new TransientFailure("interrupted while waiting for Conta Azul's rate limit", null, e);
            }
        }
    }
}
