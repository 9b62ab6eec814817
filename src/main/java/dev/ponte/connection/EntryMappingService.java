package dev.ponte.connection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponte.connector.CredentialsFailure;
import dev.ponte.connector.CustomFieldLabels;
import dev.ponte.connector.FinancialLedger;
import dev.ponte.connector.RejectedFailure;
import dev.ponte.mapping.EntryMapping;
import dev.ponte.mapping.EntryTemplate;
import dev.ponte.mapping.Refusal;
import dev.ponte.model.FinancialEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * A connection's receivable and payable mappings (R21, R22): checked when saved against the connection's ledger (its
 * categories and financial accounts, by name) and source (its custom field labels, where it can list them), stored
 * with the ledger ids of their constant category and account, and read by the flows.
 */
@ApplicationScoped
public class EntryMappingService {

    private static final TypeReference<LinkedHashMap<String, String>> TEXTS = new TypeReference<>() {
    };

    private final ConnectionService connections;
    private final ConnectionPorts ports;
    private final ObjectMapper json;
    private final Clock clock;

    EntryMappingService(ConnectionService connections, ConnectionPorts ports, ObjectMapper json, Clock clock) {
        this.connections = connections;
        this.ports = ports;
        this.json = json;
        this.clock = clock;
    }

    /** The stored mapping of one of the tenant's connections. */
    @Transactional
    public EntryMapping get(UUID tenantId, UUID connectionId, String kind) {
        connections.get(tenantId, connectionId);
        return stored(json, connectionId, kind(kind)).orElseThrow(() -> new NotFoundException("mapping"));
    }

    /**
     * Replaces the mapping after checking every field: mandatory, known placeholders and custom field labels, a
     * constant date, value, customer type and role that parse, and a constant category and financial account the
     * ledger has (by name).
     */
    @Transactional
    public EntryMapping put(UUID tenantId, UUID connectionId, String kindName, Map<String, String> fields) {
        ConnectionEntity connection = connections.get(tenantId, connectionId);
        FinancialEntry.Kind kind = kind(kindName);
        FinancialLedger ledger = ports.ledgerIfOffered(connectionId, FinancialLedger.class).orElseThrow(
                () -> new InvalidInputException("kind", "mapping.ledger.unsupported", connection.ledgerSystem));
        Map<String, String> categories = new LinkedHashMap<>();
        Map<String, String> accounts = new LinkedHashMap<>();
        try {
            ledger.categories(kind).forEach(c -> categories.put(c.id(), c.name()));
            ledger.financialAccounts().forEach(a -> accounts.put(a.id(), a.name()));
        } catch (CredentialsFailure | RejectedFailure e) {
            throw new InvalidInputException("ledger", "mapping.ledger.unreachable", connection.ledgerSystem);
        }
        Optional<CustomFieldLabels> source = ports.sourceIfOffered(connectionId, CustomFieldLabels.class);
        Map<String, Set<String>> labels = new LinkedHashMap<>();
        Function<String, Set<String>> labelsOf = source.<Function<String, Set<String>>>map(s -> scope -> labels
                .computeIfAbsent(scope, k -> s.customFieldLabels(scope(k)))).orElse(null);
        EntryMapping.Checked checked = EntryMapping.check(kind, fields, categories, accounts, labelsOf);
        if (!checked.refusals().isEmpty()) {
            throw new InvalidInputException(checked.refusals().stream().map(EntryMappingService::violation).toList());
        }
        EntryMapping mapping = checked.mapping();
        // One writer per connection at a time: two first PUTs would both insert.
        ConnectionEntity.getEntityManager().lock(connection, LockModeType.PESSIMISTIC_WRITE);
        EntryMappingEntity entity = EntryMappingEntity.<EntryMappingEntity>find("connectionId = ?1 and kind = ?2",
                connectionId, kind).firstResultOptional().orElseGet(EntryMappingEntity::new);
        entity.connectionId = connectionId;
        entity.kind = kind;
        try {
            entity.fields = json.writeValueAsString(mapping.texts());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        entity.categoryId = mapping.categoryId();
        entity.financialAccountId = mapping.financialAccountId();
        entity.updatedAt = clock.instant();
        if (entity.id == null) {
            entity.persist();
        }
        return mapping;
    }

    /** The connection's mapping of this kind, as stored (it was checked when saved). */
    static Optional<EntryMapping> stored(ObjectMapper json, UUID connectionId, FinancialEntry.Kind kind) {
        return EntryMappingEntity.<EntryMappingEntity>find("connectionId = ?1 and kind = ?2", connectionId, kind)
                .firstResultOptional().map(e -> {
                    Map<String, String> texts;
                    try {
                        texts = json.readValue(e.fields, TEXTS);
                    } catch (JsonProcessingException ex) {
                        throw new IllegalStateException("stored mapping of connection " + connectionId
                                + " is unreadable", ex);
                    }
                    Map<EntryMapping.Field, EntryTemplate> fields = new EnumMap<>(EntryMapping.Field.class);
                    texts.forEach((name, text) -> EntryMapping.Field.of(name)
                            .ifPresent(f -> fields.put(f, EntryTemplate.parse(text))));
                    return new EntryMapping(kind, fields, e.categoryId, e.financialAccountId);
                });
    }

    private static FinancialEntry.Kind kind(String name) {
        return switch (name) {
            case "receivable" -> FinancialEntry.Kind.RECEIVABLE;
            case "payable" -> FinancialEntry.Kind.PAYABLE;
            default -> throw new NotFoundException("mapping");
        };
    }

    private static CustomFieldLabels.Scope scope(String placeholderScope) {
        return switch (placeholderScope) {
            case "company.field" -> CustomFieldLabels.Scope.COMPANY;
            case "contact.field" -> CustomFieldLabels.Scope.CONTACT;
            default -> CustomFieldLabels.Scope.DEAL;
        };
    }

    private static InvalidInputException.Violation violation(Refusal refusal) {
        return new InvalidInputException.Violation(refusal.field(), refusal.key(), refusal.args().toArray());
    }
}
