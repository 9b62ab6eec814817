package dev.ponte.connection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponte.connector.Connector;
import dev.ponte.connector.Connector.Side;
import dev.ponte.engine.CredentialsRefused;
import dev.ponte.engine.JobService;
import dev.ponte.engine.PersonalRows;
import dev.ponte.engine.ScheduleSource;
import dev.ponte.flow.Reconciler;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Connections of a tenant: create, change, switch on and off, and the credentials a connector needs. Another
 * tenant's connection does not exist for a caller. Disabling pauses the connection's queued jobs and keeps its
 * history; credentials that stop working set it to NEEDS_RECONNECT until new ones are given.
 */
@ApplicationScoped
public class ConnectionService implements ScheduleSource {

    /** The value of a {@code schedule.<name>} setting that switches that schedule off. */
    public static final String OFF = "off";
    static final String INCREMENTAL = "schedule.incremental";
    /** The setting that names the user who activated the connection (R11), as flows that pick a seller declare it. */
    public static final String ACTIVATED_BY = "activatedBy";

    private final SettingsValidator validator;
    private final ConnectorRegistry registry;
    private final SecretBox secrets;
    private static final SecureRandom NONCES = new SecureRandom();

    private final JobService jobs;
    private final PersonalRows personalRows;
    private final ObjectMapper json;
    private final Clock clock;
    private final Set<String> incrementalFlows;
    private final String defaultIncremental;

