package dev.ponte.connection;

/** A connection's switch: new, on, off, or waiting for a person to reconnect its credentials. */
public enum ConnectionStatus {
    DRAFT, ACTIVE, DISABLED, NEEDS_RECONNECT
}
