package dev.ponte.flow;

import dev.ponte.connector.CompanySource;
import dev.ponte.connector.CustomerLedger;
import dev.ponte.connector.LedgerPort;
import dev.ponte.connector.SourcePort;
import dev.ponte.mapping.MappingTables;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a flow may know of a connection: its switch, activation time, settings, mapping tables and its two sides'
 * ports.
 */
public interface ConnectionDirectory {

    Optional<ConnectionView> find(UUID connectionId);

    SourcePort source(UUID connectionId);

    LedgerPort ledger(UUID connectionId);

    /** The connection's mapping tables of the ledger's extra customer fields (R32), defaults applied. */
    MappingTables mappings(UUID connectionId);

    /** The source's two-way side; a connection whose source has none cannot run two-way flows. */
    default CompanySource companies(UUID connectionId) {
        if (source(connectionId) instanceof CompanySource companies) {
            return companies;
        }
        throw new IllegalStateException("The source of connection " + connectionId + " has no companies");
    }

    /** The ledger's two-way side; a connection whose ledger has none cannot run two-way flows. */
    default CustomerLedger customers(UUID connectionId) {
        if (ledger(connectionId) instanceof CustomerLedger customers) {
            return customers;
        }
        throw new IllegalStateException("The ledger of connection " + connectionId + " has no customer sync");
    }

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
