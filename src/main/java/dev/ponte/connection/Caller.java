package dev.ponte.connection;

import java.util.UUID;

/** Who is calling: the installation's admin, or one tenant. */
public record Caller(UUID tenantId, boolean admin) {

    public static final Caller ADMIN = new Caller(null, true);

    public static Caller tenant(UUID tenantId) {
        return new Caller(tenantId, false);
    }
}
