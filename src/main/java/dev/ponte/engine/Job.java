package dev.ponte.engine;

import java.time.Instant;
import java.util.UUID;

/**
 * A durable unit of work: one row of the {@code job} table. {@code postponements} counts the times in a row it was
 * told to wait ({@link dev.ponte.connector.Postponed}), which cost no attempt.
 */
public record Job(long id, UUID connectionId, String kind, String subject, String idempotencyKey, String payload,
        JobStatus status, int attempts, int maxAttempts, Instant runAt, String leaseOwner, Instant leaseUntil,
        String reason, String lastError, Instant createdAt, Instant startedAt, Instant finishedAt,
        int postponements) {
}
