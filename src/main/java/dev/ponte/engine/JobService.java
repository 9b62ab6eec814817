package dev.ponte.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * The job engine of this instance and the use cases around it: enqueue (joining the caller's transaction),
 * list, retry, review choices, pause and resume. Handlers are every {@link JobHandler} bean, by kind.
 */
@ApplicationScoped
public class JobService {

    /** A choice for a new record rather than any of the candidates. */
    public static final String CREATE_NEW = "new";
    /**
     * Why a connection whose personal data was forgotten (on request, or deleted) is paused: its jobs that were running
     * then have what they write afterwards forgotten too.
     */
    public static final String FORGOTTEN = "personal data forgotten";
    private static final String CHOICES = "choices";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EngineConfig config;
    private final JobStore store;
    private final Clock clock;
    private final TransactionSynchronizationRegistry transactions;
    private final JobEngine engine;
    /** Where {@link #afterRunning} waits: one thread, which sleeps between checks. */
    private final ScheduledExecutorService waits = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "ponte-after-running");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Map<JobStatus, Long> counts = Map.of();
    private volatile Instant countsAt = Instant.EPOCH;

    JobService(EngineConfig config, DataSource dataSource, Instance<JobHandler> handlers, RateLimits rateLimits,
            Clock clock, TransactionSynchronizationRegistry transactions, Event<CredentialsRefused> refused,
            MeterRegistry meters, PersonalRows personalRows) {
        this.config = config;
        this.store = new JobStore(dataSource);
        this.clock = clock;
        this.transactions = transactions;
        this.engine = new JobEngine(store, byKind(handlers), config.instanceId().orElseGet(JobService::defaultOwner),
                config.workers(), config.workerIdle(), config.pollInterval(), config.leaseDuration(), config.backoffBase(),
                config.backoffMax(), rateLimits, clock, new EngineListener() {
                    @Override
                    public void credentialsRefused(UUID connectionId, String message) {
                        refused.fire(new CredentialsRefused(connectionId, message));
                    }

                    @Override
                    public void ranWhileForgotten(UUID connectionId) {
                        // Off the engine's completion thread, which records every connection's outcomes; on it
                        // when this service's own thread has stopped (Ponte is stopping).
                        try {
                            waits.execute(() -> forgetAgain(personalRows, connectionId));
                        } catch (java.util.concurrent.RejectedExecutionException stopping) {
                            forgetAgain(personalRows, connectionId);
                        }
                    }
                }, meters);
        for (JobStatus status : JobStatus.values()) {
            Gauge.builder("ponte.jobs", () -> countsByStatus().get(status)).tag("status", status.name())
                    .description("Jobs in the database by status").register(meters);
        }
    }

    private static void forgetAgain(PersonalRows personalRows, UUID connectionId) {
        try {
            PersonalRows.Counts again = personalRows.forget(connectionId);
            Log.infof("Connection %s: what its jobs running when it was forgotten wrote is forgotten too"
                    + " (%d history lines, %d jobs, %d links, %d match keys)", connectionId, again.history(),
                    again.jobs(), again.links(), again.matches());
        } catch (RuntimeException e) {
            Log.errorf(e, "Connection %s: could not forget what its jobs wrote after it was forgotten", connectionId);
        }
    }

    void onStart(@Observes StartupEvent event) {
        if (config.enabled()) {
            engine.start();
            Log.infof("Job engine %s started with up to %d workers", engine.owner(), config.workers());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        // The engine first: its last outcomes may still hand work to this thread (forgetting again).
        engine.stop(Duration.ofSeconds(10));
        waits.shutdownNow();
    }

    /**
     * For a job that may outlast its lease (a reconciliation run): a callback to call as it makes progress, which
     * moves the lease on at its first call and then once a quarter of the lease has passed, so that no other worker
     * takes the job over while it still runs; it throws {@link LeaseLost} when the lease has moved on anyway (the job
     * stalled past it), and the caller must then stop.
     */
    public Runnable leaseKeeper(Job job) {
        Duration lease = config.leaseDuration();
        Instant[] renewed = {Instant.EPOCH};
        return () -> {
            Instant now = clock.instant();
            if (now.isBefore(renewed[0].plus(lease.dividedBy(4)))) {
                return;
            }
            if (!store.extendLease(job.id(), job.leaseOwner(), job.attempts(), now.plus(lease))) {
                throw new LeaseLost(job.id());
            }
            renewed[0] = now;
        };
    }

    /** Another worker took a job over after its lease expired; this attempt's work must stop. */
    public static final class LeaseLost extends RuntimeException {
        LeaseLost(long jobId) {
            super("the lease of job " + jobId + " expired and another worker took it over", null, false, false);
        }
    }

    /**
     * Enqueues a job unless one with its idempotency key exists, and answers the id of the job holding the key.
     * Inside a transaction the job is written in it, and workers are woken when it commits.
     */
    public long enqueue(NewJob job) {
        long id = store.enqueue(job, config.maxAttempts(), clock.instant());
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    engine.wakeUp();
                }
            });
        } else {
            engine.wakeUp();
        }
        return id;
    }

    public Optional<Job> find(long id) {
        return store.find(id);
    }

    /**
     * Runs {@code again} once the attempts of the connection's jobs running now (on any instance) have ended — recorded
     * their outcome, or outlived their lease and been taken back — after the caller's transaction commits; nothing
     * when none is running. For work that the running jobs could undo by what they write as they end (a person's data
     * removed meanwhile). It is kept in this instance's memory: a restart before the attempts end forgets it.
     */
    public void afterRunning(UUID connectionId, Runnable again) {
        Map<Long, Integer> running = store.running(connectionId);
        if (running.isEmpty()) {
            return;
        }
        afterCommit(new Runnable() {
            private long delay = 250;
            private int failures;

            @Override
            public void run() {
                try {
                    if (store.anyRunning(running)) {
                        later(this);
                        return;
                    }
                    again.run();
                } catch (RuntimeException e) {
                    if (++failures >= 5) {
                        Log.errorf(e, "Connection %s: work to do after its running jobs ended failed; given up",
                                connectionId);
                        return;
                    }
                    Log.warnf(e, "Connection %s: work to do after its running jobs ended failed; tried again later",
                            connectionId);
                    later(this);
                }
            }

            /** Checks back off from a quarter second to half a minute: a long run is not polled four times a second. */
            private void later(Runnable self) {
                waits.schedule(self, delay, TimeUnit.MILLISECONDS);
                delay = Math.min(delay * 2, 30_000);
            }
        });
    }

    /** Runs {@code work} on this service's own thread once the caller's transaction has committed (at once outside one). */
    public void afterCommit(Runnable work) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            waits.execute(work);
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    waits.execute(work);
                }
            }
        });
    }

    public Page<Job> list(List<UUID> connections, UUID connectionId, JobStatus status, String subject, int page,
            int size) {
        return store.list(connections, connectionId, status, subject, page, size);
    }

    /** Runs a DEAD (or waiting FAILED) job again now, with a fresh attempt budget. */
    /** The connection's jobs that wait for a person's choice (R60), newest first. */
    public Page<Job> reviews(UUID connectionId, int page, int size) {
        return store.reviews(connectionId, page, size);
    }

    /**
     * Runs a job of the review list again, with the person's choice for {@code field} in its payload (a candidate's
     * id, or {@link #CREATE_NEW}) for the handler to read ({@link #choice}); false if it no longer waits there.
     */
    public boolean choose(Job job, String field, String choice) {
        ObjectNode payload;
        try {
            payload = job.payload() == null ? JSON.createObjectNode() : (ObjectNode) JSON.readTree(job.payload());
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("job " + job.id() + " has no JSON object payload to keep a choice in", e);
        }
        JsonNode existing = payload.get(CHOICES);
        (existing instanceof ObjectNode choices ? choices : payload.putObject(CHOICES)).put(field, choice);
        boolean queued = store.choose(job.id(), payload.toString(), clock.instant());
        engine.wakeUp();
        return queued;
    }

    /** The choice a person made in this job's review for {@code field}, if any. */
    public static Optional<String> choice(Job job, String field) {
        if (job.payload() == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(JSON.readTree(job.payload()).path(CHOICES).path(field).textValue());
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    public boolean retry(long id) {
        boolean retried = store.retry(id, clock.instant());
        engine.wakeUp();
        return retried;
    }

    public void pause(UUID connectionId, String reason) {
        store.pause(connectionId, reason, clock.instant());
    }

    public void resume(UUID connectionId) {
        store.resume(connectionId, clock.instant());
        engine.wakeUp();
    }

    public boolean isPaused(UUID connectionId) {
        return store.isPaused(connectionId);
    }

    public boolean isRunning() {
        return !config.enabled() || engine.isRunning();
    }

    /** Counts by status, read at most every five seconds (metrics scrapes must not load the database). */
    public Map<JobStatus, Long> countsByStatus() {
        Instant now = clock.instant();
        if (now.isAfter(countsAt.plusSeconds(5))) {
            counts = store.countByStatus();
            countsAt = now;
        }
        return counts;
    }

    private static Map<String, JobHandler> byKind(Instance<JobHandler> handlers) {
        Map<String, JobHandler> byKind = new HashMap<>();
        for (JobHandler handler : handlers) {
            if (byKind.putIfAbsent(handler.kind(), handler) != null) {
                throw new IllegalStateException("Two job handlers claim the kind " + handler.kind());
            }
        }
        return byKind;
    }

    private static String defaultOwner() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "ponte";
        }
        return host + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000));
    }
}
