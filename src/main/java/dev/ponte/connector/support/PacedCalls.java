package dev.ponte.connector.support;

import dev.ponte.connector.RequestPacer;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a source port's every request is: paced to the account's budget ({@link RequestPacer}), a short 429 waited out
 * in place ({@link ShortRetry}, up to 3 times within 2 s each), and the vendor's answers turned into failures
 * ({@link VendorCalls}): {@link #call} where the record must exist, {@link #find} where absence is an answer.
 */
public final class PacedCalls {

    private static final ShortRetry SHORT_RETRY = new ShortRetry(3, Duration.ofSeconds(2));

    private final VendorCalls calls;

    public PacedCalls(VendorErrors errors) {
        this.calls = new VendorCalls(errors);
    }

    /** One paced call; a 404 is the vendor's rejection. */
    public <T> T call(RequestPacer pacer, Supplier<T> request) {
        return SHORT_RETRY.run(() -> {
            pacer.acquire();
            return calls.call(request);
        });
    }

    /** One paced call whose 404 means "no such record". */
    public <T> Optional<T> find(RequestPacer pacer, Supplier<T> request) {
        return SHORT_RETRY.run(() -> {
            pacer.acquire();
            return calls.find(request);
        });
    }
}
