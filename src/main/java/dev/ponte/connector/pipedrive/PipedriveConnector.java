package dev.ponte.connector.pipedrive;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponte.connector.ConnectionAccess;
import dev.ponte.connector.SourceConnector;
import dev.ponte.connector.SourcePort;
import io.quarkus.logging.Log;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
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
public class PipedriveConnector implements SourceConnector {

    public static final String SYSTEM = "PIPEDRIVE";

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
    public SourcePort open(ConnectionAccess connection) {
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
