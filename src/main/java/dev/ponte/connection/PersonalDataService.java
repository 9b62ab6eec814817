package dev.ponte.connection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponte.engine.JobService;
import dev.ponte.engine.PersonalRows;
import dev.ponte.engine.PersonalRows.Counts;
import dev.ponte.engine.PersonalRows.Found;
import dev.ponte.engine.PersonalRows.Traces;
import dev.ponte.engine.RecordService;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@link PersonalData} over the engine's tables, each request in one transaction: for an operator, only on a
 * connection of their tenant (another tenant's does not exist for them); for a verified source webhook, on the
 * connection it was delivered to. A redaction leaves an audit line in the connection's history (subject
 * {@value #AUDIT_SUBJECT}) with what was changed and never whom.
 */
@ApplicationScoped
public class PersonalDataService implements PersonalData {

    /** The history subject of the audit lines. */
    public static final String AUDIT_SUBJECT = "privacy";
    /** Settings that name a person of the account (the user who activated the connection). */
    private static final List<String> PERSONAL_SETTINGS = List.of("activatedBy");
    private static final int MAX_LENGTH = 200;
    /** Records per request: a shop lists a customer's orders; a longer list is sent in parts. */
    private static final int MAX_SUBJECTS = 500;

    private final ConnectionService connections;
    private final PersonalRows rows;
    private final RecordService records;
    private final JobService jobs;
    private final ObjectMapper json;
    private final Clock clock;

    PersonalDataService(ConnectionService connections, PersonalRows rows, RecordService records, JobService jobs,
            ObjectMapper json, Clock clock) {
        this.connections = connections;
        this.rows = rows;
        this.records = records;
        this.jobs = jobs;
        this.json = json;
        this.clock = clock;
    }

    // ---- for a tenant's operator --------------------------------------------------------------------------------

    @Transactional
    public Redaction redact(UUID tenantId, UUID connectionId, DataSubject subject) {
        connections.get(tenantId, connectionId);
        return redact(connectionId, subject);
    }

    @Transactional
    public SubjectData find(UUID tenantId, UUID connectionId, DataSubject subject) {
        connections.get(tenantId, connectionId);
        return find(connectionId, subject);
    }

    @Transactional
    public Redaction forgetConnection(UUID tenantId, UUID connectionId) {
        connections.get(tenantId, connectionId);
        return forgetConnection(connectionId);
    }

    // ---- PersonalData -------------------------------------------------------------------------------------------

    @Override
    @Transactional
    public Redaction redact(UUID connectionId, DataSubject subject) {
        existing(connectionId);
        validate(subject);
        Traces traces = traces(subject);
        Redaction done = redaction(rows.redact(connectionId, traces));
        audit(connectionId, "privacy.redact", "personal data of one person removed on request: " + summary(done));
        Log.infof("Connection %s: personal data of one person redacted (%d rows)", connectionId, done.total());
        // A job running now may still write the person's data as it ends: removed again once it has.
        jobs.afterRunning(connectionId, () -> QuarkusTransaction.requiringNew().run(() -> {
            Redaction again = redaction(rows.redact(connectionId, traces));
            if (again.total() > 0) {
                audit(connectionId, "privacy.redact", "personal data of one person written by jobs running during "
                        + "the request removed too: " + summary(again));
                Log.infof("Connection %s: personal data of one person redacted again after its running jobs ended "
                        + "(%d rows)", connectionId, again.total());
            }
        }));
        return done;
    }

    @Override
    @Transactional
    public SubjectData find(UUID connectionId, DataSubject subject) {
        existing(connectionId);
        validate(subject);
        Found found = rows.find(connectionId, traces(subject));
        return new SubjectData(held(found.history()), held(found.jobs()), held(found.links()),
                held(found.matches()), held(found.runs()));
    }

    /**
     * Also switches the connection off (its waiting jobs are skipped) and removes its credentials and the settings
     * that name a person: a store that asked to be forgotten is not synced again until connected anew.
     */
    @Override
    @Transactional
    public Redaction forgetConnection(UUID connectionId) {
        ConnectionEntity c = existing(connectionId);
        Redaction done = redaction(rows.forget(connectionId));
        c.credentials = null;
        c.status = ConnectionStatus.DISABLED;
        c.settings = withoutPersonalSettings(c.settings);
        c.updatedAt = clock.instant();
        jobs.pause(connectionId, JobService.FORGOTTEN);
        // A job that ends before this commits is not seen by the engine as one of a forgotten connection: what it
        // wrote is forgotten once this has committed (what jobs ending later write, by the engine).
        jobs.afterCommit(() -> QuarkusTransaction.requiringNew().run(() -> rows.forget(connectionId)));
        audit(connectionId, "privacy.forget", "the connection's personal data and credentials removed on request: "
                + summary(done));
        Log.infof("Connection %s: personal data forgotten (%d rows)", connectionId, done.total());
        return done;
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static ConnectionEntity existing(UUID connectionId) {
        ConnectionEntity c = connectionId == null ? null : ConnectionEntity.findById(connectionId);
        if (c == null) {
            throw new NotFoundException("connection");
        }
        return c;
    }

    /** At least one identifier, each one specific enough not to match everyone (a name of 3+ letters, 6+ digits). */
    static void validate(DataSubject subject) {
        List<InvalidInputException.Violation> errors = new ArrayList<>();
        if (subject == null) {
            throw new InvalidInputException("body", "field.required");
        }
        boolean any = false;
        any |= check(errors, "sourceCustomerId", subject.sourceCustomerId(), 1);
        any |= check(errors, "email", subject.email(), 3);
        any |= check(errors, "name", subject.name(), 3);
        if (subject.email() != null && !subject.email().isBlank() && !subject.email().contains("@")) {
            errors.add(new InvalidInputException.Violation("email", "privacy.email"));
        }
        if (subject.taxId() != null && !subject.taxId().isBlank()) {
            any = true;
            if (subject.taxId().replaceAll("[^\\p{L}\\p{N}]", "").length() < 6) {
                errors.add(new InvalidInputException.Violation("taxId", "privacy.digits", 6));
            } else {
                check(errors, "taxId", subject.taxId(), 6);
            }
        }
        if (subject.phone() != null && !subject.phone().isBlank()) {
            any = true;
            boolean shortOne = java.util.Arrays.stream(subject.phone().split("[,;]"))
                    .anyMatch(p -> p.replaceAll("\\D", "").length() < 6);
            if (shortOne) {
                errors.add(new InvalidInputException.Violation("phone", "privacy.digits", 6));
            } else {
                check(errors, "phone", subject.phone(), 6);
            }
        }
        List<String> subjects = subject.recordSubjects();
        if (subjects.size() > MAX_SUBJECTS) {
            errors.add(new InvalidInputException.Violation("recordSubjects", "privacy.tooMany", MAX_SUBJECTS));
        }
        for (int i = 0; i < subjects.size() && i < MAX_SUBJECTS; i++) {
            String s = subjects.get(i);
            if (s == null || s.isBlank() || s.length() > MAX_LENGTH) {
                errors.add(new InvalidInputException.Violation("recordSubjects[" + i + "]", "field.text", 1,
                        MAX_LENGTH));
            } else {
                any = true;
            }
        }
        if (!any && errors.isEmpty()) {
            for (String field : List.of("sourceCustomerId", "recordSubjects", "email", "taxId", "name", "phone")) {
                errors.add(new InvalidInputException.Violation(field, "privacy.identifier"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** Whether the value is given; a value given but too short or too long is an error. */
    private static boolean check(List<InvalidInputException.Violation> errors, String field, String value, int min) {
        if (value == null || value.isBlank()) {
            return false;
        }
        if (value.strip().length() < min || value.length() > MAX_LENGTH) {
            errors.add(new InvalidInputException.Violation(field, "field.text", min, MAX_LENGTH));
        }
        return true;
    }

    private static Traces traces(DataSubject s) {
        return Traces.of(s.sourceCustomerId(), s.recordSubjects(), s.email(), s.taxId(), s.name(), s.phone());
    }

    private static Redaction redaction(Counts counts) {
        return new Redaction(counts.history(), counts.jobs(), counts.links(), counts.matches(), counts.runs());
    }

    private static List<Held> held(List<PersonalRows.Row> found) {
        return found.stream().map(r -> new Held(r.id(), r.subject(), r.at(), r.content())).toList();
    }

    private void audit(UUID connectionId, String action, String message) {
        records.record(connectionId, AUDIT_SUBJECT, null, action, "SUCCEEDED", message, null);
    }

    private static String summary(Redaction r) {
        return r.historyLines() + " history lines, " + r.jobs() + " jobs, " + r.links() + " links, " + r.matches()
                + " match keys, " + r.runs() + " runs changed";
    }

    private String withoutPersonalSettings(String settings) {
        try {
            ObjectNode node = (ObjectNode) json.readTree(settings);
            node.remove(PERSONAL_SETTINGS);
            return json.writeValueAsString(node);
        } catch (JsonProcessingException | ClassCastException e) {
            return settings;
        }
    }
}
