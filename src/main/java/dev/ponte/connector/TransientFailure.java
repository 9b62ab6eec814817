package dev.ponte.connector;

import java.time.Duration;
import java.util.Optional;

/** A failure worth retrying later (timeout, 5xx, 429); {@code retryAfter} is the vendor's own hint, if it gave one. */
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

    /** The vendor answered 429: over its rate limit. */
    public static TransientFailure rateLimited(Duration retryAfter) {
        return new TransientFailure("rate limited by the remote system", retryAfter, null);
    }
}
