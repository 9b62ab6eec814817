package dev.ponte.connector;

/**
 * A failure a connector reports in Ponte's terms, so flows and the job engine never see vendor HTTP errors.
 * The subclass tells the engine what to do: retry later, pause the connection, or give up and keep the error.
 */
public abstract sealed class SyncFailure extends RuntimeException
        permits TransientFailure, CredentialsFailure, RejectedFailure, ReviewNeeded {

    protected SyncFailure(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
