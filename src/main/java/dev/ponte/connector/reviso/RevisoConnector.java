package dev.ponte.connector.reviso;

import dev.ponte.connector.ConnectionAccess;
import dev.ponte.connector.Connector;
import dev.ponte.connector.CustomerLedger;
import dev.ponte.connector.ItemCatalog;
import dev.ponte.connector.OAuth2Connect;
import dev.ponte.connector.Port;
import dev.ponte.connector.RateBudget;
import dev.ponte.connector.RequestPacer;
import dev.ponte.connector.support.ConnectionClients;
import dev.ponte.connector.support.RestClients;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reviso (Contabilità in Cloud) as a ledger ({@value #SYSTEM}): its product catalogue, and two-way customer sync with
 * quotations ({@link CustomerLedger}); its orders and invoices are not used, so it offers no sales. Credentials: {@value #AGREEMENT_GRANT_TOKEN} (the customer's
 * agreement) and {@value #APP_SECRET_TOKEN} (Ponte's app; falls back to {@code ponte.vendors.reviso.app-secret-token}).
 * What one connection's ports share in this JVM lives in a {@link Session}: the REST client, the pacer and the
 * agreement's static data.
 */
@ApplicationScoped
public class RevisoConnector implements Connector {

    public static final String SYSTEM = "REVISO";
    /**
     * Not {@code CustomerDirectory}: Reviso refuses a customer without its terms (currency, group, payment terms, VAT
     * zone), which only the two-way sync's mapping tables give.
     */
    private static final Set<Class<?>> CAPABILITIES = Set.of(ItemCatalog.class, CustomerLedger.class);
    public static final String APP_SECRET_TOKEN = "appSecretToken";
    public static final String AGREEMENT_GRANT_TOKEN = "agreementGrantToken";
    /** The largest page Reviso serves (pagination.maxPageSizeAllowed). */
    static final int PAGE_SIZE = 1000;
    private static final Duration MAX_PACING_WAIT = Duration.ofSeconds(2);

    private final RevisoConfig config;
    private final int pageSize;
    /** Its rate-limit headers are not published (package-info): Ponte's calls and the 429s are counted. */
    private final ConnectionClients<Session> sessions;

    @Inject
    public RevisoConnector(RevisoConfig config) {
        this(config, PAGE_SIZE);
    }

    /** Tests shrink the page size to exercise paging with a handful of records. */
    RevisoConnector(RevisoConfig config, int pageSize) {
        this.config = config;
        this.sessions = new ConnectionClients<>("Reviso", Session::api, config.requestsPerSecond(), null);
        this.pageSize = pageSize;
    }

    @Override
    public String system() {
        return SYSTEM;
    }

    @Override
    public Side side() {
        return Side.LEDGER;
    }

    @Override
    public String label() {
        return "Contabilità in Cloud (Reviso)";
    }

    @Override
    public List<CredentialField> credentialFields() {
        return List.of(new CredentialField(AGREEMENT_GRANT_TOKEN, "The customer's agreement grant token"),
                new CredentialField(APP_SECRET_TOKEN, "Ponte's app secret token, when not configured once for all "
                        + "connections (PONTE_VENDORS_REVISO_APP_SECRET_TOKEN)"));
    }

    @Override
    public Set<Class<?>> capabilities() {
        return CAPABILITIES;
    }

    /** Reviso's agreements are granted through its own page, then typed in as a token. */
    @Override
    public Optional<OAuth2Connect> oauth() {
        return Optional.empty();
    }

    /** The tokens are parameters of every call, so the client never needs rebuilding. */
    @Override
    public Port open(ConnectionAccess connection) {
        Session session = sessions.get(connection.connectionId(), () -> new Session(
                RestClients.to(config.apiUrl(), config.timeout()).budget(sessions.budget(connection.connectionId()))
                        .build(RevisoApi.class),
                new RequestPacer("Reviso", config.requestsPerSecond(), MAX_PACING_WAIT),
                new ConcurrentHashMap<>()));
        return new RevisoLedgerPort(session, connection, config.appSecretToken().orElse(null), pageSize);
    }

    @Override
    public Optional<RateBudget.Usage> usage(UUID connectionId) {
        return sessions.usage(connectionId);
    }

    @PreDestroy
    void close() {
        sessions.closeAll();
    }

    /** What one connection's ports share: the client, the pacer, and data of the agreement that never changes. */
    record Session(RevisoApi api, RequestPacer pacer, Map<String, Object> cache) {
    }
}
