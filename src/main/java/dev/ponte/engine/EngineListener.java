package dev.ponte.engine;

import java.util.UUID;

/** Told when a job found its connection's credentials refused, after the engine paused the connection. */
public interface EngineListener {

    void credentialsRefused(UUID connectionId, String message);

    /**
     * Jobs of a connection whose personal data was forgotten ({@link JobService#FORGOTTEN}) finished after it: they
     * were running when it was forgotten, and what they wrote since (their history lines, among others) holds it again.
     */
    default void ranWhileForgotten(UUID connectionId) {
    }
}
