package dev.ponte.connector.crmincloud;

import dev.ponte.connector.ConnectionAccess;
import dev.ponte.connector.CompanySource;
import dev.ponte.connector.Connector;
import dev.ponte.connector.OAuth2Connect;
import dev.ponte.connector.Port;
import dev.ponte.connector.RateBudget;
import dev.ponte.connector.support.ConnectionClients;
import dev.ponte.connector.support.RestClients;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

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
    /** Neither paced nor reporting its limits (package-info): only the calls and 429s are counted. */
    private final ConnectionClients<Client> clients = new ConnectionClients<>("CRM in Cloud", c -> c.api, null, null);

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
        Client client = clients.get(connection.connectionId(), apiKey,
                () -> build(apiKey, clients.budget(connection.connectionId())));
        return new CrmInCloudSourcePort(client, clock);
    }

    /** The connection's current token goes on every request that has one (the login call goes without). */
    private Client build(String apiKey, RateBudget budget) {
        AtomicReference<Client> built = new AtomicReference<>();
        Client client = new Client(apiKey, RestClients.to(config.apiUrl(), config.timeout())
                .header("Authorization", () -> {
                    String token = built.get() == null ? null : built.get().token;
                    return token == null ? null : "Bearer " + token;
                })
                .budget(budget).build(CrmInCloudApi.class));
        built.set(client);
        return client;
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
