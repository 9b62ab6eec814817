package dev.ponte.engine;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Links, match keys, history and cursors of a connection ({@link Records}): flows write them through that interface,
 * the API reads links and history page by page.
 */
@ApplicationScoped
public class RecordService implements Records {

    private final Clock clock;
    private final MatchKeyDigest digest;

    RecordService(Clock clock, MatchKeyDigest digest) {
        this.clock = clock;
        this.digest = digest;
    }

    @Override
    @Transactional
    public void record(UUID connectionId, String subject, Long jobId, String action, String outcome, String message,
            String details) {
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
    }

    // --- identity links ---

    @Override
    @Transactional
    public Optional<Link> linkBySource(UUID connectionId, String entityType, String sourceId) {
        return entity(connectionId, entityType, sourceId).map(Link::of);
    }

    private static Optional<RecordLink> entity(UUID connectionId, String entityType, String sourceId) {
        return RecordLink.find("connectionId = ?1 and entityType = ?2 and sourceId = ?3", connectionId, entityType,
                sourceId).firstResultOptional();
    }

    @Override
    @Transactional
    public List<Link> linksByLedgerIds(UUID connectionId, String entityType, Collection<String> ledgerIds) {
        return ledgerIds.isEmpty() ? List.of() : RecordLink.<RecordLink>list("connectionId = ?1 and entityType = ?2"
                + " and ledgerId in ?3", connectionId, entityType, ledgerIds).stream().map(Link::of).toList();
    }

    @Override
    @Transactional
    public List<Link> linksBySourceIds(UUID connectionId, String entityType, Collection<String> sourceIds) {
        return sourceIds.isEmpty() ? List.of() : RecordLink.<RecordLink>list("connectionId = ?1 and entityType = ?2"
                + " and sourceId in ?3", connectionId, entityType, sourceIds).stream().map(Link::of).toList();
    }

    @Override
    public Claim claim(UUID connectionId, String entityType, String sourceId, String owner, Duration staleAfter) {
        return claim(new LinkClaims(connectionId, entityType, sourceId), owner, staleAfter);
    }

    @Override
    @Transactional
    public void release(UUID connectionId, String entityType, String sourceId, String owner) {
        RecordLink.delete("connectionId = ?1 and entityType = ?2 and sourceId = ?3 and claimedBy = ?4"
                + " and ledgerId is null", connectionId, entityType, sourceId, owner);
    }

    @Override
    @Transactional
    public void link(UUID connectionId, String entityType, String sourceId, String ledgerId) {
        pair(connectionId, entityType, sourceId, ledgerId, null, null, null, null, null);
    }

