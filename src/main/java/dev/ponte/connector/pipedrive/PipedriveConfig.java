package dev.ponte.connector.pipedrive;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Where Pipedrive's API is and how long Ponte waits for it. */
@ConfigMapping(prefix = "ponte.vendors.pipedrive")
public interface PipedriveConfig {

    /** Base URL of the API, without {@code /v1} or {@code /api/v2}; the sandbox emulator in dev and tests. */
    @WithDefault("https://api.pipedrive.com")
    String apiUrl();

    /** Connect and read timeout of every call; a call that exceeds it is a transient failure. */
    @WithDefault("PT10S")
    Duration timeout();

    /**
     * How long a connection's products and deal field definitions read from Pipedrive are reused by later deals: a
     * product renamed or recoded in Pipedrive reaches the ledger after at most this long.
     */
    @WithDefault("PT1M")
    Duration referenceDataTtl();

    /**
     * Open HTTP connections per connection, opened as needed: enough for every worker of the job engine (256 by
     * default) to call at once.
     */
    @WithDefault("256")
    int maxConnections();
}
