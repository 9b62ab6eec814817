package dev.ponte.connector;

/** The remote system refused the connection's credentials (401, revoked token): a person must reconnect. */
public final class CredentialsFailure extends SyncFailure {

    public CredentialsFailure(String message) {
        super(message, null);
    }
}
