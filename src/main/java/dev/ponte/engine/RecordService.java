package dev.ponte.engine;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Links, match keys, history and cursors of a connection ({@link Records}): flows write them through that interface,
 * the API reads links and history page by page.
 *
 * <p>A caller outside any transaction (a job's handler, as the engine runs it) is served by single statements on a
 * pooled connection in auto-commit, each committed when it returns exactly as its own transaction did before, without
 * a JTA transaction and an ORM session around it (most of what a claim, a history line or a link cost). A caller in a
 * transaction is served in it, through the ORM, so it reads its own unflushed writes.
 */
@ApplicationScoped
public class RecordService implements Records {

    private final Clock clock;
    private final DataSource dataSource;
    private final MatchKeyDigest digest;

    RecordService(Clock clock, DataSource dataSource, MatchKeyDigest digest) {
        this.clock = clock;
        this.dataSource = dataSource;
        this.digest = digest;
    }

    /** Whether this call joins a caller's transaction, so it must go through the ORM session of that transaction. */
    private static boolean inTransaction() {
        return QuarkusTransaction.isActive();
    }

    /**
     * A job's history lines are kept in its attempt's {@link JobScope} and written in the commit that records the
     * attempt's outcome, so a deal's few lines cost no commit of their own; a long run writes them
     * {@value #HISTORY_BATCH} at a time as it goes. Outside a job a line is written at once.
     */
    @Override
    public void record(UUID connectionId, String subject, Long jobId, String action, String outcome, String message,
            String details) {
        HistoryLine line = new HistoryLine(connectionId, subject, jobId, action, outcome, message, details,
                clock.instant());
        if (!inTransaction()) {
            List<HistoryLine> kept = JobScope.history();
            if (kept == null) {
                insert(List.of(line));
            } else if (kept.add(line) && kept.size() >= HISTORY_BATCH) {
                insert(kept);
                kept.clear();
            }
            return;
        }
        HistoryEntry entry = new HistoryEntry();
        entry.connectionId = connectionId;
        entry.subject = subject;
        entry.jobId = jobId;
        entry.action = action;
        entry.outcome = outcome;
        entry.message = line.message();
        entry.details = details;
        entry.createdAt = line.createdAt();
        entry.persist();
    }

    private void insert(List<HistoryLine> lines) {
        jdbc(c -> {
            HistoryLine.insert(c, lines);
            return null;
        });
    }

    /** How many history lines of one attempt are kept before they are written as one batch. */
    static final int HISTORY_BATCH = 100;

    // --- identity links ---

    private static final String LINK_COLUMNS = "id, source_id, ledger_id, source_fingerprint, ledger_fingerprint,"
            + " source_version, ledger_version, snapshot";

    @Override
    public Optional<Link> linkBySource(UUID connectionId, String entityType, String sourceId) {
        if (!inTransaction()) {
            return jdbc(c -> {
                try (PreparedStatement ps = c.prepareStatement("select " + LINK_COLUMNS + " from record_link"
                        + " where connection_id = ? and entity_type = ? and source_id = ?")) {
                    ps.setObject(1, connectionId);
                    ps.setString(2, entityType);
                    ps.setString(3, sourceId);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(new Link(rs.getLong(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)))
                                : Optional.<Link>empty();
                    }
                }
            });
        }
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
        return claim(inTransaction() ? new LinkClaims(connectionId, entityType, sourceId)
                : new JdbcClaims("record_link", "source_id", connectionId, entityType, List.of(sourceId)), owner,
                staleAfter);
    }

    @Override
    public void release(UUID connectionId, String entityType, String sourceId, String owner) {
        if (!inTransaction()) {
            jdbcRelease("record_link", "source_id", connectionId, entityType, List.of(sourceId), owner);
            return;
        }
        QuarkusTransaction.joiningExisting().run(() -> RecordLink.delete("connectionId = ?1 and entityType = ?2 and sourceId = ?3 and claimedBy = ?4"
                + " and ledgerId is null", connectionId, entityType, sourceId, owner));
    }

    /**
     * Outside a transaction, the row a claim made (the usual case) is updated by one statement; a link with no row
     * before it is inserted through the ORM as {@link #pair} does.
     */
    @Override
    public void link(UUID connectionId, String entityType, String sourceId, String ledgerId) {
        if (!inTransaction() && jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("update record_link set ledger_id = ?,"
                    + " source_fingerprint = null, ledger_fingerprint = null, source_version = null,"
                    + " ledger_version = null, snapshot = null, claimed_by = null, updated_at = ?"
                    + " where connection_id = ? and entity_type = ? and source_id = ?")) {
                ps.setString(1, ledgerId);
                ps.setObject(2, JobStore.ts(clock.instant()));
                ps.setObject(3, connectionId);
                ps.setString(4, entityType);
                ps.setString(5, sourceId);
                return ps.executeUpdate();
            }
        }) == 1) {
            return;
        }
        QuarkusTransaction.joiningExisting().run(() -> pair(connectionId, entityType, sourceId, ledgerId, null, null,
                null, null, null));
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

    /**
     * A match key as typed and as its one-way digest: once its personal data was redacted (see {@link PersonalRows})
     * the row holds the digest, and a redacted customer's next deal still finds its ledger customer.
     */
    private List<String> matchKeys(UUID connectionId, String entityType, String key) {
        return List.of(key, digest.of(connectionId, entityType, key));
    }

    @Override
    public Optional<String> matched(UUID connectionId, String entityType, String key) {
        return matchRow(connectionId, entityType, key).map(Row::ledgerId);
    }

    @Override
    public boolean matchClaimed(UUID connectionId, String entityType, String key) {
        return matchRow(connectionId, entityType, key).filter(m -> m.ledgerId() == null).isPresent();
    }

    private Optional<Row> matchRow(UUID connectionId, String entityType, String key) {
        List<String> keys = matchKeys(connectionId, entityType, key);
        return inTransaction() ? new MatchClaims(connectionId, entityType, keys).find()
                : new JdbcClaims("record_match", "match_key", connectionId, entityType, keys).find();
    }

    private static Optional<RecordMatch> match(UUID connectionId, String entityType, List<String> keys) {
        return RecordMatch.find("connectionId = ?1 and entityType = ?2 and matchKey in ?3 order by id", connectionId,
                entityType, keys).firstResultOptional();
    }

    @Override
    public Claim claimMatch(UUID connectionId, String entityType, String key, String owner, Duration staleAfter) {
        List<String> keys = matchKeys(connectionId, entityType, key);
        return claim(inTransaction() ? new MatchClaims(connectionId, entityType, keys)
                : new JdbcClaims("record_match", "match_key", connectionId, entityType, keys), owner, staleAfter);
    }

    @Override
    public void releaseMatch(UUID connectionId, String entityType, String key, String owner) {
        List<String> keys = matchKeys(connectionId, entityType, key);
        if (!inTransaction()) {
            jdbcRelease("record_match", "match_key", connectionId, entityType, keys, owner);
            return;
        }
        QuarkusTransaction.joiningExisting().run(() -> RecordMatch.delete("connectionId = ?1 and entityType = ?2"
                + " and matchKey in ?3 and claimedBy = ?4 and ledgerId is null", connectionId, entityType, keys, owner));
    }

    /** Outside a transaction, the claim's row (the usual case) is updated by one statement; else through the ORM. */
    @Override
    public void match(UUID connectionId, String entityType, String key, String ledgerId) {
        List<String> keys = matchKeys(connectionId, entityType, key);
        if (!inTransaction() && jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("update record_match set ledger_id = ?, claimed_by = null,"
                    + " updated_at = ? where connection_id = ? and entity_type = ? and match_key in (?, ?)")) {
                ps.setString(1, ledgerId);
                ps.setObject(2, JobStore.ts(clock.instant()));
                ps.setObject(3, connectionId);
                ps.setString(4, entityType);
                ps.setString(5, keys.get(0));
                ps.setString(6, keys.get(1));
                return ps.executeUpdate();
            }
        }) >= 1) {
            return;
        }
        QuarkusTransaction.joiningExisting().run(() -> matchInSession(connectionId, entityType, keys, ledgerId));
    }

    private void matchInSession(UUID connectionId, String entityType, List<String> keys, String ledgerId) {
        RecordMatch match = match(connectionId, entityType, keys).orElseGet(() -> {
            RecordMatch created = new RecordMatch();
            created.connectionId = connectionId;
            created.entityType = entityType;
            created.matchKey = keys.get(0);
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

        /** Runs a write in a transaction of its own (committed when this returns). */
        default <T> T alone(Supplier<T> write) {
            return QuarkusTransaction.requiringNew().call(write::get);
        }

        /** Runs a read, joining the caller's transaction if there is one. */
        default <T> T read(Supplier<T> read) {
            return tx(read);
        }
    }

    private record Row(long id, String ledgerId, String claimedBy, Instant updatedAt) {
    }

    private Claim claim(Claims claims, String owner, Duration staleAfter) {
        Optional<Row> existing = claims.read(claims::find);
        if (existing.isPresent()) {
            return claimOf(claims, existing.get(), owner, staleAfter);
        }
        try {
            claims.alone(() -> {
                claims.reserve(owner, clock.instant());
                return null;
            });
            return Claim.ofReserved(true);
        } catch (PersistenceException | Taken e) {
            return claims.read(claims::find).map(row -> claimOf(claims, row, owner, staleAfter))
                    .orElse(Claim.ofTaken());
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
            int taken = claims.alone(() -> claims.takeOver(row, owner, clock.instant()));
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

    /** The claims on a match key, {@code keys} being it as typed and as its digest (a reservation holds the first). */
    private record MatchClaims(UUID connectionId, String entityType, List<String> keys) implements Claims {

        @Override
        public Optional<Row> find() {
            return match(connectionId, entityType, keys).map(m -> new Row(m.id, m.ledgerId, m.claimedBy, m.updatedAt));
        }

        @Override
        public void reserve(String owner, Instant now) {
            RecordMatch reservation = new RecordMatch();
            reservation.connectionId = connectionId;
            reservation.entityType = entityType;
            reservation.matchKey = keys.get(0);
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

    /** Another caller inserted the key first (a unique key refused the reservation). */
    private static final class Taken extends RuntimeException {
        Taken(SQLException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    /**
     * A claim made by single auto-committed statements (no caller's transaction to join): the same rows and the same
     * races as the ORM's claims, in one round trip each.
     */
    private final class JdbcClaims implements Claims {
        private final String table;
        private final String keyColumn;
        private final UUID connectionId;
        private final String entityType;
        private final List<String> keys;

        /** {@code keys}: the key and the other forms of it a row may hold; a reservation inserts the first. */
        JdbcClaims(String table, String keyColumn, UUID connectionId, String entityType, List<String> keys) {
            this.table = table;
            this.keyColumn = keyColumn;
            this.connectionId = connectionId;
            this.entityType = entityType;
            this.keys = keys;
        }

        @Override
        public Optional<Row> find() {
            return jdbc(c -> {
                try (PreparedStatement ps = c.prepareStatement("select id, ledger_id, claimed_by, updated_at from "
                        + table + " where connection_id = ? and entity_type = ? and " + keyColumn + " in ("
                        + placeholders(keys) + ") order by id")) {
                    ps.setObject(1, connectionId);
                    ps.setString(2, entityType);
                    bind(ps, 3, keys);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(new Row(rs.getLong(1), rs.getString(2), rs.getString(3),
                                JobStore.instant(rs, "updated_at"))) : Optional.<Row>empty();
                    }
                }
            });
        }

        @Override
        public void reserve(String owner, Instant now) {
            jdbc(c -> {
                try (PreparedStatement ps = c.prepareStatement("insert into " + table + " (connection_id, entity_type, "
                        + keyColumn + ", claimed_by, created_at, updated_at) values (?, ?, ?, ?, ?, ?)")) {
                    ps.setObject(1, connectionId);
                    ps.setString(2, entityType);
                    ps.setString(3, keys.get(0));
                    ps.setString(4, owner);
                    ps.setObject(5, JobStore.ts(now));
                    ps.setObject(6, JobStore.ts(now));
                    return ps.executeUpdate();
                } catch (SQLException e) {
                    if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                        throw new Taken(e);
                    }
                    throw e;
                }
            });
        }

        @Override
        public int takeOver(Row row, String owner, Instant now) {
            return jdbc(c -> {
                try (PreparedStatement ps = c.prepareStatement("update " + table + " set updated_at = ?, claimed_by = ?"
                        + " where id = ? and updated_at = ? and ledger_id is null")) {
                    ps.setObject(1, JobStore.ts(now));
                    ps.setString(2, owner);
                    ps.setLong(3, row.id());
                    ps.setObject(4, JobStore.ts(row.updatedAt()));
                    return ps.executeUpdate();
                }
            });
        }

        @Override
        public <T> T alone(Supplier<T> write) {
            return write.get();
        }

        @Override
        public <T> T read(Supplier<T> read) {
            return read.get();
        }
    }

    private void jdbcRelease(String table, String keyColumn, UUID connectionId, String entityType,
            List<String> keys, String owner) {
        jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("delete from " + table + " where connection_id = ?"
                    + " and entity_type = ? and claimed_by = ? and ledger_id is null and " + keyColumn + " in ("
                    + placeholders(keys) + ")")) {
                ps.setObject(1, connectionId);
                ps.setString(2, entityType);
                ps.setString(3, owner);
                bind(ps, 4, keys);
                return ps.executeUpdate();
            }
        });
    }

    private static String placeholders(List<String> values) {
        return String.join(", ", Collections.nCopies(values.size(), "?"));
    }

    private static void bind(PreparedStatement ps, int first, List<String> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            ps.setString(first + i, values.get(i));
        }
    }

    @FunctionalInterface
    private interface Statement<T> {
        T run(Connection c) throws SQLException;
    }

    /** One statement on a pooled connection in auto-commit (callers are outside any transaction). */
    private <T> T jdbc(Statement<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new PersistenceException(e.getMessage(), e);
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
