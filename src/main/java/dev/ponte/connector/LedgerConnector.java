package dev.ponte.connector;

/**
 * A ledger vendor's connector, registered by {@link #system()} name (e.g. {@code CONTA_AZUL}); a duplicate or unknown
 * name fails at start-up or when a connection is opened.
 */
public interface LedgerConnector {

    String system();

    LedgerPort open(ConnectionAccess connection);
}
