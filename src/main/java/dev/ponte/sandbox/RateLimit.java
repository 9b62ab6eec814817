package dev.ponte.sandbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalLong;

/**
 * A vendor's request limits on the emulated account, enforced by default where its contract states them (Conta Azul:
 * 10 requests/s and 600/min; Moskit: about 6/s and 240/min as the community observed): the per-second limit is a token
 * bucket holding one second's worth, the per-minute one a sliding window of the requests admitted in the last 60 s —
 * the common API-gateway way, since no vendor says how it counts. Refused requests are not counted in the limits but
 * are in {@link #refused()}; the answer says in {@code Retry-After} (whole seconds) when the request would be admitted.
 * Tests may lift or change the limits through {@code /sandbox/<vendor>/_limits}, and say why.
 *
 * <p>Real time ({@link System#nanoTime()}), not an emulator's Clock, which tests move to expire tokens.
 */
public final class RateLimit {

    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;

    private final String apiPrefix;
    private final Limits documented;
    private Limits limits;
    private double tokens;
    private long refilledAt;
    private long refused;
    private final Deque<Long> lastMinute = new ArrayDeque<>();

    /**
     * @param apiPrefix the path, after {@code /sandbox/<vendor>}, of the calls that count (e.g. {@code /v1/})
     * @param documented the limits the vendor's contract states, in force after a reset
     */
    public RateLimit(String apiPrefix, Limits documented) {
        this.apiPrefix = apiPrefix;
        this.documented = documented;
        configure(documented);
    }

    /**
     * The limits in force; a null field is not limited.
     *
     * @param requestsPerSecond per connected account, a burst of at most this many
     * @param requestsPerMinute per connected account, in any 60 seconds
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Limits(Integer requestsPerSecond, Integer requestsPerMinute) {
    }

    /** Whether a call to this path (after {@code /sandbox/<vendor>}) counts. */
    public boolean counts(String vendorPath) {
        return vendorPath.startsWith(apiPrefix);
    }

    public synchronized Limits limits() {
        return limits;
    }

    /** Requests refused since the limits were last configured. */
    public synchronized long refused() {
        return refused;
    }

    /** New limits, counted afresh from now. */
    public synchronized Limits configure(Limits configured) {
        limits = configured;
        tokens = configured.requestsPerSecond() == null ? 0 : configured.requestsPerSecond();
        refilledAt = System.nanoTime();
        refused = 0;
        lastMinute.clear();
        return configured;
    }

    public Limits reset() {
        return configure(documented);
    }

    /** Counts the request and answers empty, or answers the whole seconds after which it would be admitted. */
    public synchronized OptionalLong admit() {
        long now = System.nanoTime();
        long waitNanos = 0;
        Integer perSecond = limits.requestsPerSecond();
        if (perSecond != null) {
            tokens = Math.min(perSecond, tokens + (now - refilledAt) * (double) perSecond / SECOND);
            refilledAt = now;
            if (tokens < 1) {
                waitNanos = (long) Math.ceil((1 - tokens) * SECOND / perSecond);
            }
        }
        Integer perMinute = limits.requestsPerMinute();
        if (perMinute != null) {
            while (!lastMinute.isEmpty() && now - lastMinute.peekFirst() >= MINUTE) {
                lastMinute.pollFirst();
            }
            if (lastMinute.size() >= perMinute) {
                // Never more than perMinute are kept (configure starts afresh): admitted once the oldest has left.
                waitNanos = Math.max(waitNanos, lastMinute.peekFirst() + MINUTE - now);
            }
        }
        if (waitNanos > 0) {
            refused++;
            return OptionalLong.of(Math.max(1, (waitNanos + SECOND - 1) / SECOND));
        }
        if (perSecond != null) {
            tokens -= 1;
        }
        if (perMinute != null) {
            lastMinute.addLast(now);
        }
        return OptionalLong.empty();
    }
}
