package dev.ponte.engine;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per connection (burst of one second's worth). It is per instance: with several replicas each
 * gets the full budget, so size limits for the replica count when running more than one.
 */
final class RateLimiter {

    private final RateLimits limits;
    private final Clock clock;
    private final Map<UUID, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(RateLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Takes a permit now and answers 0, or answers how many milliseconds until this caller's turn (taking nothing).
     * Callers told to wait are given successive turns, one permit's interval apart, so a backlog of one connection
     * comes back at its budget's pace instead of all at the next permit, to be put back again but one.
     */
    long tryAcquire(UUID connectionId) {
        Bucket bucket = buckets.computeIfAbsent(connectionId, id -> new Bucket(limits.jobsPerSecond(id)));
        return bucket.tryAcquire(clock.millis());
    }

    private static final class Bucket {
        private final double perMilli;
        private final double capacity;
        /** Milliseconds between two permits. */
        private final long interval;
        private double tokens;
        private long last = -1;
        /** The latest turn given to a caller told to wait (none yet: far enough back not to count, nor overflow). */
        private long lastTurn = Long.MIN_VALUE / 2;

        Bucket(double perSecond) {
            this.perMilli = perSecond / 1000.0;
            this.capacity = Math.max(1.0, perSecond);
            this.interval = (long) Math.ceil(1.0 / perMilli);
            this.tokens = capacity;
        }

        synchronized long tryAcquire(long now) {
            if (last >= 0) {
                tokens = Math.min(capacity, tokens + (now - last) * perMilli);
            }
            last = now;
            if (tokens >= 1.0) {
                tokens -= 1.0;
                return 0;
            }
            long nextPermit = now + (long) Math.ceil((1.0 - tokens) / perMilli);
            long turn = Math.max(nextPermit, lastTurn + interval);
            lastTurn = turn;
            return turn - now;
        }
    }
}
