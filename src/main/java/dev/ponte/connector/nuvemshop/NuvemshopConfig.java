package dev.ponte.connector.nuvemshop;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Where Nuvemshop's API and app install are, Ponte's app there, and how fast Ponte calls a store. */
@ConfigMapping(prefix = "ponte.vendors.nuvemshop")
public interface NuvemshopConfig {

    /**
     * Base URL of the store API, {@code /{store_id}/…} under it. The host and version segment are configuration
     * (wave2-contracts §2: {@code v1} has stable support, dated versions such as {@code 2025-03} are newer).
     */
    @WithDefault("https://api.nuvemshop.com.br/v1")
    String apiUrl();

    /** Where the merchant installs the app ({@code /apps/{app_id}/authorize}) and Ponte exchanges the code. */
    @WithDefault("https://www.nuvemshop.com.br")
    String authUrl();

    /** Ponte's app id in the Nuvemshop Partner admin; no install without it. */
    Optional<String> appId();

    /** The app's secret: the OAuth client secret, and the key of every webhook's HMAC. Only from the environment. */
    Optional<String> clientSecret();

    /** The API refuses calls without a User-Agent naming the app and a contact (400). */
    @WithDefault("Ponte (integracoes@ponte.dev)")
    String userAgent();

    /** Connect and read timeout of every call; a call that exceeds it is a transient failure. */
    @WithDefault("PT10S")
    Duration timeout();

    /**
     * Calls per second to one store: its leaky bucket holds 40 and drains at 2/s per store and app (×10 on the top
     * plans); pacing at the drain rate never fills it.
     */
    @WithDefault("2")
    int requestsPerSecond();

    /** Page size of order listings ({@code per_page}, at most 200). */
    @WithDefault("50")
    int pageSize();

    /** Open HTTP connections per connection. */
    @WithDefault("10")
    int maxConnections();
}
