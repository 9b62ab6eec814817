package dev.ponte.connection;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponte.connector.ConnectionAccess;
import dev.ponte.connector.Connector;
import dev.ponte.connector.Connector.Side;
import dev.ponte.connector.Port;
import dev.ponte.flow.ConnectionDirectory;
import dev.ponte.mapping.EntryMapping;
import dev.ponte.mapping.MappingTables;
import dev.ponte.model.FinancialEntry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens a connection's source and ledger ports through the connector registered for each system, and hands flows the
 * capabilities they ask for. Ports are kept per connection until it changes (its version moves on); so are its
 * decrypted credentials, which a connector that rotates them updates as it stores them.
 */
@ApplicationScoped
public class ConnectionPorts implements ConnectionDirectory {

    private final ConnectionService connections;
    private final MappingService mappings;
    private final ConnectorRegistry registry;
    private final ObjectMapper json;
    private final Map<UUID, Opened> opened = new ConcurrentHashMap<>();

    ConnectionPorts(ConnectionService connections, MappingService mappings, ConnectorRegistry registry,
            ObjectMapper json) {
        this.connections = connections;
        this.mappings = mappings;
        this.registry = registry;
        this.json = json;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<ConnectionView> find(UUID connectionId) {
        return QuarkusTransaction.joiningExisting().call(() -> Optional.ofNullable(
                ConnectionEntity.<ConnectionEntity>findById(connectionId)).map(c -> new ConnectionView(c.id,
                        c.sourceSystem, c.ledgerSystem, connections.flows(c), c.status == ConnectionStatus.ACTIVE, c.activatedAt,
                        json.convertValue(connections.settings(c), Map.class))));
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
        long version = QuarkusTransaction.joiningExisting().call(() -> {
            ConnectionEntity c = ConnectionEntity.findById(connectionId);
            if (c == null) {
                throw new NotFoundException("connection");
            }
            return c.version;
        });
        return opened.compute(connectionId, (id, current) -> current != null && current.version() == version ? current
                : open(id, version));
    }

    private Opened open(UUID id, long version) {
        ConnectionEntity c = QuarkusTransaction.joiningExisting().call(() -> ConnectionEntity.findById(id));
        Access access = new Access(id);
        return new Opened(version, side(c.sourceSystem, Side.SOURCE, access), side(c.ledgerSystem, Side.LEDGER, access));
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

    private record Opened(long version, Side source, Side ledger) {

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
