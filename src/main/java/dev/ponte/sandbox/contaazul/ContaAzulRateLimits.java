package dev.ponte.sandbox.contaazul;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.inject.Singleton;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalLong;

/**
 * Conta Azul's rate limits on the emulated account, enforced by default: 10 requests/s and 600 requests/min per
 * connected account (docs /minimumrequirements, research-notes §1a; "over the limit you get HTTP 429"). The docs say
 * neither how the limits are counted nor which headers report them, so this guesses the common API-gateway way: the
 * per-second limit is a token bucket holding one second's worth, the per-minute one a sliding window of the requests
 * admitted in the last 60 s. Refused requests are not counted; the answer says in {@code Retry-After} (whole seconds)
 * when the request would be admitted. Tests may lift or change the limits through {@code /sandbox/contaazul/_limits}.
 *
 * <p>Real time ({@link System#nanoTime()}), not the emulator's Clock, which tests move to expire tokens.
 */
@Singleton
public class ContaAzulRateLimits {

    /** The documented limits. */
    public static final Limits DOCUMENTED = new Limits(10, 600);
    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;

    private Limits limits = DOCUMENTED;
    private double tokens = DOCUMENTED.requestsPerSecond();
    private long refilledAt = System.nanoTime();
    private final Deque<Long> lastMinute = new ArrayDeque<>();

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

    public synchronized Limits limits() {
        return limits;
    }

    /** New limits, counted afresh from now. */
    public synchronized Limits configure(Limits configured) {
        limits = configured;
        tokens = configured.requestsPerSecond() == null ? 0 : configured.requestsPerSecond();
        refilledAt = System.nanoTime();
        lastMinute.clear();
        return configured;
    }

    public Limits reset() {
        return configure(DOCUMENTED);
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
