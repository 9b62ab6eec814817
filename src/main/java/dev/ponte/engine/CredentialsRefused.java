package dev.ponte.engine;

import java.util.UUID;

/** CDI event: a job found its connection's credentials refused; the engine has paused the connection's jobs. */
public record CredentialsRefused(UUID connectionId, String message) {
}
