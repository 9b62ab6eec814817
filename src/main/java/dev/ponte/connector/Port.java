package dev.ponte.connector;

import java.util.List;

/**
 * One connection's side, opened by its {@link Connector}. Besides this, it implements the capability interfaces its
 * connector declares; a flow reaches each through the connection directory by its interface.
 */
public interface Port {

    /**
     * Checks the credentials (R16). A problem — the vendor refuses them, or e.g. the token's user is not an admin — is a
     * field error naming the credential ({@code credentials.<name>}, or {@code credentials}); only a vendor that cannot
     * be reached throws.
     */
    List<RejectedFailure.FieldError> test();
}
