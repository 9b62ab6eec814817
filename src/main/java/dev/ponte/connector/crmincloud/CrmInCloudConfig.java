package dev.ponte.connector.crmincloud;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Where CRM in Cloud's API is and how long Ponte waits for it. */
@ConfigMapping(prefix = "ponte.vendors.crmincloud")
public interface CrmInCloudConfig {

    /** Base URL of the API, without {@code /api/v1}; the sandbox emulator in dev and tests. */
    @WithDefault("https://api.crmincloud.it")
    String apiUrl();

    /** Connect and read timeout of every call; a call that exceeds it is a transient failure. */
    @WithDefault("PT10S")
    Duration timeout();
}
