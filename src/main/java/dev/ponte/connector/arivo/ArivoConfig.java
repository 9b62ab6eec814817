package dev.ponte.connector.arivo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Where Arivo's API is, how long Ponte waits for it and how fast it calls it. */
@ConfigMapping(prefix = "ponte.vendors.arivo")
public interface ArivoConfig {

    /** Base URL of API v2 ({@code /deals}, {@code /contacts}, … are under it); the sandbox emulator in dev and tests. */
    @WithDefault("https://arivo.com.br/api/v2")
    String apiUrl();

    /** Connect and read timeout of every call; a call that exceeds it is a transient failure. */
    @WithDefault("PT10S")
    Duration timeout();

    /**
     * Client-side limit per connected account. Arivo answers 429 with rate-limit headers but publishes no numbers
     * (wave2-contracts §3): 3/s is a conservative guess, kept here and nowhere else.
     */
    @WithDefault("3")
    int requestsPerSecond();

    /** Page size of deal listings ({@code per_page}); the vendor's fixture shows 50. */
    @WithDefault("50")
    int pageSize();

    /** Open HTTP connections per connection: enough for every worker of the job engine to call at once. */
    @WithDefault("20")
    int maxConnections();
}
