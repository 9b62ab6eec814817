package dev.ponte.connection;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponte.connector.ConnectionAccess;
import dev.ponte.connector.LedgerConnector;
import dev.ponte.connector.LedgerPort;
import dev.ponte.connector.SourceConnector;
import dev.ponte.connector.SourcePort;
import dev.ponte.flow.ConnectionDirectory;
import dev.ponte.mapping.MappingTables;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens a connection's source and ledger ports through the connector registered for each system (one bean per
 * vendor, chosen by name; a duplicate name fails the start). Ports are kept per connection until it changes.
 */
@ApplicationScoped
public class ConnectionPorts implements ConnectionDirectory {

    private final ConnectionService connections;
    private final MappingService mappings;
    private final ObjectMapper json;
    private final Map<String, SourceConnector> sources = new HashMap<>();
    private final Map<String, LedgerConnector> ledgers = new HashMap<>();
    private final Map<UUID, Opened> opened = new ConcurrentHashMap<>();

    ConnectionPorts(ConnectionService connections, MappingService mappings, ObjectMapper json,
            Instance<SourceConnector> sourceConnectors, Instance<LedgerConnector> ledgerConnectors) {
        this.connections = connections;
        this.mappings = mappings;
        this.json = json;
        for (SourceConnector c : sourceConnectors) {
            if (sources.putIfAbsent(c.system(), c) != null) {
                throw new IllegalStateException("Two source connectors for " + c.system());
            }
        }
        for (LedgerConnector c : ledgerConnectors) {
            if (ledgers.putIfAbsent(c.system(), c) != null) {
                throw new IllegalStateException("Two ledger connectors for " + c.system());
            }
        }
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
    public SourcePort source(UUID connectionId) {
        return ports(connectionId).source();
    }

    @Override
    public LedgerPort ledger(UUID connectionId) {
        return ports(connectionId).ledger();
    }

    @Override
    public MappingTables mappings(UUID connectionId) {
        return mappings.tables(connectionId);
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
        ConnectionAccess access = new Access(id);
        SourceConnector source = sources.get(c.sourceSystem);
        LedgerConnector ledger = ledgers.get(c.ledgerSystem);
        if (source == null || ledger == null) {
            throw new IllegalStateException("No connector for " + (source == null ? c.sourceSystem : c.ledgerSystem));
        }
        return new Opened(version, source.open(access), ledger.open(access));
    }

    private record Opened(long version, SourcePort source, LedgerPort ledger) {
    }

    /** A connector's view of its connection: credentials read and stored through the encrypted store. */
    private final class Access implements ConnectionAccess {
        private final UUID id;

        Access(UUID id) {
            this.id = id;
        }

        @Override
        public UUID connectionId() {
            return id;
        }

        @Override
        public Map<String, String> credentials() {
            return QuarkusTransaction.joiningExisting().call(() -> connections.credentials(id));
        }

        @Override
        public void storeCredentials(Map<String, String> credentials) {
            connections.storeCredentials(id, credentials);
        }
    }
}
