package dev.ponte.engine;

/**
 * A link as flows see it: which source record is which ledger record ({@code ledgerId} null while a job claims the
 * right to create it), each side's fingerprint and version last seen or written, and the agreed snapshot (two-way).
 */
public record Link(long id, String sourceId, String ledgerId, String sourceFingerprint, String ledgerFingerprint,
        String sourceVersion, String ledgerVersion, String snapshot) {

    static Link of(RecordLink entity) {
        return new Link(entity.id, entity.sourceId, entity.ledgerId, entity.sourceFingerprint, entity.ledgerFingerprint,
                entity.sourceVersion, entity.ledgerVersion, entity.snapshot);
    }
}
