package dev.ponte.connection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponte.engine.CredentialsRefused;
import dev.ponte.engine.JobService;
import dev.ponte.engine.ScheduleSource;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Connections of a tenant: create, change, switch on and off, and the credentials a connector needs. Another
 * tenant's connection does not exist for a caller. Disabling pauses the connection's queued jobs and keeps its
 * history; credentials that stop working set it to NEEDS_RECONNECT until new ones are given.
 */
@ApplicationScoped
public class ConnectionService implements ScheduleSource {

    private final SettingsValidator validator;
    private final SecretBox secrets;
    private final JobService jobs;
    private final ObjectMapper json;
    private final Clock clock;

    ConnectionService(SettingsValidator validator, SecretBox secrets, JobService jobs, ObjectMapper json, Clock clock) {
        this.validator = validator;
        this.secrets = secrets;
        this.jobs = jobs;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public ConnectionEntity create(UUID tenantId, ConnectionDraft draft) {
        ConnectionEntity c = new ConnectionEntity();
        c.id = UUID.randomUUID();
        c.tenantId = tenantId;
        c.status = ConnectionStatus.DRAFT;
        c.createdAt = clock.instant();
        apply(c, draft);
        c.persist();
        return c;
    }

    @Transactional
    public ConnectionEntity update(UUID tenantId, UUID id, ConnectionDraft draft) {
        ConnectionEntity c = get(tenantId, id);
        apply(c, draft);
        if (draft.credentials() != null) {
            reconnect(c);
        }
        return c;
    }

    /** New credentials arrived (OAuth callback): a connection waiting to reconnect becomes active again (R16). */
    @Transactional
    public void reconnected(UUID id) {
        reconnect(byId(id));
    }

    private void reconnect(ConnectionEntity c) {
        if (c.status == ConnectionStatus.NEEDS_RECONNECT) {
            c.status = ConnectionStatus.ACTIVE;
            c.updatedAt = clock.instant();
            jobs.resume(c.id);
            Log.infof("Connection %s reconnected; its paused jobs resume", c.id);
        }
    }

    @Transactional
    ConnectionEntity byId(UUID id) {
        ConnectionEntity c = ConnectionEntity.findById(id);
        if (c == null) {
            throw new NotFoundException("connection");
        }
        return c;
    }

    public ConnectionEntity get(UUID tenantId, UUID id) {
        ConnectionEntity c = ConnectionEntity.findById(id);
        if (c == null || !c.tenantId.equals(tenantId)) {
            throw new NotFoundException("connection");
        }
        return c;
    }

    @Transactional
    public ConnectionEntity find(UUID tenantId, UUID id) {
        return get(tenantId, id);
    }

    @Transactional
    public List<ConnectionEntity> list(UUID tenantId) {
        return ConnectionEntity.list("tenantId = ?1 order by createdAt", tenantId);
    }

    @Transactional
    public List<UUID> ids(UUID tenantId) {
        return ConnectionEntity.<ConnectionEntity>stream("tenantId", tenantId).map(c -> c.id).toList();
    }

    @Transactional
    public void delete(UUID tenantId, UUID id) {
        ConnectionEntity c = get(tenantId, id);
        jobs.pause(c.id, "deleted");
        c.delete();
    }

    /** Switches the connection on; the activation time is set the first time only (R2). */
    @Transactional
    public ConnectionEntity enable(UUID tenantId, UUID id) {
        ConnectionEntity c = get(tenantId, id);
        if (c.activatedAt == null) {
            c.activatedAt = clock.instant();
        }
        c.status = ConnectionStatus.ACTIVE;
        c.updatedAt = clock.instant();
        jobs.resume(c.id);
        return c;
    }

    /** Switches the connection off: no new syncs, queued jobs wait, history is kept (R17). */
    @Transactional
    public ConnectionEntity disable(UUID tenantId, UUID id) {
        ConnectionEntity c = get(tenantId, id);
        c.status = ConnectionStatus.DISABLED;
        c.updatedAt = clock.instant();
        jobs.pause(c.id, "disabled");
        return c;
    }

    /** The decrypted credentials, for connectors only; never for API responses or logs. */
    @Transactional
    public Map<String, String> credentials(UUID id) {
        ConnectionEntity c = ConnectionEntity.findById(id);
        if (c == null || c.credentials == null) {
            return Map.of();
        }
        try {
            return json.readValue(secrets.open(c.credentials, c.id.toString()), json.getTypeFactory()
                    .constructMapType(Map.class, String.class, String.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored credentials of connection " + id + " are unreadable", e);
        }
    }

    /**
     * Replaces a connection's credentials in a transaction of its own, committed before this returns: a connector
     * that rotates a refresh token stores the new one before it uses it (R64).
     */
    public void storeCredentials(UUID id, Map<String, String> credentials) {
        QuarkusTransaction.requiringNew().run(() -> {
            ConnectionEntity c = ConnectionEntity.findById(id);
            if (c == null) {
                throw new NotFoundException("connection");
            }
            c.credentials = seal(c, credentials);
        });
    }

    @Transactional
    void onCredentialsRefused(@Observes CredentialsRefused event) {
        ConnectionEntity c = ConnectionEntity.findById(event.connectionId());
        if (c != null && c.status == ConnectionStatus.ACTIVE) {
            c.status = ConnectionStatus.NEEDS_RECONNECT;
            c.updatedAt = clock.instant();
        }
    }

    public List<String> flows(ConnectionEntity c) {
        return c.flows.isEmpty() ? List.of() : Arrays.asList(c.flows.split(","));
    }

    public JsonNode settings(ConnectionEntity c) {
        try {
            return json.readTree(c.settings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored settings of connection " + c.id + " are unreadable", e);
        }
    }

    @Override
    @Transactional
    public List<ConnectionSchedule> activeSchedules() {
        List<ConnectionSchedule> schedules = new ArrayList<>();
        for (ConnectionEntity c : ConnectionEntity.<ConnectionEntity>list("status", ConnectionStatus.ACTIVE)) {
            settings(c).fields().forEachRemaining(e -> {
                if (e.getKey().startsWith("schedule.") && e.getValue().isTextual()) {
                    schedules.add(new ConnectionSchedule(c.id, e.getKey().substring("schedule.".length()),
                            e.getValue().asText()));
                }
            });
        }
        return schedules;
    }

    private void apply(ConnectionEntity c, ConnectionDraft draft) {
        List<InvalidInputException.Violation> violations = new ArrayList<>();
        if (draft.name() == null) {
            violations.add(new InvalidInputException.Violation("name", "field.required"));
        } else if (draft.name().isBlank() || draft.name().length() > 200) {
            violations.add(new InvalidInputException.Violation("name", "field.text", 1, 200));
        }
        // Set.of(...).contains(null) throws, so a missing system is reported before the lookup.
        if (draft.sourceSystem() == null) {
            violations.add(new InvalidInputException.Violation("sourceSystem", "field.required"));
        } else if (!Systems.SOURCES.contains(draft.sourceSystem())) {
            violations.add(new InvalidInputException.Violation("sourceSystem", "field.oneOf", Systems.SOURCES));
        }
        if (draft.ledgerSystem() == null) {
            violations.add(new InvalidInputException.Violation("ledgerSystem", "field.required"));
        } else if (!Systems.LEDGERS.contains(draft.ledgerSystem())) {
            violations.add(new InvalidInputException.Violation("ledgerSystem", "field.oneOf", Systems.LEDGERS));
        }
        List<String> flows = draft.flows() == null ? List.of() : draft.flows();
        ObjectNode settings;
        try {
            settings = validator.validate(draft.sourceSystem(), draft.ledgerSystem(), flows, draft.settings());
        } catch (InvalidInputException e) {
            violations.addAll(e.violations());
            settings = null;
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        c.name = draft.name().strip();
        c.sourceSystem = draft.sourceSystem();
        c.ledgerSystem = draft.ledgerSystem();
        c.flows = String.join(",", flows);
        c.settings = settings.toString();
        if (draft.credentials() != null) {
            c.credentials = seal(c, draft.credentials());
        }
        c.updatedAt = clock.instant();
    }

    private String seal(ConnectionEntity c, Map<String, String> credentials) {
        try {
            return secrets.seal(json.writeValueAsString(credentials), c.id.toString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
