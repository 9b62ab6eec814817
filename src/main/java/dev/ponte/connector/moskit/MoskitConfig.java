package dev.ponte.connector.moskit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Where Moskit's API is, how fast Ponte may call it and how long it waits for it. */
@ConfigMapping(prefix = "ponte.vendors.moskit")
public interface MoskitConfig {

    /**
     * Base URL of API v2, including {@code /v2}; the sandbox emulator in dev and tests. The same API also answers at
     * {@code https://api.ms.prod.ollow.services/v2} (community code), hence configurable.
     */
    @WithDefault("https://api.moskitcrm.com/v2")
    String apiUrl();

    /** Connect and read timeout of every call; a call that exceeds it is a transient failure. */
    @WithDefault("PT10S")
    Duration timeout();

    /**
     * Calls per second per connection. v1 documents 5/s; v2 was observed at about 6/s and 240/min (community), so 4/s
     * (240/min) stays under both: this is the one place that guesses Moskit's limit.
     */
    @WithDefault("4")
    int requestsPerSecond();

    /**
     * How long a connection's stages, custom field definitions and products read from Moskit are reused by later
     * deals: a product renamed in Moskit reaches the ledger after at most this long.
     */
    @WithDefault("PT1M")
    Duration referenceDataTtl();

    /** Open HTTP connections per connection; calls are paced, so a few suffice. */
    @WithDefault("10")
    int maxConnections();
}
