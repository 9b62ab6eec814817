package dev.ponte.api;

import dev.ponte.connection.Caller;
import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;

/** The authenticated caller of the current request. */
@RequestScoped
public class CallerContext {

    private Caller caller;

    void set(Caller caller) {
        this.caller = caller;
    }

    /** The tenant whose resources this request may touch; the admin key owns none. */
    UUID tenantId() {
        if (caller == null || caller.admin()) {
            throw new ForbiddenException();
        }
        return caller.tenantId();
    }

    void requireAdmin() {
        if (caller == null || !caller.admin()) {
            throw new ForbiddenException();
        }
    }

    boolean isAdmin() {
        return caller != null && caller.admin();
    }

    /** The caller may not do this (as opposed to: the thing does not exist). */
    static final class ForbiddenException extends RuntimeException {
        ForbiddenException() {
            super("forbidden", null, false, false);
        }
    }
}
