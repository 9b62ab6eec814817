package dev.ponte.connection;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What Ponte holds about one person of a connection's source, found and removed on request (LGPD/GDPR). Callers that
 * act for a tenant check the connection is theirs first ({@link ConnectionService#find}); a verified source webhook
 * (a shop's privacy request) names its connection by its own URL. Each call is one transaction, and a redaction leaves
 * an audit line in the connection's history that names no personal data.
 */
public interface PersonalData {

    /** Removes or anonymises everything Ponte holds about the subject in this connection; answers what was changed. */
    Redaction redact(UUID connectionId, DataSubject subject);

    /** What Ponte holds about the subject (for a data request), without changing it. */
    SubjectData find(UUID connectionId, DataSubject subject);

    /**
     * Removes the connection's stored personal data altogether (a store asked to be forgotten), keeping what prevents
     * duplicates (links from source records to ledger records, match keys as one-way digests).
     */
    Redaction forgetConnection(UUID connectionId);

    /**
     * The person: their id in the source, the source records (job/history subjects, e.g. {@code "<system>:order:123"})
     * that concern them, and identifiers to find them by ({@code phone}: one or more, separated by commas). Any may
     * be null or empty, but not all.
     */
    record DataSubject(String sourceCustomerId, List<String> recordSubjects, String email, String taxId, String name,
            String phone) {
        public DataSubject {
            // Not List.copyOf: a null entry is the caller's mistake to be told about (validation), not a crash.
            recordSubjects = recordSubjects == null ? List.of()
                    : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(recordSubjects));
        }
    }

    /**
     * How many stored rows were changed or deleted, per kind (history lines, jobs, links, match keys, runs). A
     * webhook's delivery is kept as its job, so it is counted there.
     */
    record Redaction(int historyLines, int jobs, int links, int matches, int runs) {
        public int total() {
            return historyLines + jobs + links + matches + runs;
        }
    }

    /** What Ponte holds about the subject, per kind, each entry as a person could read it. */
    record SubjectData(List<Held> historyLines, List<Held> jobs, List<Held> links, List<Held> matches, List<Held> runs) {
    }

    /**
     * One stored row that concerns the subject: its id, the source record it is about (when it has one), when it was
     * written, and its content (a history message, a job's payload and last error, a link's stored fields).
     */
    record Held(String id, String recordSubject, Instant at, String content) {
    }
}
