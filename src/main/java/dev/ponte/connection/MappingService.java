package dev.ponte.connection;

import dev.ponte.mapping.MappingTable;
import dev.ponte.mapping.MappingTables;
import dev.ponte.model.TermField;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A connection's mapping tables (R32): read by flows with defaults applied, changed and reset by its tenant. A table
 * nobody changed is not stored; resetting one deletes its row.
 */
@ApplicationScoped
public class MappingService {

    static final int MAX_CODE = 100;
    static final int MAX_LABEL = 200;
    static final int MAX_TRANSLATIONS = 1000;

    private final ConnectionService connections;
    private final Clock clock;

    MappingService(ConnectionService connections, Clock clock) {
        this.connections = connections;
        this.clock = clock;
    }

    /** The six tables of a connection, for flows; a field nobody changed has its defaults. */
    @Transactional
    public MappingTables tables(UUID connectionId) {
        return MappingTables.of(stored(connectionId).stream().map(MappingService::table).toList());
    }

    /** The six tables of one of the tenant's connections. */
    @Transactional
    public MappingTables tables(UUID tenantId, UUID connectionId) {
        connections.get(tenantId, connectionId);
        return tables(connectionId);
    }

    @Transactional
    public MappingTable table(UUID tenantId, UUID connectionId, String field) {
        return tables(tenantId, connectionId).table(field(field));
    }

    /** Replaces one table, validated field by field; answers it as stored. */
    @Transactional
    public MappingTable put(UUID tenantId, UUID connectionId, String fieldName, MappingDraft draft) {
        ConnectionEntity connection = connections.get(tenantId, connectionId);
        TermField field = field(fieldName);
        // One writer per connection at a time: two first PUTs would both insert, and the CRM field check would race.
        ConnectionEntity.getEntityManager().lock(connection, LockModeType.PESSIMISTIC_WRITE);
        MappingTable wanted = validate(connectionId, field, draft);
        TermMappingEntity entity = stored(connectionId).stream().filter(e -> e.field == field).findFirst()
                .orElseGet(TermMappingEntity::new);
        entity.connectionId = connectionId;
        entity.field = field;
        entity.defaultValue = wanted.defaultValue();
        entity.crmField = wanted.crmField();
        entity.derive = wanted.derive();
        entity.translations.clear();
        entity.translations.putAll(wanted.translations());
        entity.updatedAt = clock.instant();
        if (entity.id == null) {
            entity.persist();
        }
        return wanted;
    }

    /** Puts one table back to its defaults. */
    @Transactional
    public void reset(UUID tenantId, UUID connectionId, String fieldName) {
        connections.get(tenantId, connectionId);
        TermField field = field(fieldName);
        stored(connectionId).stream().filter(e -> e.field == field).forEach(TermMappingEntity::delete);
    }

    private MappingTable validate(UUID connectionId, TermField field, MappingDraft draft) {
        List<InvalidInputException.Violation> violations = new ArrayList<>();
        if (draft.defaultValue() != null && (draft.defaultValue().isBlank()
                || draft.defaultValue().strip().length() > MAX_CODE)) {
            violations.add(new InvalidInputException.Violation("defaultValue", "field.text", 1, MAX_CODE));
        }
        if (draft.crmField() != null && (draft.crmField().isBlank() || draft.crmField().strip().length() > MAX_LABEL)) {
            violations.add(new InvalidInputException.Violation("crmField", "field.text", 1, MAX_LABEL));
        }
        boolean derive = Objects.requireNonNullElse(draft.derive(), MappingTable.derivable(field));
        if (derive && !MappingTable.derivable(field)) {
            violations.add(new InvalidInputException.Violation("derive", "mapping.derive"));
        }
        Map<String, String> translations = draft.translations() == null ? Map.of() : draft.translations();
        if (translations.size() > MAX_TRANSLATIONS) {
            violations.add(new InvalidInputException.Violation("translations", "mapping.translations.tooMany",
                    MAX_TRANSLATIONS));
        }
        translations.forEach((crmValue, code) -> {
            if (crmValue.isBlank() || crmValue.strip().length() > MAX_LABEL || code == null || code.isBlank()
                    || code.strip().length() > MAX_CODE) {
                violations.add(new InvalidInputException.Violation(crmValue.isBlank() ? "translations"
                        : "translations." + crmValue, "mapping.translation", MAX_LABEL, MAX_CODE));
            }
        });
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        MappingTable wanted = new MappingTable(field, draft.defaultValue(), draft.crmField(), derive, translations);
        for (MappingTable other : tables(connectionId).all()) {
            if (other.field() != field && other.crmField().equalsIgnoreCase(wanted.crmField())) {
                throw new InvalidInputException("crmField", "mapping.crmField.taken", wanted.crmField(),
                        MappingTable.pathName(other.field()));
            }
        }
        return wanted;
    }

    private static TermField field(String name) {
        return MappingTable.fromPathName(name).orElseThrow(() -> new NotFoundException("mapping"));
    }

    private static List<TermMappingEntity> stored(UUID connectionId) {
        return TermMappingEntity.list("connectionId", connectionId);
    }

    private static MappingTable table(TermMappingEntity e) {
        return new MappingTable(e.field, e.defaultValue, e.crmField, e.derive, e.translations);
    }
}
