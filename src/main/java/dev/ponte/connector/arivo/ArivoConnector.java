package dev.ponte.connector.arivo;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponte.connector.ConnectionAccess;
import dev.ponte.connector.Connector;
import dev.ponte.connector.DealSource;
import dev.ponte.connector.OAuth2Connect;
import dev.ponte.connector.Port;
import dev.ponte.connector.RateBudget;
import dev.ponte.connector.RequestPacer;
import dev.ponte.connector.WebhookInbound;
import dev.ponte.connector.WebhookSubscription;
import dev.ponte.connector.support.ConnectionClients;
import dev.ponte.connector.support.RestClients;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Arivo CRM as a source of deals. Credentials of a connection: {@code apiKey} (arivo.com.br/api_keys), and
 * {@code webhookSecret}, stored by subscribing, which Arivo's deliveries carry in their URL. One client and one pacer
 * per connection are kept, the client replaced when the key changes.
 */
@ApplicationScoped
public class ArivoConnector implements Connector {

    public static final String SYSTEM = "ARIVO";
    private static final Set<Class<?>> CAPABILITIES = Set.of(DealSource.class, WebhookInbound.class,
            WebhookSubscription.class);
    /** A worker waits this long for its slot; longer, and its job is postponed. */
    private static final Duration MAX_PACING_WAIT = Duration.ofSeconds(2);

    private final ArivoConfig config;
    private final ObjectMapper json;
    /** What remains and when it resets (epoch seconds), as the vendor's own node reads them [V]; no limit header. */
    static final RateBudget.Headers RATE_HEADERS = new RateBudget.Headers(null, "x-ratelimit-remaining",
            "x-ratelimit-reset", RateBudget.ResetUnit.EPOCH_SECONDS, null);
    private final ConnectionClients<Session> sessions;

    public ArivoConnector(ArivoConfig config, ObjectMapper json) {
        this.config = config;
        this.sessions = new ConnectionClients<>("Arivo", Session::api, config.requestsPerSecond(), RATE_HEADERS);
        this.json = json;
    }

    /** What one connection's ports share: the client and the pacer of its account. */
    record Session(ArivoApi api, RequestPacer pacer) {
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
        return "Arivo CRM";
    }

    @Override
    public List<CredentialField> credentialFields() {
        return List.of(new CredentialField(ArivoSourcePort.API_KEY,
                "An API key of the account (Arivo: arivo.com.br/api_keys); R16"));
    }

    @Override
    public Set<Class<?>> capabilities() {
        return CAPABILITIES;
    }

    /** Arivo is connected with a typed API key. */
    @Override
    public Optional<OAuth2Connect> oauth() {
        return Optional.empty();
    }

    @Override
    public Port open(ConnectionAccess connection) {
        String key = connection.credentials().get(ArivoSourcePort.API_KEY);
        Session session = sessions.get(connection.connectionId(), key, () -> new Session(build(key, sessions.budget(connection.connectionId())),
                new RequestPacer("Arivo", config.requestsPerSecond(), MAX_PACING_WAIT)));
        return new ArivoSourcePort(session, connection, json, config.pageSize());
    }

    private ArivoApi build(String key, RateBudget budget) {
        return RestClients.to(config.apiUrl(), config.timeout()).poolSize(config.maxConnections())
                .header("Authorization", () -> key == null ? null : "Token token=" + key).budget(budget)
                .build(ArivoApi.class);
    }

    @Override
    public Optional<RateBudget.Usage> usage(UUID connectionId) {
        return sessions.usage(connectionId);
    }

    @PreDestroy
    void closeAll() {
        sessions.closeAll();
    }
}
