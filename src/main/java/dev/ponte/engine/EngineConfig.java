package dev.ponte.engine;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The job engine's settings. */
@ConfigMapping(prefix = "ponte.engine")
public interface EngineConfig {

    /** Whether this instance runs workers (an API-only replica can turn them off). */
    @WithDefault("true")
    boolean enabled();

    /**
     * Worker threads of this instance, at most. Jobs mostly wait for vendors' answers, so there are many more than
     * cores: a burst of 200 won deals at 100 ms per vendor call needs them all to overlap (measured: 64 workers make
     * it four waves). A thread is started when a job needs it and ends after {@link #workerIdle()} without work, so an
     * idle instance holds none.
     */
    @WithDefault("256")
    int workers();

    /** How long a worker thread waits for a job before it ends (a busy instance keeps its threads). */
    @WithDefault("PT1M")
    Duration workerIdle();

    /** How long to wait for new work when the queue is empty (enqueues in this JVM wake the engine at once). */
    @WithDefault("PT0.5S")
    Duration pollInterval();

    /** How long a claimed job is reserved for its worker; after that another instance may take it. */
    @WithDefault("PT2M")
    Duration leaseDuration();

    /** Attempts before a job that keeps failing goes DEAD. */
    @WithDefault("8")
    int maxAttempts();

    /** The first retry delay; each further attempt doubles it, with jitter. */
    @WithDefault("PT5S")
    Duration backoffBase();

    /** The longest retry delay. */
    @WithDefault("PT1H")
    Duration backoffMax();

    /** Jobs per second one connection may start when its systems document no lower limit. */
    @WithDefault("10")
    double defaultJobsPerSecond();

    /** This instance's name in leases; defaults to host name and a random suffix. */
    Optional<String> instanceId();
}
