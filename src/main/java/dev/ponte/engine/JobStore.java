package dev.ponte.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * The {@code job} table, in plain JDBC: the claim is one statement per batch, which an ORM would only slow down.
 * On PostgreSQL claims use {@code FOR UPDATE SKIP LOCKED}, so any number of instances share the queue; on H2
 * (one embedded instance) a conditional update per row claims it.
 */
public final class JobStore {

    private static final Logger LOG = Logger.getLogger(JobStore.class);

    static final String COLUMNS = "id, connection_id, kind, subject, idempotency_key, payload, status, attempts,"
            + " max_attempts, run_at, lease_owner, lease_until, reason, last_error, created_at, started_at,"
            + " finished_at, postponements";

    // A job is claimable when it waits (run_at set, due) and no earlier job of the same subject is unfinished:
    // jobs of one subject run one at a time and in order. A paused connection's jobs are "parked" (run_at null),
    // which keeps this query an index scan in run_at order that stops at the limit.
    private static final String READY = " from job j where j.run_at <= ?"
            + " and not exists (select 1 from job e where e.connection_id = j.connection_id and e.subject = j.subject"
            + " and e.id < j.id and e.status in ('QUEUED', 'RUNNING', 'FAILED'))"
            + " order by j.run_at, j.id limit ?";

    // The time a job waits for, or null (parked) while its connection is paused.
    private static final String UNLESS_PAUSED = "case when exists (select 1 from job_pause p"
            + " where p.connection_id = %s) then null else cast(? as timestamp with time zone) end";

    private static final ObjectMapper PROBLEM_READER = new ObjectMapper();
    private static final String REVIEW_PREFIX = "{\"type\":\"" + JobEngine.REVIEW_TYPE + "\"";

    private final DataSource dataSource;
    private volatile Boolean postgres;

    public JobStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Inserts the job unless its idempotency key exists; answers the id of the job holding the key. */
    public long enqueue(NewJob job, int maxAttempts, Instant now) {
        try (Connection c = dataSource.getConnection()) {
            return enqueue(c, job, maxAttempts, now);
        } catch (SQLException e) {
            throw new IllegalStateException("could not enqueue job " + job.idempotencyKey(), e);
        }
    }

    long enqueue(Connection c, NewJob job, int maxAttempts, Instant now) throws SQLException {
        // PostgreSQL: ON CONFLICT keeps a surrounding transaction alive; H2 has no ON CONFLICT, but MERGE.
        String sql = isPostgres(c)
                ? "insert into job (connection_id, kind, subject, idempotency_key, payload, status, attempts,"
                        + " max_attempts, created_at, run_at) values (?, ?, ?, ?, ?, 'QUEUED', 0, ?, ?, "
                        + UNLESS_PAUSED.formatted("cast(? as uuid)") + ") on conflict (idempotency_key) do nothing"
                : "merge into job t using (values (cast(? as uuid), cast(? as varchar), cast(? as varchar),"
                        + " cast(? as varchar), cast(? as varchar), cast(? as int), cast(? as timestamp with time zone), "
                        + UNLESS_PAUSED.formatted("cast(? as uuid)") + ")) s (connection_id, kind, subject,"
                        + " idempotency_key, payload, max_attempts, created_at, run_at)"
                        + " on t.idempotency_key = s.idempotency_key"
                        + " when not matched then insert (connection_id, kind, subject, idempotency_key, payload, status,"
                        + " attempts, max_attempts, run_at, created_at) values (s.connection_id, s.kind, s.subject,"
                        + " s.idempotency_key, s.payload, 'QUEUED', 0, s.max_attempts, s.run_at, s.created_at)";
        try (PreparedStatement insert = c.prepareStatement(sql)) {
            insert.setObject(1, job.connectionId());
            insert.setString(2, job.kind());
            insert.setString(3, job.subject());
            insert.setString(4, job.idempotencyKey());
            insert.setString(5, job.payload());
            insert.setInt(6, maxAttempts);
            insert.setObject(7, ts(now));
            insert.setObject(8, job.connectionId());
            insert.setObject(9, ts(job.runAt() == null ? now : job.runAt()));
            insert.executeUpdate();
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw e;
            }
            // H2 only: a concurrent enqueue of the same key won the race; theirs is the job.
        }
        try (PreparedStatement find = c.prepareStatement("select id from job where idempotency_key = ?")) {
            find.setString(1, job.idempotencyKey());
            try (ResultSet rs = find.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Claims up to {@code limit} ready jobs for {@code owner}, leasing them until {@code leaseUntil}. */
    List<Job> claim(String owner, int limit, Instant now, Instant leaseUntil) {
        try (Connection c = dataSource.getConnection()) {
            return isPostgres(c) ? claimSkipLocked(c, owner, limit, now, leaseUntil)
                    : claimOneByOne(c, owner, limit, now, leaseUntil);
        } catch (SQLException e) {
            throw new IllegalStateException("could not claim jobs", e);
        }
    }

    private List<Job> claimSkipLocked(Connection c, String owner, int limit, Instant now, Instant leaseUntil)
            throws SQLException {
        String sql = "update job set status = 'RUNNING', run_at = null, lease_owner = ?, lease_until = ?,"
                + " attempts = attempts + 1, started_at = ? where id in (select j.id" + READY
                + " for update of j skip locked) returning " + COLUMNS;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, owner);
            ps.setObject(2, ts(leaseUntil));
            ps.setObject(3, ts(now));
            ps.setObject(4, ts(now));
            ps.setInt(5, limit);
            return readAll(ps);
        }
    }

