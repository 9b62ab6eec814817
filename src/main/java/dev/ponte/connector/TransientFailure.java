package dev.ponte.connector;

import java.time.Duration;
import java.util.Optional;

/**
 * A failure worth retrying later (timeout, 5xx); {@code retryAfter} is the vendor's own hint, if it gave one. Its
 * subclass {@link Postponed} is a wait rather than a failure (a 429, a busy pacer, a claim held by another job).
 */
public non-sealed class TransientFailure extends SyncFailure {

    private final Duration retryAfter;

    public TransientFailure(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    public TransientFailure(String message) {
        this(message, null, null);
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * A {@code Retry-After} header in delta-seconds, or null when absent or unreadable; the HTTP-date form is ignored
     * (no vendor Ponte speaks to is known to send it).
     */
    public static Duration parseRetryAfter(String header) {
        String value = header == null ? "" : header.strip();
        return value.matches("\\d{1,9}") ? Duration.ofSeconds(Long.parseLong(value)) : null;
    }

    /**
     * The vendor answered 429: over its rate budget, so the request was not processed. Waiting for a budget is not a
     * failure of the job: a {@link Postponed}.
     */
    public static Postponed rateLimited(Duration retryAfter) {
        return new Postponed("rate limited by the remote system", retryAfter);
    }
}
