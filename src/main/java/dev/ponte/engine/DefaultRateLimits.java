package dev.ponte.engine;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** The configured default budget, used until a connection's vendors say otherwise. */
@ApplicationScoped
@DefaultBean
public class DefaultRateLimits implements RateLimits {

    private final EngineConfig config;

    DefaultRateLimits(EngineConfig config) {
        this.config = config;
    }

    @Override
    public double jobsPerSecond(UUID connectionId) {
        return config.defaultJobsPerSecond();
    }
}
