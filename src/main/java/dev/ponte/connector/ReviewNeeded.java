package dev.ponte.connector;

import java.util.List;

/**
 * Ponte will not guess between equally good candidates (R60): the job waits, with them, in its connection's review
 * list until a person picks one of them, or a new record, for {@code field}. Nothing was written for this choice.
 */
public final class ReviewNeeded extends SyncFailure {

    private final String field;
    private final List<Candidate> candidates;

    public ReviewNeeded(String message, String field, List<Candidate> candidates) {
        super(message, null);
        this.field = field;
        this.candidates = List.copyOf(candidates);
    }

    public String field() {
        return field;
    }

    public List<Candidate> candidates() {
        return candidates;
    }

    /** A record a person may choose: its id in the ledger, its name and its document as the history shows it. */
    public record Candidate(String id, String name, String document) {
    }
}
