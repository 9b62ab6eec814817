package dev.ponte.connector;

import java.time.Duration;

/**
 * Spaces one connected account's calls to a vendor evenly at {@code requestsPerSecond} (each vendor's connector
 * states its limit and where it comes from). Even spacing keeps every one-second window within the limit, where a
 * bucket with a burst would briefly double it. Callers wait for their slot; one that would wait longer than
 * {@code maxWait} (many workers on one account) is {@link Postponed} instead, so the job engine reschedules it without
 * spending an attempt rather than tying up a worker. Each postponed caller is told a later time than the one before,
 * one interval apart, so a crowd refused together comes back spread out at the pacing rate instead of all at once to
 * be refused again.
 *
 * <p>Uses {@link System#nanoTime()}, not the injected Clock: this is monotonic pacing of real time, and tests move the
 * Clock to expire tokens, which must not stall or free requests.
 */
public final class RequestPacer {

    private final String vendor;
    private final long intervalNanos;
    private final long maxWaitNanos;
    private long nextSlot = Long.MIN_VALUE;
    /** The time told to the last postponed caller; the next one is told an interval later. */
    private long promised = Long.MIN_VALUE;

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
                long back = promised != Long.MIN_VALUE && promised - slot > 0 ? promised : slot;
                promised = back + intervalNanos;
                throw new Postponed(vendor + "'s request rate is fully booked for the next "
                        + Duration.ofNanos(wait).toMillis() + " ms", Duration.ofNanos(back - now));
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