    @Override
    @Transactional
    public void pair(UUID connectionId, String entityType, String sourceId, String ledgerId, String sourceFingerprint,
            String ledgerFingerprint, String sourceVersion, String ledgerVersion, String snapshot) {
        RecordLink link = entity(connectionId, entityType, sourceId).orElseGet(() -> {
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
    }

    // --- match keys ---

    @Override
    @Transactional
    public Optional<String> matched(UUID connectionId, String entityType, String key) {
        return match(connectionId, entityType, key).map(m -> m.ledgerId);
    }

    @Override
    @Transactional
    public boolean matchClaimed(UUID connectionId, String entityType, String key) {
        return match(connectionId, entityType, key).filter(m -> m.ledgerId == null).isPresent();
    }

    /**
     * The row of a match key, as typed or (once its personal data was redacted, see {@link PersonalRows}) as its
     * one-way digest: a redacted customer's next deal still finds its ledger customer.
     */
    private Optional<RecordMatch> match(UUID connectionId, String entityType, String key) {
        return RecordMatch.find("connectionId = ?1 and entityType = ?2 and matchKey in ?3 order by id", connectionId,
                entityType, List.of(key, digest.of(connectionId, entityType, key))).firstResultOptional();
    }

    @Override
    public Claim claimMatch(UUID connectionId, String entityType, String key, String owner, Duration staleAfter) {
        return claim(new MatchClaims(this, connectionId, entityType, key), owner, staleAfter);
    }

    @Override
    @Transactional
    public void releaseMatch(UUID connectionId, String entityType, String key, String owner) {
        RecordMatch.delete("connectionId = ?1 and entityType = ?2 and matchKey in ?3 and claimedBy = ?4"
                + " and ledgerId is null", connectionId, entityType,
                List.of(key, digest.of(connectionId, entityType, key)), owner);
    }

    @Override
    @Transactional
    public void match(UUID connectionId, String entityType, String key, String ledgerId) {
        RecordMatch match = match(connectionId, entityType, key).orElseGet(() -> {
            RecordMatch created = new RecordMatch();
            created.connectionId = connectionId;
            created.entityType = entityType;
            created.matchKey = key;
            created.createdAt = clock.instant();
            return created;
        });
        match.ledgerId = ledgerId;
        match.claimedBy = null;
        match.updatedAt = clock.instant();
        match.persist();
    }

    // --- claims, on links and match keys alike ---

    /** What a claim needs of the table it is made in: the row's state, a reservation, and a take-over. */
    private interface Claims {

        /** The row of the key: its ledger id, claimer, last change and id; empty when there is none. */
        Optional<Row> find();

        /** Inserts a reservation of {@code owner}'s; fails (unique key) when another was faster. */
        void reserve(String owner, Instant now);

        /** Takes a stale claim over; answers the rows changed (0 when another took it first). */
        int takeOver(Row row, String owner, Instant now);
    }

    private record Row(long id, String ledgerId, String claimedBy, Instant updatedAt) {
    }

    private Claim claim(Claims claims, String owner, Duration staleAfter) {
        Optional<Row> existing = tx(claims::find);
        if (existing.isPresent()) {
            return claimOf(claims, existing.get(), owner, staleAfter);
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> claims.reserve(owner, clock.instant()));
            return Claim.ofReserved(true);
        } catch (PersistenceException e) {
            return tx(claims::find).map(row -> claimOf(claims, row, owner, staleAfter)).orElse(Claim.ofTaken());
        }
    }

    private Claim claimOf(Claims claims, Row row, String owner, Duration staleAfter) {
        if (row.ledgerId() != null) {
            return Claim.ofLinked(row.ledgerId());
        }
        if (owner.equals(row.claimedBy())) {
            return Claim.ofReserved(false);
        }
        if (row.updatedAt().isBefore(clock.instant().minus(staleAfter))) {
            int taken = QuarkusTransaction.requiringNew().call(() -> claims.takeOver(row, owner, clock.instant()));
            return taken == 1 ? Claim.ofReserved(false) : Claim.ofTaken();
        }
        return Claim.ofTaken();
    }

    private static <T> T tx(Supplier<T> work) {
        return QuarkusTransaction.joiningExisting().call(work::get);
    }

    private record LinkClaims(UUID connectionId, String entityType, String sourceId) implements Claims {

        @Override
        public Optional<Row> find() {
            return entity(connectionId, entityType, sourceId)
                    .map(l -> new Row(l.id, l.ledgerId, l.claimedBy, l.updatedAt));
        }

        @Override
        public void reserve(String owner, Instant now) {
            RecordLink reservation = new RecordLink();
            reservation.connectionId = connectionId;
            reservation.entityType = entityType;
            reservation.sourceId = sourceId;
            reservation.claimedBy = owner;
            reservation.createdAt = now;
            reservation.updatedAt = now;
            reservation.persist();
        }

        @Override
        public int takeOver(Row row, String owner, Instant now) {
            return RecordLink.update("updatedAt = ?1, claimedBy = ?2 where id = ?3 and updatedAt = ?4"
                    + " and ledgerId is null", now, owner, row.id(), row.updatedAt());
        }
    }

    private record MatchClaims(RecordService records, UUID connectionId, String entityType, String key)
            implements Claims {

        @Override
        public Optional<Row> find() {
            return records.match(connectionId, entityType, key)
                    .map(m -> new Row(m.id, m.ledgerId, m.claimedBy, m.updatedAt));
        }

        @Override
        public void reserve(String owner, Instant now) {
            RecordMatch reservation = new RecordMatch();
            reservation.connectionId = connectionId;
            reservation.entityType = entityType;
            reservation.matchKey = key;
            reservation.claimedBy = owner;
            reservation.createdAt = now;
            reservation.updatedAt = now;
            reservation.persist();
        }

        @Override
        public int takeOver(Row row, String owner, Instant now) {
            return RecordMatch.update("updatedAt = ?1, claimedBy = ?2 where id = ?3 and updatedAt = ?4"
                    + " and ledgerId is null", now, owner, row.id(), row.updatedAt());
        }
    }

    // --- cursors ---

    @Override
    @Transactional
    public Optional<String> cursor(UUID connectionId, String name) {
        return Optional.ofNullable(SyncCursor.<SyncCursor>findById(new SyncCursor.Key(connectionId, name)))
                .map(c -> c.position);
    }

    @Override
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

    // --- for the API ---

    @Transactional
    public Page<HistoryEntry> history(UUID connectionId, String subject, int page, int size) {
        PanacheQuery<HistoryEntry> query = subject == null
                ? HistoryEntry.find("connectionId", Sort.descending("id"), connectionId)
                : HistoryEntry.find("connectionId = ?1 and subject = ?2", Sort.descending("id"), connectionId, subject);
        return Page.of(query, page, size);
    }

    @Transactional
    public Page<RecordLink> links(UUID connectionId, String entityType, int page, int size) {
        PanacheQuery<RecordLink> query = entityType == null
                ? RecordLink.find("connectionId", Sort.descending("id"), connectionId)
                : RecordLink.find("connectionId = ?1 and entityType = ?2", Sort.descending("id"), connectionId,
                        entityType);
        return Page.of(query, page, size);
    }
}
