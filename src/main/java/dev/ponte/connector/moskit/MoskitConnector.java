package dev.ponte.connector.moskit;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponte.connector.ConnectionAccess;
import dev.ponte.connector.Connector;
import dev.ponte.connector.CustomFieldLabels;
import dev.ponte.connector.DealSource;
import dev.ponte.connector.OAuth2Connect;
import dev.ponte.connector.Port;
import dev.ponte.connector.RateBudget;
import dev.ponte.connector.RequestPacer;
import dev.ponte.connector.WebhookInbound;
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
 * Moskit CRM as a source of won deals (R1–R18). Credentials of a connection: {@code apikey} (Moskit: Marketplace ›
 * API pública do Moskit CRM) and {@code webhookSecret}, which the webhook URL a person pastes in Moskit's webhook
 * screen carries ({@code /hooks/{connection}?secret=…}): Moskit's webhooks are set up there, not by API, and unsigned.
 * One REST client, request pacer and reference data per connection are kept, replaced when the key changes.
 */
@ApplicationScoped
public class MoskitConnector implements Connector {

    public static final String SYSTEM = "MOSKIT";
    private static final Set<Class<?>> CAPABILITIES = Set.of(DealSource.class, WebhookInbound.class,
            CustomFieldLabels.class);
    /** A caller that would wait longer than this for its pacing slot is postponed to the job engine. */
    private static final Duration MAX_PACING_WAIT = Duration.ofSeconds(2);

    private final MoskitConfig config;
    private final ObjectMapper json;
    /**
     * The per-minute pair of the v2 rate-limit headers [C]; no reset: {@code ratelimit-reset} follows the per-second
     * window.
     */
    static final RateBudget.Headers RATE_HEADERS = new RateBudget.Headers("x-ratelimit-limit-minute",
            "x-ratelimit-remaining-minute", null, RateBudget.ResetUnit.SECONDS_FROM_NOW, null);
    private final ConnectionClients<Session> clients;

    public MoskitConnector(MoskitConfig config, ObjectMapper json) {
        this.config = config;
        this.clients = new ConnectionClients<>("Moskit", Session::api, config.requestsPerSecond(), RATE_HEADERS);
        this.json = json;
    }

    private record Session(MoskitApi api, RequestPacer pacer, MoskitReference reference) {
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
        return "Moskit CRM";
    }

    @Override
    public List<CredentialField> credentialFields() {
        return List.of(
                new CredentialField(MoskitSourcePort.API_KEY,
                        "The account's API key (Moskit: Marketplace › API pública do Moskit CRM); R16"),
                new CredentialField(MoskitSourcePort.WEBHOOK_SECRET, "A random secret of at least "
                        + MoskitSourcePort.MIN_SECRET_LENGTH + " characters; the webhook URL to paste in Moskit "
                        + "(Marketplace › Webhooks, event \"Edição no status de negócio\") is "
                        + "<Ponte>/hooks/<connection id>?secret=<this secret>", MoskitSourcePort.MIN_SECRET_LENGTH));
    }

    @Override
    public Set<Class<?>> capabilities() {
        return CAPABILITIES;
    }

    /** Moskit is connected with a typed API key. */
    @Override
    public Optional<OAuth2Connect> oauth() {
        return Optional.empty();
    }

    @Override
    public Port open(ConnectionAccess connection) {
        String key = connection.credentials().get(MoskitSourcePort.API_KEY);
        Session session = clients.get(connection.connectionId(), key, () -> new Session(
                build(key, clients.budget(connection.connectionId())),
                new RequestPacer("Moskit", config.requestsPerSecond(), MAX_PACING_WAIT),
                new MoskitReference(config.referenceDataTtl())));
        return new MoskitSourcePort(session.api(), session.pacer(), session.reference(), connection, json);
    }

    private MoskitApi build(String key, RateBudget budget) {
        return RestClients.to(config.apiUrl(), config.timeout()).poolSize(config.maxConnections())
                .header("apikey", () -> key).budget(budget).build(MoskitApi.class);
    }

    @Override
    public Optional<RateBudget.Usage> usage(UUID connectionId) {
        return clients.usage(connectionId);
    }

    @PreDestroy
    void closeAll() {
        clients.closeAll();
    }
}
