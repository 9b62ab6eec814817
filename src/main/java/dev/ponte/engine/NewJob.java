package dev.ponte.engine;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A job to enqueue. The idempotency key is unique: enqueuing the same key again is a no-op, so a webhook
 * delivered five times is one job. {@code runAt} null means now.
 */
public record NewJob(UUID connectionId, String kind, String subject, String idempotencyKey, String payload,
        Instant runAt) {

    public NewJob {
        Objects.requireNonNull(connectionId, "connectionId");
        requireText(kind, "kind", 80);
        requireText(subject, "subject", 200);
        requireText(idempotencyKey, "idempotencyKey", 300);
    }

    public NewJob(UUID connectionId, String kind, String subject, String idempotencyKey, String payload) {
        this(connectionId, kind, subject, idempotencyKey, payload, null);
    }

    private static void requireText(String value, String name, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw new IllegalArgumentException(name + " must have 1 to " + max + " characters");
        }
    }
}
