package dev.ponte.engine;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.time.Instant;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** Links and history of a connection: flows write them, the API reads them page by page. */
@ApplicationScoped
public class RecordService {

    private final Clock clock;

    RecordService(Clock clock) {
        this.clock = clock;
    }

    /** Appends a line to a record's history, in the caller's transaction if there is one. */
    @Transactional
    public HistoryEntry record(UUID connectionId, String subject, Long jobId, String action, String outcome,
            String message, String details) {
        HistoryEntry entry = new HistoryEntry();
        entry.connectionId = connectionId;
        entry.subject = subject;
        entry.jobId = jobId;
        entry.action = action;
        entry.outcome = outcome;
        entry.message = message.length() > 2000 ? message.substring(0, 2000) : message;
        entry.details = details;
        entry.createdAt = clock.instant();
        entry.persist();
        return entry;
    }

    @Transactional
    public Optional<RecordLink> linkBySource(UUID connectionId, String entityType, String sourceId) {
        return RecordLink.find("connectionId = ?1 and entityType = ?2 and sourceId = ?3", connectionId, entityType,
                sourceId).firstResultOptional();
    }

    /**
     * Claims the right to create the ledger record for a source key (a CNPJ, a product code), so concurrent jobs
     * never create it twice: answers the ledger id when it is already linked, {@code RESERVED} when this caller
     * must find-or-create it and then {@link #link} it, or {@code BUSY} when another job holds a fresh claim.
     * A claim is {@code owner}'s (a job): the same job retrying takes its own claim again; a claim left by a
     * crashed job goes stale after {@code staleAfter} and is taken over. Only a reservation made {@link Claim#first()}
     * proves that no one tried to create the record before.
     */
    public Claim claim(UUID connectionId, String entityType, String key, String owner, Duration staleAfter) {
        Optional<RecordLink> existing = linkBySource(connectionId, entityType, key);
        if (existing.isPresent()) {
            return claimOf(existing.get(), owner, staleAfter);
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                RecordLink reservation = new RecordLink();
                reservation.connectionId = connectionId;
                reservation.entityType = entityType;
                reservation.sourceId = key;
                reservation.claimedBy = owner;
                reservation.createdAt = clock.instant();
                reservation.updatedAt = reservation.createdAt;
                reservation.persist();
            });
            return new Claim(null, true, true);
        } catch (PersistenceException e) {
            return linkBySource(connectionId, entityType, key).map(l -> claimOf(l, owner, staleAfter))
                    .orElse(Claim.ofTaken());
        }
    }

    private Claim claimOf(RecordLink link, String owner, Duration staleAfter) {
        if (link.ledgerId != null) {
            return Claim.ofLinked(link.ledgerId);
        }
        if (owner.equals(link.claimedBy)) {
            return Claim.ofReserved();
        }
        Instant stale = clock.instant().minus(staleAfter);
        if (link.updatedAt.isBefore(stale)) {
            int taken = QuarkusTransaction.requiringNew().call(() -> RecordLink.update(
                    "updatedAt = ?1, claimedBy = ?2 where id = ?3 and updatedAt = ?4 and ledgerId is null",
                    clock.instant(), owner, link.id, link.updatedAt));
            return taken == 1 ? Claim.ofReserved() : Claim.ofTaken();
        }
        return Claim.ofTaken();
    }

    /**
     * Gives up an unlinked claim of {@code owner}'s, when its attempt is known to have created nothing (the ledger
     * refused it), so that the next job need not wait for it to go stale.
     */
    @Transactional
    public void release(UUID connectionId, String entityType, String key, String owner) {
        RecordLink.delete("connectionId = ?1 and entityType = ?2 and sourceId = ?3 and claimedBy = ?4"
                + " and ledgerId is null", connectionId, entityType, key, owner);
    }

    /**
     * The outcome of {@link #claim}: linked to a ledger id, reserved for this caller, or busy elsewhere. A reservation
     * is {@code first} when no claim of the key existed before it: no earlier attempt can have created the record.
     */
    public record Claim(String ledgerId, boolean reserved, boolean first) {

        static Claim ofLinked(String ledgerId) {
            return new Claim(ledgerId, false, false);
        }

        static Claim ofReserved() {
            return new Claim(null, true, false);
        }

        static Claim ofTaken() {
            return new Claim(null, false, false);
        }

        public boolean busy() {
            return ledgerId == null && !reserved;
        }
    }

    @Transactional
    public Optional<String> cursor(UUID connectionId, String name) {
        return Optional.ofNullable(SyncCursor.<SyncCursor>findById(new SyncCursor.Key(connectionId, name)))
                .map(c -> c.position);
    }

    @Transactional
    public void moveCursor(UUID connectionId, String name, String position) {
        SyncCursor.Key key = new SyncCursor.Key(connectionId, name);
        SyncCursor cursor = SyncCursor.findById(key);
        if (cursor == null) {
            cursor = new SyncCursor();
            cursor.key = key;
        }
        cursor.position = position;
        cursor.updatedAt = clock.instant();
        cursor.persist();
    }

    /** Creates or updates the link of a source record. */
    @Transactional
    public RecordLink link(RecordLink values) {
        RecordLink link = linkBySource(values.connectionId, values.entityType, values.sourceId).orElseGet(() -> {
            RecordLink created = new RecordLink();
            created.connectionId = values.connectionId;
            created.entityType = values.entityType;
            created.sourceId = values.sourceId;
            created.createdAt = clock.instant();
            return created;
        });
        link.ledgerId = values.ledgerId;
        link.sourceFingerprint = values.sourceFingerprint;
        link.ledgerFingerprint = values.ledgerFingerprint;
        link.sourceVersion = values.sourceVersion;
        link.ledgerVersion = values.ledgerVersion;
        link.claimedBy = null;
        link.updatedAt = clock.instant();
        link.persist();
        return link;
    }

    /** The links of these ledger ids (one query; callers pass a page of ids). */
    @Transactional
    public java.util.List<RecordLink> linksByLedgerIds(UUID connectionId, String entityType,
            java.util.Collection<String> ledgerIds) {
        return ledgerIds.isEmpty() ? java.util.List.of()
                : RecordLink.list("connectionId = ?1 and entityType = ?2 and ledgerId in ?3", connectionId, entityType,
                        ledgerIds);
    }

    /** The links of these source ids (one query; callers pass a page of ids). */
    @Transactional
    public java.util.List<RecordLink> linksBySourceIds(UUID connectionId, String entityType,
            java.util.Collection<String> sourceIds) {
        return sourceIds.isEmpty() ? java.util.List.of()
                : RecordLink.list("connectionId = ?1 and entityType = ?2 and sourceId in ?3", connectionId, entityType,
                        sourceIds);
    }

    /**
     * Writes a two-way link in one statement pair: the pair of ids, both sides' fingerprints and versions, and the
     * agreed snapshot.
     */
    @Transactional
    public RecordLink pair(UUID connectionId, String entityType, String sourceId, String ledgerId,
            String sourceFingerprint, String ledgerFingerprint, String sourceVersion, String ledgerVersion,
            String snapshot) {
        RecordLink link = linkBySource(connectionId, entityType, sourceId).orElseGet(() -> {
            RecordLink created = new RecordLink();
            created.connectionId = connectionId;
            created.entityType = entityType;
            created.sourceId = sourceId;
            created.createdAt = clock.instant();
            return created;
        });
        link.ledgerId = ledgerId;
        link.sourceFingerprint = sourceFingerprint;
        link.ledgerFingerprint = ledgerFingerprint;
        link.sourceVersion = sourceVersion;
        link.ledgerVersion = ledgerVersion;
        link.snapshot = snapshot;
        link.claimedBy = null;
        link.updatedAt = clock.instant();
        link.persist();
        return link;
    }

    @Transactional
    public dev.ponte.engine.Page<HistoryEntry> history(UUID connectionId, String subject, int page, int size) {
        PanacheQuery<HistoryEntry> query = subject == null
                ? HistoryEntry.find("connectionId", Sort.descending("id"), connectionId)
                : HistoryEntry.find("connectionId = ?1 and subject = ?2", Sort.descending("id"), connectionId, subject);
        return page(query, page, size);
    }

    @Transactional
    public dev.ponte.engine.Page<RecordLink> links(UUID connectionId, String entityType, int page, int size) {
        PanacheQuery<RecordLink> query = entityType == null
                ? RecordLink.find("connectionId", Sort.descending("id"), connectionId)
                : RecordLink.find("connectionId = ?1 and entityType = ?2", Sort.descending("id"), connectionId,
                        entityType);
        return page(query, page, size);
    }

    private static <T> dev.ponte.engine.Page<T> page(PanacheQuery<T> query, int page, int size) {
        return Page.of(query, page, size);
    }
}
