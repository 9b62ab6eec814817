package dev.ponte.flow;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;

/**
 * An explicit, opt-in range of the past (R2, R61): the deals won (orders paid) from {@code from} (inclusive) to
 * {@code to} (exclusive) are synced — or, in a dry run, previewed — although they were won before the connection's
 * activation. A backfill job carries its range, so it is captured by the range instead of the activation rule.
 */
public record Backfill(Instant from, Instant to) {

    public boolean covers(Instant time) {
        return time != null && !time.isBefore(from) && time.isBefore(to);
    }

    /** The job payload's field that holds the range. */
    static final String FIELD = "backfill";

    public String json() {
        return "\"" + FIELD + "\":{\"from\":\"" + from + "\",\"to\":\"" + to + "\"}";
    }

    /** The range a job's payload carries; empty for a job of a webhook or a reconciliation. */
    static Optional<Backfill> of(JsonNode payload) {
        JsonNode range = payload.path(FIELD);
        return range.isObject() ? Optional.of(new Backfill(Instant.parse(range.path("from").asText()),
                Instant.parse(range.path("to").asText()))) : Optional.empty();
    }

    @Override
    public String toString() {
        return from + " to " + to;
    }
}
