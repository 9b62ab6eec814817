package dev.ponte.engine;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/**
 * The identity map of one connection: which source record is which ledger record, and for each side the
 * fingerprint of the synced fields and the remote version Ponte last saw or wrote (echo suppression, DESIGN §4).
 */
@Entity
public class RecordLink extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public UUID connectionId;
    public String entityType;
    public String sourceId;
    public String ledgerId;
    public String sourceFingerprint;
    public String ledgerFingerprint;
    public String sourceVersion;
    public String ledgerVersion;
    public String claimedBy;
    /** The canonical field values both sides held after the last two-way sync (JSON), for field-level merge. */
    public String snapshot;
    public Instant createdAt;
    public Instant updatedAt;
}
