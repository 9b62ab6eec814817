package dev.ponte.connector.pipedrive;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponte.connector.ConnectionAccess;
import dev.ponte.connector.Connector;
import dev.ponte.connector.DealFields;
import dev.ponte.connector.DealSource;
import dev.ponte.connector.OAuth2Connect;
import dev.ponte.connector.Port;
import dev.ponte.connector.WebhookInbound;
import dev.ponte.connector.WebhookSubscription;
import io.quarkus.logging.Log;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jboss.resteasy.reactive.client.api.QuarkusRestClientProperties;

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
    private final Map<UUID, Client> clients = new ConcurrentHashMap<>();

    public PipedriveConnector(PipedriveConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    private record Client(String token, PipedriveApi api, ReferenceData reference) {
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
        Client client = clients.compute(connection.connectionId(), (id, old) -> {
            if (old != null && Objects.equals(old.token(), token)) {
                return old;
            }
            if (old != null) {
                close(old);
            }
            return new Client(token, build(token), new ReferenceData(config.referenceDataTtl()));
        });
        return new PipedriveSourcePort(client.api(), client.reference(), connection, json);
    }

    private PipedriveApi build(String token) {
        long timeout = config.timeout().toMillis();
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(config.apiUrl()))
                .connectTimeout(timeout, TimeUnit.MILLISECONDS)
                .readTimeout(timeout, TimeUnit.MILLISECONDS)
                .property(QuarkusRestClientProperties.CONNECTION_POOL_SIZE, config.maxConnections())
                .register(new TokenHeader(token))
                .build(PipedriveApi.class);
    }

    @PreDestroy
    void closeAll() {
        clients.values().forEach(PipedriveConnector::close);
        clients.clear();
    }

    private static void close(Client client) {
        try {
            client.api().close();
        } catch (IOException | RuntimeException e) {
            Log.debugf("closing a Pipedrive client failed: %s", e.getMessage());
        }
    }

    /** The header form of the token keeps it out of URLs and access logs (the query-parameter form would not). */
    private static final class TokenHeader implements ClientRequestFilter {

        private final String token;

        TokenHeader(String token) {
            this.token = token;
        }

        @Override
        public void filter(ClientRequestContext request) {
            if (token != null) {
                request.getHeaders().putSingle("x-api-token", token);
            }
        }
    }
}
