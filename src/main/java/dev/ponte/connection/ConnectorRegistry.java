package dev.ponte.connection;

import dev.ponte.connector.Connector;
import dev.ponte.connector.Connector.Side;
import dev.ponte.connector.OAuth2Connect;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every registered {@link Connector} bean by system name: the systems the API accepts and lists, their OAuth2 flows
 * and their capabilities. Two connectors with one name fail the start; a system without a connector does not exist.
 */
@ApplicationScoped
public class ConnectorRegistry {

    private final Map<String, Connector> connectors;

    ConnectorRegistry(Instance<Connector> beans) {
        Map<String, Connector> byName = new TreeMap<>();
        for (Connector c : beans) {
            if (byName.putIfAbsent(c.system(), c) != null) {
                throw new IllegalStateException("Two connectors are named " + c.system() + ": "
                        + byName.get(c.system()).getClass().getName() + " and " + c.getClass().getName());
            }
        }
        this.connectors = Collections.unmodifiableMap(byName);
    }

    public Collection<Connector> all() {
        return connectors.values();
    }

    /** The connector of {@code system} on that side; empty when there is none (an unknown or other-side system). */
    public Optional<Connector> find(String system, Side side) {
        return Optional.ofNullable(system == null ? null : connectors.get(system)).filter(c -> c.side() == side);
    }

    /** The system names of one side, sorted. */
    public List<String> systems(Side side) {
        return connectors.values().stream().filter(c -> c.side() == side).map(Connector::system).toList();
    }

    public Optional<OAuth2Connect> oauth(String system) {
        return Optional.ofNullable(connectors.get(system)).flatMap(Connector::oauth);
    }
}
