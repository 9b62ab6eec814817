package dev.ponte.connector.reviso;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Where and how Ponte reaches Reviso's REST API (Contabilità in Cloud). */
@ConfigMapping(prefix = "ponte.vendors.reviso")
public interface RevisoConfig {

    /** Base URL of the REST API (env {@code PONTE_VENDORS_REVISO_API_URL}); paths such as {@code /customers}. */
    @WithDefault("https://rest.reviso.com")
    String apiUrl();

    /**
     * Ponte's own app secret token, used when a connection's credentials hold none (env
     * {@code PONTE_VENDORS_REVISO_APP_SECRET_TOKEN}); each connection brings its agreement grant token.
     */
    Optional<String> appSecretToken();

    /** Connect and read timeout of every call. */
    @WithDefault("PT10S")
    Duration timeout();

    /**
     * Client-side limit per agreement. Reviso publishes no rate limit (research-notes §3): 5 requests/s is a polite
     * guess, kept here only; 429 answers are honoured whatever this says.
     */
    @WithDefault("5")
    int requestsPerSecond();
}
