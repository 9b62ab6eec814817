package dev.ponte.connector;

import java.util.Map;
import java.util.UUID;

/**
 * What a connector may know of the connection it serves: its id, its decrypted credentials, and a way to store
 * rotated ones. Storing happens before the new credentials are used, so a crash never loses the only valid token
 * (R64).
 */
public interface ConnectionAccess {

    UUID connectionId();

    /** The decrypted credentials, as of when the port was opened or last stored through it. */
    Map<String, String> credentials();

    /**
     * The credentials as stored now: for a connector that must see what another process (another replica) stored
     * since, e.g. a token pair rotated meanwhile.
     */
    Map<String, String> reloadCredentials();

    /**
     * Stores these keys (encrypted at rest) in a transaction of its own, keeping every other stored key: the source
     * and the ledger of a connection share one credential map, and each side stores only its own keys.
     */
    void storeCredentials(Map<String, String> credentials);
}
