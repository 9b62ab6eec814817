package dev.ponte.engine;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Reconciliation runs (R50): one at a time per connection (a second is refused while one is queued or running),
 * their counts updated as they progress, and their reports read back through the API.
 */
@ApplicationScoped
public class RunService {

    public static final String INCREMENTAL = "incremental";
    public static final String FULL = "full";
    /** The catalogue import's own run (R34). */
    public static final String CATALOG = "catalog";
    /** A manual run over a range of the past (R2): only ever triggered, never scheduled. */
    public static final String BACKFILL = "backfill";
    static final String KIND_PREFIX = "reconcile.";
    /** A run still without a job after this was left by a process that stopped between the two. */
    private static final Duration UNQUEUED_AFTER = Duration.ofMinutes(1);

    private final JobService jobs;
    private final Clock clock;

    RunService(JobService jobs, Clock clock) {
        this.jobs = jobs;
        this.clock = clock;
    }

    /** Queues a manual run; empty when the connection already has one queued or running. */
    public Optional<SyncRun> trigger(UUID connectionId, String mode) {
        return trigger(connectionId, mode, "");
    }

    /**
     * Queues a manual run whose job carries {@code parameters} besides its run id (JSON members, e.g. a backfill's
     * range); empty when the connection already has one queued or running.
     */
    public Optional<SyncRun> trigger(UUID connectionId, String mode, String parameters) {
        Optional<SyncRun> run = insert(connectionId, mode, "MANUAL", null);
        run.ifPresent(r -> {
            long jobId = jobs.enqueue(new NewJob(connectionId, KIND_PREFIX + mode, "run:" + r.id,
                    connectionId + ":run:" + r.id, "{\"runId\":" + r.id + (parameters.isEmpty() ? "" : ","
                            + parameters) + "}"));
            QuarkusTransaction.requiringNew().run(() -> SyncRun.update("jobId = ?1 where id = ?2", jobId, r.id));
            r.jobId = jobId;
        });
        return run;
    }

    /**
     * Starts the run a job carries ({@code runId}), or a new scheduled one when it carries none; empty when another
     * run of the connection is in progress. A job retried (after a failure or a crash) takes its own run over. Answers
     * the run's id.
     */
    public Optional<Long> begin(Job job, Long runId, String mode) {
        Optional<Long> own = QuarkusTransaction.requiringNew().call(() -> (runId != null
                ? SyncRun.<SyncRun>findByIdOptional(runId)
                : SyncRun.<SyncRun>find("jobId", job.id()).firstResultOptional()).map(r -> r.id));
        if (own.isEmpty()) {
            return runId != null ? Optional.empty()
                    : insert(job.connectionId(), mode, "SCHEDULE", job.id()).map(r -> r.id);
        }
        try {
            return Optional.of(QuarkusTransaction.<Long>requiringNew().call(() -> {
                SyncRun run = SyncRun.findById(own.get());
                run.status = "RUNNING";
                run.activeKey = run.connectionId;
                run.jobId = job.id();
                run.startedAt = clock.instant();
                run.finishedAt = null;
                SyncRun.flush();
                return run.id;
            }));
        } catch (PersistenceException e) {
            return Optional.empty();
        }
    }

    private Optional<SyncRun> insert(UUID connectionId, String mode, String trigger, Long jobId) {
        releaseAbandoned(connectionId);
        try {
            return Optional.of(QuarkusTransaction.requiringNew().call(() -> {
                SyncRun run = new SyncRun();
                run.connectionId = connectionId;
                run.mode = mode;
                run.triggeredBy = trigger;
                run.status = jobId == null ? "QUEUED" : "RUNNING";
                run.startedAt = jobId == null ? null : clock.instant();
                run.activeKey = connectionId;
                run.jobId = jobId;
                run.queuedAt = clock.instant();
                run.persist();
                return run;
            }));
        } catch (PersistenceException e) {
            return Optional.empty();
        }
    }

    /**
     * Ends the connection's active run if nothing will finish it: its job ended without doing so (skipped, or dead
     * after a crash) or is gone, or it never got one (the process stopped between the run and its job). Otherwise
     * such a run would block every later run of the connection, the reconciliation safety net (R18) included.
     */
    private void releaseAbandoned(UUID connectionId) {
        QuarkusTransaction.requiringNew().run(() -> SyncRun.<SyncRun>find("activeKey", connectionId)
                .firstResultOptional().ifPresent(run -> {
                    boolean abandoned = run.jobId == null
                            ? run.queuedAt.isBefore(clock.instant().minus(UNQUEUED_AFTER))
                            : jobs.find(run.jobId).map(j -> j.status().finished()).orElse(true);
                    if (abandoned) {
                        run.status = "FAILED";
                        run.message = "abandoned: its job ended without finishing the run";
                        run.activeKey = null;
                        run.finishedAt = clock.instant();
                    }
                }));
    }

    /** Writes the run's counts so far. */
    public void progress(long runId, RunCounts counts) {
        QuarkusTransaction.requiringNew().run(() -> {
            SyncRun run = SyncRun.findById(runId);
            copy(counts, run);
        });
    }

    /** Ends the run with its final counts and a message; the connection may run again. */
    public void finish(long runId, RunCounts counts, boolean succeeded, String message) {
        QuarkusTransaction.requiringNew().run(() -> {
            SyncRun run = SyncRun.findById(runId);
            copy(counts, run);
            run.status = succeeded ? "SUCCEEDED" : "FAILED";
            run.message = message == null || message.length() <= 2000 ? message : message.substring(0, 2000);
            run.activeKey = null;
            run.finishedAt = clock.instant();
        });
    }

    private static void copy(RunCounts counts, SyncRun run) {
        run.seen = counts.seen();
        run.created = counts.get(RunCounts.Outcome.CREATED);
        run.updated = counts.get(RunCounts.Outcome.UPDATED);
        run.unchanged = counts.get(RunCounts.Outcome.UNCHANGED);
        run.skipped = counts.get(RunCounts.Outcome.SKIPPED);
        run.failed = counts.get(RunCounts.Outcome.FAILED);
        run.conflicts = counts.conflicts();
    }

    public Optional<SyncRun> find(UUID connectionId, long runId) {
        return QuarkusTransaction.joiningExisting().call(() -> SyncRun.<SyncRun>findByIdOptional(runId)
                .filter(r -> r.connectionId.equals(connectionId)));
    }

    public Page<SyncRun> list(UUID connectionId, int page, int size) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            var query = SyncRun.<SyncRun>find("connectionId", Sort.descending("id"), connectionId);
            return Page.of(query, page, size);
        });
    }
}
