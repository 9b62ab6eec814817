package dev.ponte.connector;

import java.time.Duration;

/**
 * Spaces one connected account's calls to a vendor evenly at {@code requestsPerSecond} (each vendor's connector
 * states its limit and where it comes from). Even spacing keeps every one-second window within the limit, where a
 * bucket with a burst would briefly double it. Callers wait for their slot; one that would wait longer than
 * {@code maxWait} (many workers on one account) gets a rate-limited {@link TransientFailure} instead, so the job
 * engine reschedules it rather than tying up a worker.
 *
 * <p>Uses {@link System#nanoTime()}, not the injected Clock: this is monotonic pacing of real time, and tests move the
 * Clock to expire tokens, which must not stall or free requests.
 */
public final class RequestPacer {

    private final String vendor;
    private final long intervalNanos;
    private final long maxWaitNanos;
    private long nextSlot = Long.MIN_VALUE;

    public RequestPacer(String vendor, int requestsPerSecond, Duration maxWait) {
        if (requestsPerSecond < 1) {
            throw new IllegalArgumentException("requests-per-second must be at least 1");
        }
        this.vendor = vendor;
        this.intervalNanos = 1_000_000_000L / requestsPerSecond;
        this.maxWaitNanos = maxWait.toNanos();
    }

    public void acquire() {
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
                throw new TransientFailure("interrupted while waiting for " + vendor + "'s rate limit", null, e);
            }
        }
    }
}
