package dev.ponte.connection;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponte.connector.ConnectionAccess;
import dev.ponte.connector.Connector;
import dev.ponte.connector.Connector.Side;
import dev.ponte.connector.Port;
import dev.ponte.engine.JobScope;
import dev.ponte.flow.ConnectionDirectory;
import dev.ponte.mapping.EntryMapping;
import dev.ponte.mapping.MappingTables;
import dev.ponte.model.FinancialEntry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Opens a connection's source and ledger ports through the connector registered for each system, and hands flows the
 * capabilities they ask for. Ports are kept per connection until it changes (its version moves on); so are its
 * decrypted credentials, which a connector that rotates them updates as it stores them, and the connection's view
 * (status, flows, settings parsed once per version). Outside a transaction the version is one indexed read of one
 * column in auto-commit; in a caller's transaction the row is read through its session, which may hold changes not
 * yet written.
 */
@ApplicationScoped
public class ConnectionPorts implements ConnectionDirectory {

    private final ConnectionService connections;
    private final MappingService mappings;
    private final ConnectorRegistry registry;
    private final ObjectMapper json;
    private final DataSource dataSource;
    private final Map<UUID, Opened> opened = new ConcurrentHashMap<>();

    ConnectionPorts(ConnectionService connections, MappingService mappings, ConnectorRegistry registry,
            ObjectMapper json, DataSource dataSource) {
        this.connections = connections;
        this.mappings = mappings;
        this.registry = registry;
        this.json = json;
        this.dataSource = dataSource;
    }

    @Override
    public Optional<ConnectionView> find(UUID connectionId) {
        return current(connectionId).map(Opened::view);
    }


    @Override
    public <T> T source(UUID connectionId, Class<T> capability) {
        return ports(connectionId).source().as(capability).orElseThrow(() -> missing(connectionId, "source", capability));
    }

    @Override
    public <T> T ledger(UUID connectionId, Class<T> capability) {
        return ports(connectionId).ledger().as(capability).orElseThrow(() -> missing(connectionId, "ledger", capability));
    }

    @Override
    public <T> Optional<T> ledgerIfOffered(UUID connectionId, Class<T> capability) {
        return ports(connectionId).ledger().as(capability);
    }

    /** The source's port itself, for what every port does (test the credentials). */
    Port sourcePort(UUID connectionId) {
        return ports(connectionId).source().port();
    }

    /** The ledger's port itself, for what every port does (test the credentials). */
    Port ledgerPort(UUID connectionId) {
        return ports(connectionId).ledger().port();
    }

    @Override
    public <T> Optional<T> sourceIfOffered(UUID connectionId, Class<T> capability) {
        return ports(connectionId).source().as(capability);
    }

    @Override
    public MappingTables mappings(UUID connectionId) {
        return mappings.tables(connectionId);
    }

    @Override
    public Optional<EntryMapping> entryMapping(UUID connectionId, FinancialEntry.Kind kind) {
        return QuarkusTransaction.joiningExisting().call(() -> EntryMappingService.stored(json, connectionId, kind));
    }

    private static IllegalStateException missing(UUID connectionId, String side, Class<?> capability) {
        return new IllegalStateException("The " + side + " of connection " + connectionId + " offers no "
                + capability.getSimpleName() + ", which a flow of it asked for");
    }

    private Opened ports(UUID connectionId) {
        return current(connectionId).orElseThrow(() -> new NotFoundException("connection"));
    }

    /** The connection as of its stored version: kept while the version stays, opened again when it moves on. */
    private Optional<Opened> current(UUID connectionId) {
        if (QuarkusTransaction.isActive()) {
            ConnectionEntity c = ConnectionEntity.findById(connectionId);
            if (c == null) {
                opened.remove(connectionId);
                return Optional.empty();
            }
            return Optional.of(opened.compute(connectionId, (id, known) -> known != null
                    && known.version() == c.version ? known : open(c)));
        }
        // Within one attempt of a job, the flow opens several capabilities: one read of the version serves them all.
        Long version = JobScope.memo(new StoredVersion(connectionId), () -> storedVersion(connectionId));
        if (version == null) {
            opened.remove(connectionId);
            return Optional.empty();
        }
        Opened known = opened.get(connectionId);
        if (known != null && known.version() == version) {
            return Optional.of(known);
        }
        ConnectionEntity c = QuarkusTransaction.requiringNew().call(() -> ConnectionEntity.findById(connectionId));
        if (c == null) {
            opened.remove(connectionId);
            return Optional.empty();
        }
        return Optional.of(opened.compute(connectionId, (id, again) -> again != null && again.version() == c.version
                ? again : open(c)));
    }

