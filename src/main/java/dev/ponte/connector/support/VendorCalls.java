package dev.ponte.connector.support;

import dev.ponte.connector.SyncFailure;
import dev.ponte.connector.TransientFailure;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How a port calls its vendor's REST client, so that what leaves it is a {@link SyncFailure}: {@link #call} where the
 * record must exist (a 404 is a rejection), {@link #find} where absence is an answer (a 404 is empty).
 */
public final class VendorCalls {

    private final VendorErrors errors;

    public VendorCalls(VendorErrors errors) {
        this.errors = errors;
    }

    /** One call; a 404 is the vendor's rejection (see {@link #find} where absence is an answer). */
    public <T> T call(Supplier<T> request) {
        try {
            return unwrapped(request);
        } catch (NotFound e) {
            throw e.rejection();
        }
    }

    /** One call whose 404 means "no such record": empty, as is a call that answers nothing. */
    public <T> Optional<T> find(Supplier<T> request) {
        try {
            return Optional.ofNullable(unwrapped(request));
        } catch (NotFound e) {
            return Optional.empty();
        }
    }

    /**
     * One call, 404 left as {@link NotFound}. Timeouts, resets and unreadable bodies arrive as
     * {@link ProcessingException} and are worth retrying; the mapper's own failures may come wrapped in one and pass
     * through; a status the mapper left alone, should one slip through, is mapped here.
     */
    public <T> T unwrapped(Supplier<T> request) {
        try {
            return request.get();
        } catch (ProcessingException e) {
            if (e.getCause() instanceof SyncFailure failure) {
                throw failure;
            }
            if (e.getCause() instanceof NotFound notFound) {
                throw notFound;
            }
            throw new TransientFailure("no usable answer from " + errors.vendor()
                    + " (timeout, connection lost or unreadable body): " + e.getMessage(), null, e);
        } catch (WebApplicationException e) {
            throw errors.toFailure(e.getResponse());
        }
    }
}
