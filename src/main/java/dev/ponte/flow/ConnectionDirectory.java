package dev.ponte.flow;

import dev.ponte.connector.Postponed;
import dev.ponte.mapping.EntryMapping;
import dev.ponte.mapping.MappingTables;
import dev.ponte.model.FinancialEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a flow may know of a connection: its switch, activation time, settings, mapping tables, and its two sides'
 * capabilities. A flow asks only for capabilities it declares ({@link FlowDefinition}); a connection runs a flow only
 * where its connectors offer them, so asking for one that is not there is a programming error.
 */
public interface ConnectionDirectory {

    Optional<ConnectionView> find(UUID connectionId);

    /**
     * The connection a job works for, when active; empty when it was deleted. A job of a connection switched off or
     * waiting for a reconnect is not skipped: it waits with the connection's other work (parked until the connection
     * is active again), so that a job already running when the switch happened is not lost.
     */
    default Optional<ConnectionView> activeOrWait(UUID connectionId) {
        Optional<ConnectionView> found = find(connectionId);
        if (found.isPresent() && !found.get().active()) {
            throw new Postponed("the connection is not active: the job waits until it is enabled or reconnected",
                    Duration.ofMinutes(1));
        }
        return found;
    }

    /** The source's capability of this interface (e.g. {@code DealSource}). */
    <T> T source(UUID connectionId, Class<T> capability);

    /** The source's capability when its connector offers it (one a flow can do without, e.g. deal fields). */
    <T> Optional<T> sourceIfOffered(UUID connectionId, Class<T> capability);

    /** The ledger's capability of this interface (e.g. {@code SalesLedger}). */
    <T> T ledger(UUID connectionId, Class<T> capability);

    /** The ledger's capability when its connector offers it (one a flow can do without, e.g. recurring sales). */
    <T> Optional<T> ledgerIfOffered(UUID connectionId, Class<T> capability);

    /** The connection's mapping tables of the ledger's extra customer fields (R32), defaults applied. */
    MappingTables mappings(UUID connectionId);

    /** The connection's mapping of the receivable or payable a won deal becomes (R21, R22), if one was saved. */
    Optional<EntryMapping> entryMapping(UUID connectionId, FinancialEntry.Kind kind);

    /** A connection as flows see it; settings are already validated against the flows' declarations. */
    record ConnectionView(UUID id, String sourceSystem, String ledgerSystem, List<String> flows, boolean active,
            Instant activatedAt, Map<String, Object> settings) {

        /**
         * The activation time to compare a source's times with: CRMs keep whole seconds (Pipedrive's won_time), so a
         * deal won in the second the connection was enabled counts as after it.
         */
        public Instant activationSecond() {
            return activatedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        }

        public String text(String name, String fallback) {
            Object value = settings.get(name);
            return value == null ? fallback : value.toString();
        }

        public boolean flag(String name, boolean fallback) {
            Object value = settings.get(name);
            return value instanceof Boolean b ? b : fallback;
        }

        public int integer(String name, int fallback) {
            Object value = settings.get(name);
            return value instanceof Number n ? n.intValue() : fallback;
        }

        public List<String> list(String name) {
            Object value = settings.get(name);
            return value instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
        }
    }
}
