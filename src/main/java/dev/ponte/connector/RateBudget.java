package dev.ponte.connector;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * What Ponte has seen of one connected account's request budget at one vendor (R63: "the remaining budget is
 * visible"): the calls it made and the 429s it got in the last minute, the rate it paces itself to where it does, and
 * what the vendor last reported of its own limits where its answers carry them ({@link Headers}, named in the vendor's
 * package). Kept in memory per connection by {@code support.ConnectionClients}, fed by every answer of its REST client;
 * per instance, like the pacing (a replica sees its own calls).
 */
public final class RateBudget {

    private static final int SECONDS = 60;

    private final Integer pacedPerSecond;
    private final Headers headers;
    private final Clock clock;
    private final long[] second = new long[SECONDS];
    private final int[] calls = new int[SECONDS];
    private final int[] throttled = new int[SECONDS];
    private Instant lastThrottledAt;
    private Integer limit;
    private Integer remaining;
    private Instant resetAt;
    private Integer dailyRemaining;
    private Instant reportedAt;

    /**
     * @param pacedPerSecond the rate Ponte spaces this account's calls to; null where it does not pace them
     * @param headers the vendor's rate-limit headers; null where its answers carry none Ponte knows of
     */
    public RateBudget(Integer pacedPerSecond, Headers headers, Clock clock) {
        this.pacedPerSecond = pacedPerSecond;
        this.headers = headers;
        this.clock = clock;
    }

    /** One answer of the vendor: its status, and its headers by (case-insensitive) name. */
    public synchronized void answered(int status, UnaryOperator<String> header) {
        Instant now = clock.instant();
        int slot = slot(now.getEpochSecond());
        calls[slot]++;
        if (status == 429) {
            throttled[slot]++;
            lastThrottledAt = now;
        }
        if (headers != null) {
            Integer reportedRemaining = number(header, headers.remaining());
            if (reportedRemaining != null) {
                remaining = reportedRemaining;
                limit = number(header, headers.limit());
                Integer reset = number(header, headers.reset());
                resetAt = reset == null ? null : headers.resetUnit().at(reset, now);
                reportedAt = now;
            }
            Integer daily = number(header, headers.dailyRemaining());
            if (daily != null) {
                dailyRemaining = daily;
                reportedAt = now;
            }
        }
    }

    public synchronized Usage usage() {
        long now = clock.instant().getEpochSecond();
        int callCount = 0;
        int throttledCount = 0;
        for (int i = 0; i < SECONDS; i++) {
            if (now - second[i] < SECONDS) {
                callCount += calls[i];
                throttledCount += throttled[i];
            }
        }
        return new Usage(pacedPerSecond, callCount, throttledCount, lastThrottledAt, limit, remaining, resetAt,
                dailyRemaining, reportedAt);
    }

    private int slot(long epochSecond) {
        int slot = (int) Math.floorMod(epochSecond, (long) SECONDS);
        if (second[slot] != epochSecond) {
            second[slot] = epochSecond;
            calls[slot] = 0;
            throttled[slot] = 0;
        }
        return slot;
    }

    private static Integer number(UnaryOperator<String> header, String name) {
        String value = name == null ? null : header.apply(name);
        if (value == null) {
            return null;
        }
        try {
            long parsed = Long.parseLong(value.trim());
            return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, parsed));
        } catch (NumberFormatException unreadable) {
            return null;
        }
    }

    /**
     * A vendor's rate-limit headers: the window's limit and what remains of it, when it resets, and a daily
     * allowance's remainder; any of them null where the vendor sends none.
     */
    public record Headers(String limit, String remaining, String reset, ResetUnit resetUnit, String dailyRemaining) {
    }

    /** How a vendor's reset header counts. */
    public enum ResetUnit {
        SECONDS_FROM_NOW, MILLIS_FROM_NOW, EPOCH_SECONDS;

        Instant at(long value, Instant now) {
            return switch (this) {
                case SECONDS_FROM_NOW -> now.plusSeconds(value);
                case MILLIS_FROM_NOW -> now.plus(Duration.ofMillis(value));
                case EPOCH_SECONDS -> Instant.ofEpochSecond(value);
            };
        }
    }

    /**
     * The budget as the API shows it. {@code vendor*} and {@code dailyRemaining}: as the vendor last reported them
     * ({@code reportedAt}), null where it reports none.
     */
    public record Usage(Integer pacedPerSecond, int callsLastMinute, int throttledLastMinute, Instant lastThrottledAt,
            Integer vendorLimit, Integer vendorRemaining, Instant vendorResetAt, Integer dailyRemaining,
            Instant reportedAt) {
    }
}
