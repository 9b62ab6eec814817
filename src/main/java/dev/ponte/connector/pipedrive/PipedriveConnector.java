package dev.ponte.connector.pipedrive;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponte.connector.ConnectionAccess;
import dev.ponte.connector.Connector;
import dev.ponte.connector.DealFields;
import dev.ponte.connector.DealSource;
import dev.ponte.connector.OAuth2Connect;
import dev.ponte.connector.Port;
import dev.ponte.connector.RateBudget;
import dev.ponte.connector.WebhookInbound;
import dev.ponte.connector.WebhookSubscription;
import dev.ponte.connector.support.ConnectionClients;
import dev.ponte.connector.support.RestClients;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Pipedrive as a source of deals (R1–R19). Credentials of a connection: {@code apiToken} (an admin user's API
 * token, R16), and {@code webhookUser}/{@code webhookPassword}, the basic auth Pipedrive's deliveries must carry.
 * One REST client per connection is kept and replaced when the token changes, so opening a port per job is cheap; so
 * is its {@link ReferenceData}.
 */
@ApplicationScoped
public class PipedriveConnector implements Connector {

    public static final String SYSTEM = "PIPEDRIVE";
    private static final Set<Class<?>> CAPABILITIES = Set.of(DealSource.class, DealFields.class,
            WebhookInbound.class, WebhookSubscription.class);

    private final PipedriveConfig config;
    private final ObjectMapper json;
    /** x-ratelimit-* of the 2-second burst window (reset in seconds) and the company's daily allowance [V README]. */
    static final RateBudget.Headers RATE_HEADERS = new RateBudget.Headers("x-ratelimit-limit",
            "x-ratelimit-remaining", "x-ratelimit-reset", RateBudget.ResetUnit.SECONDS_FROM_NOW, "x-daily-requests-left");
    /** Not paced ahead of a 429 (package-info). */
    private final ConnectionClients<Client> clients = new ConnectionClients<>("Pipedrive", Client::api, null,
            RATE_HEADERS);

    public PipedriveConnector(PipedriveConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    private record Client(PipedriveApi api, ReferenceData reference) {
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
        return "Pipedrive";
    }

    @Override
    public List<CredentialField> credentialFields() {
        return List.of(new CredentialField(PipedriveSourcePort.API_TOKEN,
                "An admin user's API token (Pipedrive: Personal preferences › API); R16"));
    }

    @Override
    public Set<Class<?>> capabilities() {
        return CAPABILITIES;
    }

    /** Pipedrive is connected with a typed API token. */
    @Override
    public Optional<OAuth2Connect> oauth() {
        return Optional.empty();
    }

    @Override
    public Port open(ConnectionAccess connection) {
        String token = connection.credentials().get(PipedriveSourcePort.API_TOKEN);
        Client client = clients.get(connection.connectionId(), token, () -> new Client(
                build(token, clients.budget(connection.connectionId())), new ReferenceData(config.referenceDataTtl())));
        return new PipedriveSourcePort(client.api(), client.reference(), connection, json);
    }

    /** The header form of the token keeps it out of URLs and access logs (the query-parameter form would not). */
    private PipedriveApi build(String token, RateBudget budget) {
        return RestClients.to(config.apiUrl(), config.timeout()).poolSize(config.maxConnections())
                .header("x-api-token", () -> token).budget(budget).build(PipedriveApi.class);
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