    private List<Job> claimOneByOne(Connection c, String owner, int limit, Instant now, Instant leaseUntil)
            throws SQLException {
        List<Long> candidates = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select j.id" + READY)) {
            ps.setObject(1, ts(now));
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    candidates.add(rs.getLong(1));
                }
            }
        }
        List<Job> claimed = new ArrayList<>();
        for (long id : candidates) {
            try (PreparedStatement ps = c.prepareStatement("update job set status = 'RUNNING', run_at = null,"
                    + " lease_owner = ?, lease_until = ?, attempts = attempts + 1, started_at = ?"
                    + " where id = ? and run_at is not null")) {
                ps.setString(1, owner);
                ps.setObject(2, ts(leaseUntil));
                ps.setObject(3, ts(now));
                ps.setLong(4, id);
                if (ps.executeUpdate() == 1) {
                    find(c, id).ifPresent(claimed::add);
                }
            }
        }
        return claimed;
    }

    /**
     * An outcome to record for a job this instance ran; it only lands while the lease is still ours.
     * {@code postponements} is the job's new count of postponements in a row (0 after anything but a wait).
     */
    /** An attempt's outcome, with the history lines the attempt recorded (written in the same commit). */
    record Completion(long id, String owner, int attempt, JobStatus status, int attempts, Instant runAt,
            String reason, String error, Instant finishedAt, int postponements, List<HistoryLine> history,
            UUID connectionId) {

        Completion(long id, String owner, int attempt, JobStatus status, int attempts, Instant runAt, String reason,
                String error, Instant finishedAt, int postponements) {
            this(id, owner, attempt, status, attempts, runAt, reason, error, finishedAt, postponements, List.of(),
                    null);
        }

        Completion(long id, String owner, int attempt, JobStatus status, int attempts, Instant runAt, String reason,
                String error, Instant finishedAt) {
            this(id, owner, attempt, status, attempts, runAt, reason, error, finishedAt, 0);
        }

        /** The outcome with the history lines its attempt recorded, and the connection it ran for. */
        Completion with(List<HistoryLine> lines, UUID connection) {
            return new Completion(id, owner, attempt, status, attempts, runAt, reason, error, finishedAt,
                    postponements, lines, connection);
        }
    }

    /**
     * Records outcomes, and the history lines their attempts recorded, in one transaction; answers how many outcomes
     * were refused because the lease had moved on (their attempts' lines are still written: what they did, happened).
     * If the database refuses a history line as data (SQLState class 22 or 23, which no retry cures), the outcomes
     * are recorded without the lines, then each attempt's lines are written on their own: only the refused attempt's
     * are left out, and the log says which.
     */
    int complete(List<Completion> completions) {
        try {
            return complete(completions, true);
        } catch (IllegalStateException e) {
            if (!(e.getCause() instanceof SQLException sql) || sql.getSQLState() == null
                    || !(sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"))
                    || completions.stream().allMatch(done -> done.history().isEmpty())) {
                throw e;
            }
            int lost = complete(completions, false);
            for (Completion done : completions) {
                try (Connection c = dataSource.getConnection()) {
                    HistoryLine.insert(c, done.history());
                } catch (SQLException refused) {
                    // The subject, action and outcome only: a line's message may name a person.
                    done.history().forEach(line -> LOG.errorf("History line of job %d not recorded (SQLState %s):"
                            + " %s %s %s", done.id(), refused.getSQLState(), line.subject(), line.action(),
                            line.outcome()));
                }
            }
            return lost;
        }
    }

    private int complete(List<Completion> completions, boolean withHistory) {
        String sql = "update job set status = ?, attempts = ?, run_at = case when cast(? as timestamp with time zone)"
                + " is null then null else " + UNLESS_PAUSED.formatted("job.connection_id") + " end,"
                + " reason = ?, last_error = ?, finished_at = ?, postponements = ?, lease_owner = null,"
                + " lease_until = null where id = ? and lease_owner = ? and attempts = ? and status = 'RUNNING'";
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            int lost = 0;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (Completion done : completions) {
                    ps.setString(1, done.status().name());
                    ps.setInt(2, done.attempts());
                    Object runAt = done.runAt() == null ? null : ts(done.runAt());
                    ps.setObject(3, runAt);
                    ps.setObject(4, runAt);
                    ps.setString(5, truncate(done.reason(), 2000));
                    ps.setString(6, done.error());
                    ps.setObject(7, done.finishedAt() == null ? null : ts(done.finishedAt()));
                    ps.setInt(8, done.postponements());
                    ps.setLong(9, done.id());
                    ps.setString(10, done.owner());
                    ps.setInt(11, done.attempt());
                    ps.addBatch();
                }
                int[] counts = ps.executeBatch();
                List<Completion> dead = new ArrayList<>();
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] == 0) {
                        lost++;
                    } else if (completions.get(i).status() == JobStatus.DEAD) {
                        dead.add(completions.get(i));
                    }
                }
                if (withHistory) {
                    HistoryLine.insert(c, completions.stream().flatMap(done -> done.history().stream()).toList());
                }
                recordDeaths(c, dead);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
            return lost;
        } catch (SQLException e) {
            throw new IllegalStateException("could not record job outcomes", e);
        }
    }

    /**
     * A job that needs a person says so in its record's history too, in the same commit as its outcome: someone
     * reading a deal's history sees why nothing reached the ledger, not only someone reading the jobs list.
     */
    private static void recordDeaths(Connection c, List<Completion> dead) throws SQLException {
        if (dead.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("insert into history (connection_id, subject, job_id, action,"
                + " outcome, message, details, created_at) select connection_id, subject, id, 'job', 'DEAD', ?, ?, ?"
                + " from job where id = ?")) {
            for (Completion done : dead) {
                ps.setString(1, truncate("Needs a person after " + done.attempts() + " attempt(s): "
                        + detail(done.error()) + " Fix the cause, then retry job " + done.id()
                        + " (POST /api/v1/jobs/" + done.id() + "/retry).", 2000));
                ps.setString(2, done.error());
                ps.setObject(3, ts(done.finishedAt()));
                ps.setLong(4, done.id());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The {@code detail} of a job's problem document, ending with a full stop. */
    private static String detail(String problem) {
        String detail = "no details were recorded.";
        try {
            JsonNode node = problem == null ? null : PROBLEM_READER.readTree(problem);
            if (node != null && node.hasNonNull("detail")) {
                detail = node.get("detail").asText().strip();
            }
        } catch (IOException e) {
            // Not a problem document: the generic words stand.
        }
        return detail.endsWith(".") ? detail : detail + ".";
    }

    /** Moves a running job's lease on to {@code until}; false when the lease is no longer this attempt's. */
    boolean extendLease(long id, String owner, int attempt, Instant until) {
        String sql = "update job set lease_until = ? where id = ? and lease_owner = ? and attempts = ?"
                + " and status = 'RUNNING'";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, ts(until));
            ps.setLong(2, id);
            ps.setString(3, owner);
            ps.setInt(4, attempt);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not extend the lease of job " + id, e);
        }
    }

    /** Moves on the leases of these running jobs of {@code owner} to {@code until}. */
    void extendLeases(String owner, List<Long> ids, Instant until) {
        String sql = "update job set lease_until = ? where lease_owner = ? and status = 'RUNNING' and id in ("
                + "?, ".repeat(ids.size() - 1) + "?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, ts(until));
            ps.setString(2, owner);
            for (int i = 0; i < ids.size(); i++) {
                ps.setLong(i + 3, ids.get(i));
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not extend the leases of " + ids.size() + " jobs", e);
        }
    }

    /** Returns jobs whose lease expired (their worker died) to the queue, or to DEAD when out of attempts. */
    int recoverExpiredLeases(Instant now, String error) {
        String sql = "update job set status = case when attempts >= max_attempts then 'DEAD' else 'FAILED' end,"
                + " run_at = case when attempts >= max_attempts then null else "
                + UNLESS_PAUSED.formatted("job.connection_id") + " end,"
                + " finished_at = case when attempts >= max_attempts then ? else null end,"
                + " last_error = ?, lease_owner = null, lease_until = null"
                + " where status = 'RUNNING' and lease_until < ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, ts(now));
            ps.setObject(2, ts(now));
            ps.setString(3, error);
            ps.setObject(4, ts(now));
            return ps.executeUpdate() + unpark(c, now);
        } catch (SQLException e) {
            throw new IllegalStateException("could not recover expired leases", e);
        }
    }

    /**
     * Gives a wait time back to parked jobs whose connection is no longer paused. Resume does this at once; this
     * sweep catches a job an in-flight outcome parked while the connection was being resumed.
     */
    private static int unpark(Connection c, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update job set run_at = ? where status in ('QUEUED', 'FAILED')"
                + " and run_at is null and not exists (select 1 from job_pause p where p.connection_id = job.connection_id)")) {
            ps.setObject(1, ts(now));
            return ps.executeUpdate();
        }
    }

    /** Puts a DEAD (or FAILED) job back in the queue now, with a fresh attempt budget. */
    boolean retry(long id, Instant now) {
        String sql = "update job set status = 'QUEUED', run_at = " + UNLESS_PAUSED.formatted("job.connection_id")
                + ", attempts = 0, postponements = 0, finished_at = null where id = ? and status in ('DEAD', 'FAILED')";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, ts(now));
            ps.setLong(2, id);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not retry job " + id, e);
        }
    }

    /**
     * Holds a connection's waiting jobs (parks them) until {@link #resume}. A connection paused already keeps its
     * reason, unless the new one is {@link JobService#FORGOTTEN}, which no later pause replaces.
     */
    void pause(UUID connectionId, String reason, Instant now) {
        try (Connection c = dataSource.getConnection()) {
            if (JobService.FORGOTTEN.equals(reason)) {
                try (PreparedStatement ps = c.prepareStatement("update job_pause set reason = ? where connection_id = ?")) {
                    ps.setString(1, reason);
                    ps.setObject(2, connectionId);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement(isPostgres(c)
                    ? "insert into job_pause (connection_id, reason, paused_at) values (?, ?, ?) on conflict do nothing"
                    : "insert into job_pause (connection_id, reason, paused_at) select ?, ?, ? where not exists"
                            + " (select 1 from job_pause where connection_id = ?)")) {
                ps.setObject(1, connectionId);
                ps.setString(2, truncate(reason, 200));
                ps.setObject(3, ts(now));
                if (!isPostgres(c)) {
                    ps.setObject(4, connectionId);
                }
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("update job set run_at = null where connection_id = ?"
                    + " and status in ('QUEUED', 'FAILED') and run_at is not null")) {
                ps.setObject(1, connectionId);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not pause connection " + connectionId, e);
        }
    }

    /** Releases a paused connection's parked jobs to run now. */
    void resume(UUID connectionId, Instant now) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("delete from job_pause where connection_id = ?")) {
                ps.setObject(1, connectionId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("update job set run_at = ? where connection_id = ?"
                    + " and status in ('QUEUED', 'FAILED') and run_at is null")) {
                ps.setObject(1, ts(now));
                ps.setObject(2, connectionId);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not resume connection " + connectionId, e);
        }
    }

    /** Of these connections, those paused for {@code reason} (the latest pause's reason). */
    Set<UUID> pausedFor(String reason, Collection<UUID> connectionIds) {
        Set<UUID> paused = new HashSet<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select connection_id from job_pause where reason = ?"
                        + " and connection_id in (" + String.join(", ", Collections.nCopies(connectionIds.size(), "?"))
                        + ")")) {
            ps.setString(1, reason);
            int i = 2;
            for (UUID id : connectionIds) {
                ps.setObject(i++, id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    paused.add(rs.getObject(1, UUID.class));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read paused connections", e);
        }
        return paused;
    }

    /** The connection's jobs running now: each one's id and attempt. */
    Map<Long, Integer> running(UUID connectionId) {
        return attempts("select id, attempts from job where connection_id = ? and status = 'RUNNING'",
                List.of(connectionId));
    }

    /**
     * Whether any of these attempts ({@link #running}) is still going: its job is running the same attempt. An attempt
     * ends when it records its outcome, or when its lease expires and it is taken back.
     */
    boolean anyRunning(Map<Long, Integer> attempts) {
        Map<Long, Integer> now = attempts("select id, attempts from job where status = 'RUNNING' and id in ("
                + String.join(", ", Collections.nCopies(attempts.size(), "?")) + ")", List.copyOf(attempts.keySet()));
        return now.entrySet().stream().anyMatch(e -> e.getValue().equals(attempts.get(e.getKey())));
    }

    private Map<Long, Integer> attempts(String sql, List<?> args) {
        Map<Long, Integer> found = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getLong(1), rs.getInt(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not query jobs", e);
        }
        return found;
    }

    boolean isPaused(UUID connectionId) {
        return exists("select 1 from job_pause where connection_id = ?", connectionId);
    }

    public Optional<Job> find(long id) {
        try (Connection c = dataSource.getConnection()) {
            return find(c, id);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read job " + id, e);
        }
    }

    private Optional<Job> find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from job where id = ?")) {
            ps.setLong(1, id);
            List<Job> jobs = readAll(ps);
            return jobs.isEmpty() ? Optional.empty() : Optional.of(jobs.get(0));
        }
    }

    /** Jobs of the given connections, newest first, optionally filtered by connection, status and subject. */
    public Page<Job> list(List<UUID> connections, UUID connectionId, JobStatus status, String subject, int page,
            int size) {
        if (connections.isEmpty()) {
            return new Page<>(List.of(), page, size, 0);
        }
        StringBuilder where = new StringBuilder(" from job where connection_id in (");
        List<Object> args = new ArrayList<>(connections);
        where.append("?, ".repeat(connections.size()), 0, connections.size() * 3 - 2).append(')');
        if (connectionId != null) {
            where.append(" and connection_id = ?");
            args.add(connectionId);
        }
        if (status != null) {
            where.append(" and status = ?");
            args.add(status.name());
        }
        if (subject != null) {
            where.append(" and subject = ?");
            args.add(subject);
        }
        return page(where.toString(), args, page, size);
    }

    /** A connection's jobs that wait for a person's choice (R60), newest first. */
    public Page<Job> reviews(UUID connectionId, int page, int size) {
        return page(" from job where connection_id = ? and status = 'DEAD' and last_error like ?",
                List.of(connectionId, REVIEW_PREFIX + "%"), page, size);
    }

    /**
     * Queues a job of the review list again with the person's choice in its payload; false if it no longer waits
     * there (chosen meanwhile, retried, forgotten).
     */
    boolean choose(long id, String payload, Instant now) {
        String sql = "update job set payload = ?, status = 'QUEUED', run_at = " + UNLESS_PAUSED.formatted(
                "job.connection_id") + ", attempts = 0, postponements = 0, finished_at = null where id = ?"
                + " and status = 'DEAD' and last_error like ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, payload);
            ps.setObject(2, ts(now));
            ps.setLong(3, id);
            ps.setString(4, REVIEW_PREFIX + "%");
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not queue job " + id + " with its choice", e);
        }
    }

    private Page<Job> page(String where, List<Object> args, int page, int size) {
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement ps = c.prepareStatement("select count(*)" + where)) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "select " + COLUMNS + where + " order by id desc limit ? offset ?")) {
                bind(ps, args);
                ps.setInt(args.size() + 1, size);
                ps.setLong(args.size() + 2, (long) page * size);
                return new Page<>(readAll(ps), page, size, total);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not list jobs", e);
        }
    }

    public Map<JobStatus, Long> countByStatus() {
        Map<JobStatus, Long> counts = new EnumMap<>(JobStatus.class);
        for (JobStatus s : JobStatus.values()) {
            counts.put(s, 0L);
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select status, count(*) from job group by status");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                counts.put(JobStatus.valueOf(rs.getString(1)), rs.getLong(2));
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException("could not count jobs", e);
        }
    }

    private boolean exists(String sql, Object arg) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not query jobs", e);
        }
    }

    private boolean isPostgres(Connection c) throws SQLException {
        Boolean pg = postgres;
        if (pg == null) {
            pg = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
            postgres = pg;
        }
        return pg;
    }

    private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            ps.setObject(i + 1, args.get(i));
        }
    }

    private static List<Job> readAll(PreparedStatement ps) throws SQLException {
        List<Job> jobs = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                jobs.add(new Job(rs.getLong("id"), rs.getObject("connection_id", UUID.class), rs.getString("kind"),
                        rs.getString("subject"), rs.getString("idempotency_key"), rs.getString("payload"),
                        JobStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), rs.getInt("max_attempts"),
                        instant(rs, "run_at"), rs.getString("lease_owner"), instant(rs, "lease_until"),
                        rs.getString("reason"), rs.getString("last_error"), instant(rs, "created_at"),
                        instant(rs, "started_at"), instant(rs, "finished_at"), rs.getInt("postponements")));
            }
        }
        return jobs;
    }

    static OffsetDateTime ts(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
