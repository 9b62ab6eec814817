package dev.ponte.connector.support;

import dev.ponte.connector.TransientFailure;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Waits out, in the connector, a failure whose retry hint is short (a 429's {@code Retry-After} of a few seconds), up
 * to a few times; a failure with a longer hint, or none, or one more after the last retry, is thrown at once for the
 * job engine to retry over minutes (STYLE habit 2: seconds here, minutes there, never both for one failure). Meant
 * for answers the vendor did not process (a 429), so even a create is safe to repeat; a {@link VendorErrors} gives a
 * 5xx no hint by default, so {@link #run} never repeats it. {@link #read} is for idempotent requests only (a GET):
 * there a vendor's answer with no hint (a 5xx) is also repeated after a short pause, since reading again cannot
 * change anything at the vendor; a create must never go through it. A timeout is still left to the engine, so a slow
 * vendor does not hold the worker for several timeouts.
 */
public final class ShortRetry {

    private final int retries;
    private final Duration maxWait;

    public ShortRetry(int retries, Duration maxWait) {
        this.retries = retries;
        this.maxWait = maxWait;
    }

    public <T> T run(Supplier<T> request) {
        return run(request, null);
    }

    /**
     * An idempotent request (a GET): as {@link #run}, and an answer with no hint (a 5xx, not a timeout) is repeated,
     * after {@code pause} times the attempt, so one bad answer among many reads does not cost the job an attempt.
     */
    public <T> T read(Supplier<T> request, Duration pause) {
        return run(request, pause);
    }

    private <T> T run(Supplier<T> request, Duration pauseWithoutHint) {
        for (int attempt = 1; ; attempt++) {
            try {
                return request.get();
            } catch (TransientFailure e) {
                boolean answered = e.getCause() == null;
                Duration wait = e.retryAfter().orElse(pauseWithoutHint == null || !answered ? null
                        : pauseWithoutHint.multipliedBy(attempt));
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