    ConnectionService(SettingsValidator validator, ConnectorRegistry registry, SecretBox secrets, JobService jobs,
            PersonalRows personalRows, ObjectMapper json, Clock clock,
            Instance<Reconciler> reconcilers,
            @ConfigProperty(name = "ponte.schedules.incremental", defaultValue = "0 */5 * * * ?")
            String defaultIncremental) {
        this.validator = validator;
        this.registry = registry;
        this.personalRows = personalRows;
        this.secrets = secrets;
        this.jobs = jobs;
        this.json = json;
        this.clock = clock;
        this.incrementalFlows = reconcilers.stream().filter(r -> r.modes().contains("incremental"))
                .flatMap(r -> r.flows().stream()).collect(Collectors.toUnmodifiableSet());
        this.defaultIncremental = defaultIncremental;
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

    /**
     * R11: records the user who consented to the connection's OAuth2 grant as its {@value #ACTIVATED_BY} setting,
     * unless a person set one already (theirs wins, and a later consent by someone else changes nothing), and only
     * where one of its flows declares that setting (so the stored settings stay valid for its flows).
     */
    @Transactional
    public void recordActivatedBy(UUID id, String name) {
        ConnectionEntity c = byId(id);
        JsonNode settings = settings(c);
        JsonNode current = settings.get(ACTIVATED_BY);
        if (current != null && current.isTextual() && !current.asText().isBlank()) {
            return;
        }
        if (!declaresActivatedBy(flows(c)) || !settings.isObject()) {
            return;
        }
        ((ObjectNode) settings).put(ACTIVATED_BY, name);
        c.settings = settings.toString();
        c.updatedAt = clock.instant();
        Log.infof("Connection %s: who activated it is now recorded from the OAuth2 consent (R11)", c.id);
    }

    private boolean declaresActivatedBy(List<String> flows) {
        return flows.stream().map(validator.flows()::get).filter(Objects::nonNull)
                .anyMatch(flow -> flow.settings().stream().anyMatch(s -> ACTIVATED_BY.equals(s.name())));
    }

    /**
     * R11: who activated the connection was recorded by Ponte (from the OAuth2 consent) or typed once; an edit that
     * leaves the setting out keeps it, so a PUT of the other settings does not silently take the seller off every
     * later sale. Sending it, blank too, sets it.
     */
    private void keepActivatedBy(ConnectionEntity c, List<String> flows, ObjectNode settings) {
        if (c.settings == null || settings.has(ACTIVATED_BY) || !declaresActivatedBy(flows)) {
            return;
        }
        JsonNode kept = settings(c).get(ACTIVATED_BY);
        if (kept != null && kept.isTextual() && !kept.asText().isBlank()) {
            settings.put(ACTIVATED_BY, kept.asText());
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

    /** Every tenant's connections whose source is {@code system}: for a delivery to that system's app address. */
    @Transactional
    public List<UUID> idsWithSource(String system) {
        return ConnectionEntity.<ConnectionEntity>stream("sourceSystem", system).map(c -> c.id).toList();
    }

    /**
     * Its jobs stop and its rows (history, jobs, links, match keys, runs) lose what names a person, as a forget
     * request does: once the connection is gone nobody could read or redact them, so none may be kept.
     */
    @Transactional
    public void delete(UUID tenantId, UUID id) {
        ConnectionEntity c = get(tenantId, id);
        jobs.pause(c.id, JobService.FORGOTTEN);
        personalRows.forget(c.id);
        UUID forgotten = c.id;
        jobs.afterCommit(() -> QuarkusTransaction.requiringNew().run(() -> personalRows.forget(forgotten)));
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
        return c == null || c.credentials == null ? Map.of() : credentials(c);
    }

    private Map<String, String> credentials(ConnectionEntity c) {
        try {
            return json.readValue(secrets.open(c.credentials, c.id.toString()), json.getTypeFactory()
                    .constructMapType(Map.class, String.class, String.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored credentials of connection " + c.id + " are unreadable", e);
        }
    }

    /**
     * Stores these credential keys in a transaction of its own, committed before this returns: a connector that
     * rotates a refresh token stores the new one before it uses it (R64). Every other stored key is kept: a
     * connection's source and ledger keep their credentials in one map, and one side's token refresh must never drop
     * the other side's token or the webhook secret. The row is locked while merging, so two sides storing at once do
     * not undo each other. Answers every stored key.
     */
    /** Starts a consent for this side: its new one-time nonce replaces any pending one. */
    String pendingConsent(UUID id, Side side) {
        byte[] bytes = new byte[18];
        NONCES.nextBytes(bytes);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        QuarkusTransaction.requiringNew().run(() -> ConnectionEntity.update(nonceField(side) + " = ?1 where id = ?2",
                nonce, id));
        return nonce;
    }

    /** Takes the pending consent's nonce: true once, for the nonce of the side's latest consent. */
    boolean consentTaken(UUID id, Side side, String nonce) {
        return QuarkusTransaction.requiringNew().call(() -> ConnectionEntity.update(nonceField(side) + " = null"
                + " where id = ?1 and " + nonceField(side) + " = ?2", id, nonce)) == 1;
    }

    private static String nonceField(Side side) {
        return side == Side.SOURCE ? "oauthNonceSource" : "oauthNonceLedger";
    }

    public Map<String, String> storeCredentials(UUID id, Map<String, String> credentials) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ConnectionEntity c = ConnectionEntity.findById(id, LockModeType.PESSIMISTIC_WRITE);
            if (c == null) {
                throw new NotFoundException("connection");
            }
            Map<String, String> all = merged(c, credentials);
            c.credentials = seal(c, all);
            return Map.copyOf(all);
        });
    }

    /** The stored credentials with {@code changes} applied: a key given replaces the stored one, a null removes it. */
    private Map<String, String> merged(ConnectionEntity c, Map<String, String> changes) {
        Map<String, String> all = new HashMap<>(c.credentials == null ? Map.of() : credentials(c));
        changes.forEach((key, value) -> {
            if (value == null) {
                all.remove(key);
            } else {
                all.put(key, value);
            }
        });
        return all;
    }

    /**
     * The source revoked Ponte's access (a shop app uninstalled): an active connection needs reconnecting and its jobs
     * are paused, kept until it is reconnected (R16).
     */
    @Transactional
    public void sourceDisconnected(UUID id) {
        ConnectionEntity c = byId(id);
        jobs.pause(c.id, "credentials refused");
        if (c.status == ConnectionStatus.ACTIVE) {
            c.status = ConnectionStatus.NEEDS_RECONNECT;
            c.updatedAt = clock.instant();
            Log.infof("Connection %s: its source revoked Ponte's access; it needs reconnecting", c.id);
        }
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

    /**
     * The schedules of every active connection: its {@code schedule.<name>} settings, and an incremental
     * reconciliation by default ({@code ponte.schedules.incremental}, every five minutes) when one of its flows takes
     * part in it, so a webhook missed or refused is caught within minutes (R18) without anyone configuring it. A
     * setting of {@value #OFF} switches a schedule off.
     */
    @Override
    @Transactional
    public List<ConnectionSchedule> activeSchedules() {
        List<ConnectionSchedule> schedules = new ArrayList<>();
        for (ConnectionEntity c : ConnectionEntity.<ConnectionEntity>list("status", ConnectionStatus.ACTIVE)) {
            JsonNode settings = settings(c);
            settings.fields().forEachRemaining(e -> {
                if (e.getKey().startsWith("schedule.") && e.getValue().isTextual() && !OFF.equals(e.getValue().asText())) {
                    schedules.add(new ConnectionSchedule(c.id, e.getKey().substring("schedule.".length()),
                            e.getValue().asText()));
                }
            });
            if (!settings.has(INCREMENTAL) && !OFF.equals(defaultIncremental)
                    && flows(c).stream().anyMatch(incrementalFlows::contains)) {
                schedules.add(new ConnectionSchedule(c.id, "incremental", defaultIncremental));
            }
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
        Optional<Connector> source = registry.find(draft.sourceSystem(), Side.SOURCE);
        Optional<Connector> ledger = registry.find(draft.ledgerSystem(), Side.LEDGER);
        if (draft.sourceSystem() == null) {
            violations.add(new InvalidInputException.Violation("sourceSystem", "field.required"));
        } else if (source.isEmpty()) {
            violations.add(new InvalidInputException.Violation("sourceSystem", "field.oneOf",
                    registry.systems(Side.SOURCE)));
        }
        if (draft.ledgerSystem() == null) {
            violations.add(new InvalidInputException.Violation("ledgerSystem", "field.required"));
        } else if (ledger.isEmpty()) {
            violations.add(new InvalidInputException.Violation("ledgerSystem", "field.oneOf",
                    registry.systems(Side.LEDGER)));
        }
        if (draft.credentials() != null) {
            Stream.of(source, ledger).flatMap(Optional::stream).flatMap(k -> k.credentialFields().stream())
                    .filter(f -> f.minLength() > 0).forEach(f -> {
                        String value = draft.credentials().get(f.name());
                        if (value != null && value.strip().length() < f.minLength()) {
                            violations.add(new InvalidInputException.Violation("credentials." + f.name(),
                                    "field.minText", f.minLength()));
                        }
                    });
        }
        List<String> flows = draft.flows() == null ? List.of() : draft.flows();
        ObjectNode settings;
        try {
            settings = validator.validate(source.orElse(null), ledger.orElse(null), flows, draft.settings());
        } catch (InvalidInputException e) {
            violations.addAll(e.violations());
            settings = null;
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        keepActivatedBy(c, flows, settings);
        c.name = draft.name().strip();
        c.sourceSystem = draft.sourceSystem();
        c.ledgerSystem = draft.ledgerSystem();
        c.flows = String.join(",", flows);
        c.settings = settings.toString();
        if (draft.credentials() != null) {
            // Merged like a connector's: the caller sends the keys it knows (an API token), never the OAuth tokens.
            c.credentials = seal(c, merged(c, draft.credentials()));
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
