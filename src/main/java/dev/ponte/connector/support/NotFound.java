package dev.ponte.connector.support;

import dev.ponte.connector.RejectedFailure;

/**
 * A vendor's 404, raised by {@link VendorErrors} so a port can tell "gone" from "refused": {@link VendorCalls#find}
 * answers it as empty, {@link VendorCalls#call} throws {@link #rejection()} instead. It never leaves a connector.
 */
public final class NotFound extends RuntimeException {

    private final RejectedFailure rejection;

    public NotFound(RejectedFailure rejection) {
        super(rejection.getMessage(), null, false, false);
        this.rejection = rejection;
    }

    /** What the 404 is where the record had to exist. */
    public RejectedFailure rejection() {
        return rejection;
    }
}
