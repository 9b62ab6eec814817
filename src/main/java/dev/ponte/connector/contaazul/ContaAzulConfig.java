package dev.ponte.connector.contaazul;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Where and how Ponte reaches Conta Azul's API and its OAuth2 server. */
@ConfigMapping(prefix = "ponte.vendors.contaazul")
public interface ContaAzulConfig {

    /** Base URL of the current API ("Nova API"); paths under {@code /v1/…}. */
    @WithDefault("https://api-v2.contaazul.com")
    String apiUrl();

    /** Base URL of the OAuth2 server; {@code /oauth2/authorize} and {@code /oauth2/token} live under it. */
    @WithDefault("https://auth.contaazul.com")
    String authUrl();

    /**
     * The OAuth2 client id of Ponte's Conta Azul application (developer portal; env
     * {@code PONTE_VENDORS_CONTAAZUL_CLIENT_ID}). No default; an installation without Conta Azul connections needs
     * none, so a missing id fails the first connect, with this key named, not the start.
     */
    Optional<String> clientId();

    /** The OAuth2 client secret; only from the environment ({@code PONTE_VENDORS_CONTAAZUL_CLIENT_SECRET}). */
    Optional<String> clientSecret();

    /** The callback registered with the application, used when a caller gives none. */
    Optional<String> redirectUri();

    /** Connect and read timeout of every call. */
    @WithDefault("PT10S")
    Duration timeout();

    /** Client-side limit per connected account: the documented 10 requests/s (docs /minimumrequirements). */
    @WithDefault("10")
    int requestsPerSecond();

    /**
     * Open HTTP connections per connected account, opened as needed: enough for every worker of the job engine (256 by
     * default) to call at once.
     */
    @WithDefault("256")
    int maxConnections();

    /**
     * Which generation of the receivable/payable create Ponte speaks (shared/vendor-apis/wave2-contracts.md §4.1):
     * {@code SYNCHRONOUS} (the default: the protocol API was discontinued on 18/10/2026, the create answers 201 with
     * the account) or {@code PROTOCOL} (the older 202 with a protocol). See {@code ContaAzulFinancial}.
     */
    @WithDefault("SYNCHRONOUS")
    FinancialCreate financialCreate();

    /** The generations of Conta Azul's financial create. */
    enum FinancialCreate {
        /** (B): 201 with the created account's {@code id}, 400 with the field errors. */
        SYNCHRONOUS,
        /** (A): 202 with a protocol; the account appears later. */
        PROTOCOL
    }
}
