package dev.ponte.connector.nuvemshop;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponte.connector.AppWebhooks;
import dev.ponte.connector.ConnectionAccess;
import dev.ponte.connector.Connector;
import dev.ponte.connector.CredentialsFailure;
import dev.ponte.connector.OAuth2Connect;
import dev.ponte.connector.OrderSource;
import dev.ponte.connector.Port;
import dev.ponte.connector.RateBudget;
import dev.ponte.connector.RejectedFailure;
import dev.ponte.connector.RequestPacer;
import dev.ponte.connector.WebhookInbound;
import dev.ponte.connector.WebhookSubscription;
import dev.ponte.connector.nuvemshop.NuvemshopDto.TokenRequest;
import dev.ponte.connector.nuvemshop.NuvemshopDto.TokenResponse;
import dev.ponte.connector.support.ConnectionClients;
import dev.ponte.connector.support.RestClients;
import dev.ponte.connector.support.VendorCalls;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriBuilder;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Nuvemshop as a source of paid orders, connected by installing Ponte's app in the store (OAuth2 authorization code,
 * through the same connect endpoints as a ledger, {@code side=source}). Credentials of a connection, all obtained by
 * the install: {@value NuvemshopSourcePort#ACCESS_TOKEN} (never expires; invalid once the app is uninstalled or
 * installed again), {@value NuvemshopSourcePort#STORE_ID} (the exchange's {@code user_id}) and the granted scope. One
 * client and one pacer per connection, the client replaced when the token changes.
 */
@ApplicationScoped
public class NuvemshopConnector implements Connector, OAuth2Connect, AppWebhooks {

    public static final String SYSTEM = "NUVEMSHOP";
    private static final Set<Class<?>> CAPABILITIES = Set.of(OrderSource.class, WebhookInbound.class,
            WebhookSubscription.class);
    /** A worker waits this long for its slot; longer, and its job is postponed. */
    private static final Duration MAX_PACING_WAIT = Duration.ofSeconds(2);
    private static final VendorCalls CALLS = new VendorCalls(NuvemshopFailures.ERRORS);

    private final NuvemshopConfig config;
    private final ObjectMapper json;
    /** The leaky bucket's size, what remains, and milliseconds until it is empty [V README]. */
    static final RateBudget.Headers RATE_HEADERS = new RateBudget.Headers("x-rate-limit-limit",
            "x-rate-limit-remaining", "x-rate-limit-reset", RateBudget.ResetUnit.MILLIS_FROM_NOW, null);
    private final ConnectionClients<Session> sessions;
    private final NuvemshopAuthApi auth;

    public NuvemshopConnector(NuvemshopConfig config, ObjectMapper json) {
        this.config = config;
        this.sessions = new ConnectionClients<>("Nuvemshop", Session::api, config.requestsPerSecond(), RATE_HEADERS);
        this.json = json;
        this.auth = RestClients.to(config.authUrl(), config.timeout())
                .header("User-Agent", config::userAgent).build(NuvemshopAuthApi.class);
    }

    /** What one connection's ports share: the client and the pacer of its store. */
    record Session(NuvemshopApi api, RequestPacer pacer) {
    }

    @Override
    public String system() {
        return SYSTEM;
    }

    @Override
    public Side side() {
        return Side.SOURCE;
    }

    @Override
    public String label() {
        return "Nuvemshop";
    }

    /** Nothing typed: the install gives every credential. */
    @Override
    public List<CredentialField> credentialFields() {
        return List.of();
    }

    @Override
    public Set<Class<?>> capabilities() {
        return CAPABILITIES;
    }

    @Override
    public Optional<OAuth2Connect> oauth() {
        return Optional.of(this);
    }

    /**
     * The store's authorize page for Ponte's app. Nuvemshop takes no redirect URI here: the app's is set in the
     * Partner admin, and must be Ponte's {@code /oauth/callback}.
     */
    @Override
    public URI authorizeUrl(String state, String redirectUri) {
        return UriBuilder.fromUri(config.authUrl()).path("apps").path(appId()).path("authorize")
                .queryParam("state", state).build();
    }

    /** Exchanges the code (valid seconds, single use) for the store's token; a refused code is a field error. */
    @Override
    public Map<String, String> exchangeCode(String code, String redirectUri) {
        String secret = config.clientSecret().orElseThrow(() -> new CredentialsFailure(
                "Ponte has no Nuvemshop app secret configured (ponte.vendors.nuvemshop.client-secret)"));
        TokenResponse token;
        try {
            token = CALLS.call(() -> auth.token(new TokenRequest(appId(), secret, "authorization_code", code)));
        } catch (RejectedFailure refused) {
            throw new RejectedFailure("Nuvemshop refused the install's code: install the app again",
                    List.of(new RejectedFailure.FieldError("code", refused.getMessage())));
        }
        String store = token == null ? null : token.userId() != null ? token.userId() : token.storeId();
        if (token.accessToken() == null || store == null || !NuvemshopSourcePort.validId(store)) {
            throw new RejectedFailure("Nuvemshop's token answer has no token or store id",
                    List.of(new RejectedFailure.FieldError("code", "no access_token or user_id in the answer")));
        }
        return Map.of(NuvemshopSourcePort.ACCESS_TOKEN, token.accessToken(), NuvemshopSourcePort.STORE_ID, store,
                NuvemshopSourcePort.SCOPE, token.scope() == null ? "" : token.scope());
    }

    private String appId() {
        return config.appId().orElseThrow(() -> new CredentialsFailure(
                "Ponte has no Nuvemshop app id configured (ponte.vendors.nuvemshop.app-id)"));
    }

    /** The privacy webhooks, set in the app's settings for every store, are signed with the app's secret too. */
    @Override
    public void verifyAppDelivery(WebhookInbound.Delivery delivery) {
        NuvemshopSignature.verify(config.clientSecret().map(s -> s.getBytes(StandardCharsets.UTF_8)).orElse(null),
                delivery);
    }

    @Override
    public Port open(ConnectionAccess connection) {
        String token = connection.credentials().get(NuvemshopSourcePort.ACCESS_TOKEN);
        Session session = sessions.get(connection.connectionId(), token, () -> new Session(build(token, sessions.budget(connection.connectionId())),
                new RequestPacer("Nuvemshop", config.requestsPerSecond(), MAX_PACING_WAIT)));
        return new NuvemshopSourcePort(session, connection, json, config.clientSecret().orElse(null),
                Math.min(200, Math.max(1, config.pageSize())));
    }

    /** {@code Authentication: bearer <token>}: the header is named so, lower-case {@code bearer} [V README]. */
    private NuvemshopApi build(String token, RateBudget budget) {
        return RestClients.to(config.apiUrl(), config.timeout()).poolSize(config.maxConnections())
                .header("Authentication", () -> token == null ? null : "bearer " + token)
                .header("User-Agent", config::userAgent).budget(budget).build(NuvemshopApi.class);
    }

    @Override
    public Optional<RateBudget.Usage> usage(UUID connectionId) {
        return sessions.usage(connectionId);
    }

    @PreDestroy
    void closeAll() {
        sessions.closeAll();
        try {
            auth.close();
        } catch (IOException e) {
            // The pool is gone either way.
        }
    }
}