    private record StoredVersion(UUID connectionId) {
    }

    /** The connection as stored now, for a caller that asks several things of it at once; empty when there is none. */
    Optional<Snapshot> snapshot(UUID connectionId) {
        return current(connectionId).map(o -> o);
    }

    /** A connection at one version: its status, its view, and its source's capabilities. */
    interface Snapshot {
        ConnectionStatus status();

        ConnectionView view();

        <T> Optional<T> sourceAs(Class<T> capability);
    }

    private Long storedVersion(UUID connectionId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select version from connection where id = ?")) {
            ps.setObject(1, connectionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read connection " + connectionId, e);
        }
    }

    @SuppressWarnings("unchecked")
    private Opened open(ConnectionEntity c) {
        Access access = new Access(c.id);
        ConnectionView view = new ConnectionView(c.id, c.sourceSystem, c.ledgerSystem, connections.flows(c),
                c.status == ConnectionStatus.ACTIVE, c.activatedAt,
                Collections.unmodifiableMap(json.convertValue(connections.settings(c), Map.class)));
        return new Opened(c.version, c.status, view, () -> side(c.sourceSystem, Side.SOURCE, access),
                () -> side(c.ledgerSystem, Side.LEDGER, access));
    }

    private Opened.Side side(String system, Side side, Access access) {
        Connector connector = registry.find(system, side).orElseThrow(() -> new IllegalStateException(
                "No " + side.name().toLowerCase() + " connector is registered for " + system));
        Port port = connector.open(access);
        for (Class<?> capability : connector.capabilities()) {
            if (!capability.isInstance(port)) {
                throw new IllegalStateException(connector.system() + " declares " + capability.getSimpleName()
                        + " but its port " + port.getClass().getName() + " does not implement it");
            }
        }
        return new Opened.Side(connector, port);
    }

    /** A connection at one version: its view at once, each side's port when first asked for (then kept). */
    private static final class Opened implements Snapshot {
        private final long version;
        private final ConnectionStatus status;
        private final ConnectionView view;
        private final java.util.function.Supplier<Side> openSource;
        private final java.util.function.Supplier<Side> openLedger;
        private volatile Side source;
        private volatile Side ledger;

        Opened(long version, ConnectionStatus status, ConnectionView view, java.util.function.Supplier<Side> source,
                java.util.function.Supplier<Side> ledger) {
            this.version = version;
            this.status = status;
            this.view = view;
            this.openSource = source;
            this.openLedger = ledger;
        }

        long version() {
            return version;
        }

        @Override
        public ConnectionStatus status() {
            return status;
        }

        @Override
        public ConnectionView view() {
            return view;
        }

        @Override
        public <T> Optional<T> sourceAs(Class<T> capability) {
            return source().as(capability);
        }

        Side source() {
            Side s = source;
            if (s == null) {
                synchronized (this) {
                    s = source;
                    if (s == null) {
                        s = openSource.get();
                        source = s;
                    }
                }
            }
            return s;
        }

        Side ledger() {
            Side l = ledger;
            if (l == null) {
                synchronized (this) {
                    l = ledger;
                    if (l == null) {
                        l = openLedger.get();
                        ledger = l;
                    }
                }
            }
            return l;
        }

        /** One side's connector and port: a capability is offered when the connector declares it. */
        record Side(Connector connector, Port port) {
            <T> Optional<T> as(Class<T> capability) {
                return connector.capabilities().contains(capability) ? Optional.of(capability.cast(port))
                        : Optional.empty();
            }
        }
    }

    /**
     * A connector's view of its connection: credentials decrypted once per connection version (and kept current as
     * the connector stores rotated ones), read again from the store only when asked to.
     */
    private final class Access implements ConnectionAccess {
        private final UUID id;
        private volatile Map<String, String> credentials;

        Access(UUID id) {
            this.id = id;
        }

        @Override
        public UUID connectionId() {
            return id;
        }

        @Override
        public Map<String, String> credentials() {
            Map<String, String> known = credentials;
            return known != null ? known : reloadCredentials();
        }

        @Override
        public Map<String, String> reloadCredentials() {
            Map<String, String> stored = QuarkusTransaction.joiningExisting().call(() -> connections.credentials(id));
            credentials = stored;
            return stored;
        }

        @Override
        public void storeCredentials(Map<String, String> changes) {
            credentials = connections.storeCredentials(id, changes);
        }
    }
}
