package dev.ponte.support;

import dev.ponte.connector.ConnectionAccess;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A connection's credentials kept in memory, for connector tests that open ports without a database: stores merge
 * as the connection's encrypted store does (keys given replace theirs, the others stay), and each store is recorded.
 */
public final class MemoryAccess implements ConnectionAccess {

    private final UUID id = UUID.randomUUID();
    private volatile Map<String, String> credentials;
    public final List<Map<String, String>> stored = new CopyOnWriteArrayList<>();

    public MemoryAccess(Map<String, String> credentials) {
        this.credentials = Map.copyOf(credentials);
    }

    @Override
    public UUID connectionId() {
        return id;
    }

    @Override
    public Map<String, String> credentials() {
        return credentials;
    }

    @Override
    public Map<String, String> reloadCredentials() {
        return credentials;
    }

    @Override
    public synchronized void storeCredentials(Map<String, String> changes) {
        stored.add(Map.copyOf(changes));
        Map<String, String> merged = new HashMap<>(credentials);
        merged.putAll(changes);
        credentials = Map.copyOf(merged);
    }
}
