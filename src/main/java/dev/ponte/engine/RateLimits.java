package dev.ponte.engine;

import java.util.UUID;

/** How many jobs per second a connection may start; provided by whoever knows the connection's vendors. */
public interface RateLimits {

    double jobsPerSecond(UUID connectionId);
}
