package dev.ponte.connector;

/** A source vendor's connector, registered by {@link #system()} name (e.g. {@code PIPEDRIVE}). */
public interface SourceConnector {

    String system();

    SourcePort open(ConnectionAccess connection);
}
