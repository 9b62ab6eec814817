package dev.ponte.connector.crmincloud;

import dev.ponte.connector.ConnectionAccess;
import dev.ponte.connector.CompanySource;
import dev.ponte.connector.Connector;
import dev.ponte.connector.OAuth2Connect;
import dev.ponte.connector.Port;
import io.quarkus.logging.Log;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * CRM in Cloud as the CRM side of two-way customer sync, catalogue and quotes (R30–R37). Credentials of a connection:
 * {@code apiKey}, a CRM user's Web API key (Setup › Utenti › Web API Keys), exchanged for a bearer token that is
 * kept per connection and renewed a minute before it expires or when the API answers 401. The ports it opens are
 * {@link CompanySource}s.
 */
@ApplicationScoped
public class CrmInCloudConnector implements Connector {

    public static final String SYSTEM = "CRM_IN_CLOUD";
    private static final Set<Class<?>> CAPABILITIES = Set.of(CompanySource.class);

    private final CrmInCloudConfig config;
    private final Clock clock;
    private final Map<UUID, Client> clients = new ConcurrentHashMap<>();

    public CrmInCloudConnector(CrmInCloudConfig config, Instance<Clock> clock) {
        this.config = config;
        this.clock = clock.isResolvable() ? clock.get() : Clock.systemUTC();
    }

    /** One connection's REST client and its current bearer token. */
    static final class Client {

        final String apiKey;
        final CrmInCloudApi api;
        volatile String token;
        volatile Instant renewAt = Instant.MIN;

        Client(String apiKey, CrmInCloudApi api) {
            this.apiKey = apiKey;
            this.api = api;
        }
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
        return "CRM in Cloud";
    }

    @Override
    public List<CredentialField> credentialFields() {
        return List.of(new CredentialField(CrmInCloudSourcePort.API_KEY,
                "A CRM user's Web API key (Setup › Utenti › Web API Keys)"));
    }

    /** No deals and no webhooks that Ponte could find (package-info): companies, catalogue and quotes, polled. */
    @Override
    public Set<Class<?>> capabilities() {
        return CAPABILITIES;
    }

    @Override
    public Optional<OAuth2Connect> oauth() {
        return Optional.empty();
    }

    @Override
    public Port open(ConnectionAccess connection) {
        String apiKey = connection.credentials().get(CrmInCloudSourcePort.API_KEY);
        Client client = clients.compute(connection.connectionId(), (id, old) -> {
            if (old != null && Objects.equals(old.apiKey, apiKey)) {
                return old;
            }
            if (old != null) {
                close(old);
            }
            return build(apiKey);
        });
        return new CrmInCloudSourcePort(client, clock);
    }

    private Client build(String apiKey) {
        long timeout = config.timeout().toMillis();
        BearerHeader header = new BearerHeader();
        Client client = new Client(apiKey, QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(config.apiUrl()))
                .connectTimeout(timeout, TimeUnit.MILLISECONDS)
                .readTimeout(timeout, TimeUnit.MILLISECONDS)
                .register(header)
                .build(CrmInCloudApi.class));
        header.client = client;
        return client;
    }

    @PreDestroy
    void closeAll() {
        clients.values().forEach(CrmInCloudConnector::close);
        clients.clear();
    }

    private static void close(Client client) {
        try {
            client.api.close();
        } catch (IOException | RuntimeException e) {
            Log.debugf("closing a CRM in Cloud client failed: %s", e.getMessage());
        }
    }

    /** Adds the connection's current token, when it has one (the login call goes without). */
    private static final class BearerHeader implements ClientRequestFilter {

        private Client client;

        @Override
        public void filter(ClientRequestContext request) {
            String token = client == null ? null : client.token;
            if (token != null) {
                request.getHeaders().putSingle("Authorization", "Bearer " + token);
            }
        }
    }
}
