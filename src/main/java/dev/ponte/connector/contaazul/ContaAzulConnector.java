package dev.ponte.connector.contaazul;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ponte.connector.ConnectionAccess;
import dev.ponte.connector.Connector;
import dev.ponte.connector.CustomerDirectory;
import dev.ponte.connector.FinancialLedger;
import dev.ponte.connector.ItemCatalog;
import dev.ponte.connector.OAuth2Connect;
import dev.ponte.connector.Port;
import dev.ponte.connector.RateBudget;
import dev.ponte.connector.RecurringSales;
import dev.ponte.connector.SalesLedger;
import dev.ponte.connector.RequestPacer;
import dev.ponte.connector.support.ConnectionClients;
import dev.ponte.connector.support.RestClients;
import dev.ponte.model.FinancialEntry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Conta Azul as a ledger ({@value #SYSTEM}). Everything that must be shared by all workers of one connection in this
 * JVM lives in a {@link Session} per connection id: the REST client, the refresh lock (R64), the rate pacer (R63),
 * the sale and contract number sequences, the sellers list and the financial categories.
 */
@ApplicationScoped
public class ContaAzulConnector implements Connector {

    public static final String SYSTEM = "CONTA_AZUL";
    /** The account's dates (a sale's day, {@code data_alteracao}) are São Paulo time. */
    static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");
    private static final Set<Class<?>> CAPABILITIES = Set.of(CustomerDirectory.class, ItemCatalog.class,
            SalesLedger.class, RecurringSales.class, FinancialLedger.class);
    /** Page size of the person, product and service lists; their maximum is undocumented, 100 is a safe guess. */
    static final int PAGE_SIZE = 100;
    /** The account's sellers are read once per this long, not per sale. */
    private static final Duration SELLERS_TTL = Duration.ofMinutes(5);
    /**
     * The account's categories are read once per this long: a mapping is checked against them, and each entry's
     * category too, but a category created in Conta Azul should be usable within a minute.
     */
    private static final Duration CATEGORIES_TTL = Duration.ofMinutes(1);
    /** A caller waits at most this long for a rate-limit slot before the job is rescheduled. */
    private static final Duration MAX_PACING_WAIT = Duration.ofSeconds(2);

    private final ContaAzulConfig config;
    private final ContaAzulOAuth oauth;
    private final Clock clock;
    private final int pageSize;
    /** Rate-limit header names are not documented [README]: Ponte's calls and the 429s are counted. */
    private final ConnectionClients<Session> sessions;

    @Inject
    public ContaAzulConnector(ContaAzulConfig config, ContaAzulOAuth oauth, Clock clock) {
        this(config, oauth, clock, PAGE_SIZE);
    }

    /** Tests shrink the page size to exercise paging with a handful of records. */
    ContaAzulConnector(ContaAzulConfig config, ContaAzulOAuth oauth, Clock clock, int pageSize) {
        this.config = config;
        this.sessions = new ConnectionClients<>("Conta Azul", Session::api, config.requestsPerSecond(), null);
        this.oauth = oauth;
        this.clock = clock;
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
        return "Conta Azul";
    }

    /** Nothing typed: the account is connected by OAuth2 consent. */
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
        return Optional.of(oauth);
    }

    /** The token is a parameter of every call, so the client never needs rebuilding. */
    @Override
    public Port open(ConnectionAccess connection) {
        Session session = sessions.get(connection.connectionId(), () -> new Session(
                RestClients.to(config.apiUrl(), config.timeout()).poolSize(config.maxConnections())
                        .budget(sessions.budget(connection.connectionId())).build(ContaAzulApi.class),
                new ReentrantLock(),
                new RequestPacer("Conta Azul", config.requestsPerSecond(), MAX_PACING_WAIT), new NumberSequence(),
                new NumberSequence(), Caffeine.newBuilder().expireAfterWrite(SELLERS_TTL).maximumSize(1).build(),
                Caffeine.newBuilder().expireAfterWrite(CATEGORIES_TTL).maximumSize(2).build()));
        return new ContaAzulLedgerPort(session, connection, oauth, clock, pageSize, config.financialCreate());
    }

    @Override
    public Optional<RateBudget.Usage> usage(UUID connectionId) {
        return sessions.usage(connectionId);
    }

    @PreDestroy
    void close() {
        sessions.closeAll();
    }

    /** What one connection's ports share in this JVM. */
    record Session(ContaAzulApi api, ReentrantLock refreshLock, RequestPacer pacer, NumberSequence saleNumbers,
            NumberSequence contractNumbers, Cache<String, List<SalesLedger.LedgerSeller>> sellers,
            Cache<FinancialEntry.Kind, List<FinancialLedger.LedgerCategory>> categories) {
    }
}
