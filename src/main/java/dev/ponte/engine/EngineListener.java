package dev.ponte.engine;

import java.util.UUID;

/** Told when a job found its connection's credentials refused, after the engine paused the connection. */
public interface EngineListener {

    void credentialsRefused(UUID connectionId, String message);
}
