package dev.ponte.connector.support;

import dev.ponte.connector.TransientFailure;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Waits out, in the connector, a failure whose retry hint is short (a 429's {@code Retry-After} of a few seconds), up
 * to a few times; a failure with a longer hint, or none, or one more after the last retry, is thrown at once for the
 * job engine to retry over minutes (STYLE habit 2: seconds here, minutes there, never both for one failure). Meant
 * for answers the vendor did not process (a 429), so even a create is safe to repeat; a {@link VendorErrors} gives a
 * 5xx no hint by default, so it is never repeated here.
 */
public final class ShortRetry {

    private final int retries;
    private final Duration maxWait;

    public ShortRetry(int retries, Duration maxWait) {
        this.retries = retries;
        this.maxWait = maxWait;
    }

    public <T> T run(Supplier<T> request) {
        for (int attempt = 1; ; attempt++) {
            try {
                return request.get();
            } catch (TransientFailure e) {
                Duration wait = e.retryAfter().orElse(null);
                if (wait == null || attempt > retries || wait.compareTo(maxWait) > 0) {
                    throw e;
                }
                sleep(wait);
            }
        }
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientFailure("interrupted while waiting out a 429", wait, e);
        }
    }
}
