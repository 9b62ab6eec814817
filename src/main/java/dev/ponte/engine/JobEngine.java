package dev.ponte.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponte.connector.CredentialsFailure;
import dev.ponte.connector.Postponed;
import dev.ponte.connector.RejectedFailure;
import dev.ponte.connector.ReviewNeeded;
import dev.ponte.connector.TransientFailure;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * One engine instance: a dispatcher thread claims ready jobs in batches under a lease, a pool of workers runs
 * their handlers, and a completer thread records outcomes in batches. Any number of instances (threads of one
 * JVM or replicas) can share one database; a lease is the only thing that says who runs a job.
 */
public final class JobEngine {

    private static final ObjectMapper JSON = new ObjectMapper();
    // A plain logger, not io.quarkus.logging.Log: the engine also runs outside Quarkus (tests, benchmark).
    private static final Logger LOG = Logger.getLogger(JobEngine.class);
    /**
     * Postponements in a row that cost no attempt; each one beyond spends an attempt like a transient failure, so a
     * job that is told to wait again and again (a vendor answering 429 for ever, a claim never released) still ends.
     */
    static final int FREE_POSTPONEMENTS = 100;
    /** The problem type of a job waiting in the review list; written first, so a query can find it by prefix. */
    public static final String REVIEW_TYPE = "urn:ponte:job:review";
    /** When a postponement names no time (a 429 without Retry-After). */
    private static final Duration DEFAULT_POSTPONEMENT = Duration.ofSeconds(1);

    private final JobStore store;
    private final Map<String, JobHandler> handlers;
    private final String owner;
    private final int workers;
    private final Duration workerIdle;
    private final Duration pollInterval;
    private final Duration leaseDuration;
    private final Backoff backoff;
    private final RateLimiter rateLimiter;
    private final Clock clock;
    private final EngineListener listener;
    private final MeterRegistry meters;

    private final Semaphore idleWorkers;
    private final BlockingQueue<JobStore.Completion> completions = new LinkedBlockingQueue<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final AtomicInteger inFlight = new AtomicInteger();
    /** The jobs this instance's workers are running, whose leases the dispatcher keeps moving on. */
    private final Set<Long> held = ConcurrentHashMap.newKeySet();
    private volatile boolean signalled;
    private volatile boolean running;
    private ExecutorService pool;
    private Thread dispatcher;
    private Thread completer;
    private Instant nextRecovery = Instant.EPOCH;
    private Instant nextRenewal = Instant.EPOCH;

    public JobEngine(JobStore store, Map<String, JobHandler> handlers, String owner, int workers, Duration workerIdle,
            Duration pollInterval, Duration leaseDuration, Duration backoffBase, Duration backoffMax,
            RateLimits rateLimits, Clock clock, EngineListener listener, MeterRegistry meters) {
        this.store = store;
        this.handlers = Map.copyOf(handlers);
        this.owner = owner;
        this.workers = workers;
        this.workerIdle = workerIdle;
        this.pollInterval = pollInterval;
        this.leaseDuration = leaseDuration;
        this.backoff = new Backoff(backoffBase, backoffMax);
        this.rateLimiter = new RateLimiter(rateLimits, clock);
        this.clock = clock;
        this.listener = listener;
        this.meters = meters;
        this.idleWorkers = new Semaphore(workers);
    }

    public String owner() {
        return owner;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        AtomicInteger n = new AtomicInteger();
        // Started as jobs come (one per job until the pool is full), ended when idle for workerIdle.
        ThreadPoolExecutor threads = new ThreadPoolExecutor(workers, workers, workerIdle.toMillis(),
                TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                r -> daemon(r, "ponte-worker-" + owner + "-" + n.incrementAndGet()));
        threads.allowCoreThreadTimeOut(true);
        pool = threads;
        completer = daemon(this::completeLoop, "ponte-completer-" + owner);
        dispatcher = daemon(this::dispatchLoop, "ponte-dispatcher-" + owner);
        completer.start();
        dispatcher.start();
    }

    /** Stops claiming, lets running jobs finish (up to {@code grace}) and records their outcomes. */
    public synchronized void stop(Duration grace) {
        if (!running) {
            return;
        }
        running = false;
        wakeUp();
        try {
            dispatcher.join(grace.toMillis());
            pool.shutdown();
            pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
            completer.join(grace.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pool.shutdownNow();
    }

    /** Tells the dispatcher new work may be ready (an enqueue in this JVM), so it need not wait for its poll. */
    public void wakeUp() {
        signalled = true;
        lock.lock();
        try {
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Jobs claimed by this instance and not yet recorded. */
    public int inFlight() {
        return inFlight.get();
    }

    public boolean isRunning() {
        return running && dispatcher.isAlive();
    }

    private void dispatchLoop() {
        while (running) {
            try {
                recoverExpiredLeasesWhenDue();
                renewLeasesWhenDue();
                int free = idleWorkers.availablePermits();
                List<Job> claimed = List.of();
                if (free > 0) {
                    signalled = false;
                    Instant now = clock.instant();
                    claimed = store.claim(owner, free, now, now.plus(leaseDuration));
                    for (Job job : claimed) {
                        idleWorkers.acquireUninterruptibly();
                        inFlight.incrementAndGet();
                        held.add(job.id());
                        pool.execute(() -> runJob(job));
                    }
                }
                if (claimed.isEmpty() || idleWorkers.availablePermits() == 0) {
                    awaitWork();
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "Job dispatcher %s could not claim jobs; retrying", owner);
                sleepQuietly(pollInterval);
            }
        }
    }

    /**
     * Waits for a signal or the poll interval; while every worker is busy, for a worker to come free (a completion
     * signals after giving its permits back), whatever was signalled meanwhile: a signal then means work for later,
     * and returning at once would spin this thread until a worker is free. The permits are read under the lock that
     * the signal takes, so a worker freed between the check and the wait is not missed.
     */
    private void awaitWork() {
        lock.lock();
        try {
            if (running && (idleWorkers.availablePermits() == 0 || !signalled)) {
                wake.await(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    private void recoverExpiredLeasesWhenDue() {
        Instant now = clock.instant();
        if (now.isBefore(nextRecovery)) {
            return;
        }
        nextRecovery = now.plus(leaseDuration.dividedBy(4));
        int recovered = store.recoverExpiredLeases(now, problem("lease-expired", "Worker lost",
                "The worker running this job stopped before finishing; the job was returned to the queue.", List.of()));
        if (recovered > 0) {
            LOG.warnf("Recovered %d job(s) whose lease expired", recovered);
            wakeUp();
        }
    }

    /**
     * Every quarter lease, moves on the leases of the jobs this instance is running: a job may run longer than one
     * lease (waiting out rate limits, slow vendors), and must not be taken over and run twice while it is alive. Only
     * a worker that stopped (its instance died) lets its lease expire.
     */
    private void renewLeasesWhenDue() {
        Instant now = clock.instant();
        if (now.isBefore(nextRenewal)) {
            return;
        }
        nextRenewal = now.plus(leaseDuration.dividedBy(4));
        List<Long> ids = List.copyOf(held);
        if (!ids.isEmpty()) {
            store.extendLeases(owner, ids, now.plus(leaseDuration));
        }
    }

    private void runJob(Job job) {
        Instant started = clock.instant();
        JobStore.Completion done;
        List<HistoryLine> history = List.of();
        try {
            if (job.attempts() == 1) {
                timer("ponte.jobs.queue.wait", "Time from enqueue to first start", job.kind())
                        .record(Duration.between(job.createdAt(), started));
            }
            long wait = rateLimiter.tryAcquire(job.connectionId());
            if (wait > 0) {
                // Over the connection's budget: put it back without spending an attempt.
                done = new JobStore.Completion(job.id(), owner, job.attempts(), JobStatus.QUEUED, job.attempts() - 1,
                        started.plusMillis(wait), null, job.lastError(), null, job.postponements());
            } else {
                JobScope.enter();
                try {
                    done = execute(job, started);
                } finally {
                    history = JobScope.exit();
                }
                timer("ponte.jobs.run", "Time a handler ran", job.kind())
                        .record(Duration.between(started, clock.instant()));
                meters.counter("ponte.jobs.completed", "kind", job.kind(), "status", done.status().name()).increment();
            }
        } catch (RuntimeException | Error e) {
            LOG.errorf(e, "Job %d (%s): the engine failed around its handler", job.id(), job.kind());
            done = failed(job, started, backoff.delay(job.attempts()), problem("internal", "Unexpected failure",
                    "Ponte failed while running this job; it will be retried.", List.of()));
        }
        completions.add(done.with(history, job.connectionId()));
        held.remove(job.id());
    }

    private JobStore.Completion execute(Job job, Instant started) {
        JobHandler handler = handlers.get(job.kind());
        try {
            if (handler == null) {
                throw new RejectedFailure("No handler is registered for job kind " + job.kind(), List.of());
            }
            JobResult result = handler.run(job);
            return finished(job, result.status(), result.reason(), null);
        } catch (ReviewNeeded e) {
            LOG.infof("Job %d (%s, %s) waits for a person's choice: %s", job.id(), job.kind(), job.subject(),
                    e.getMessage());
            return finished(job, JobStatus.DEAD, null, review(e));
        } catch (RejectedFailure e) {
            LOG.warnf("Job %d (%s, %s) is DEAD, refused: %s", job.id(), job.kind(), job.subject(), e.getMessage());
            return finished(job, JobStatus.DEAD, null, problem("rejected", "Rejected", e.getMessage(), e.errors()));
        } catch (CredentialsFailure e) {
            store.pause(job.connectionId(), "credentials refused", clock.instant());
            listener.credentialsRefused(job.connectionId(), e.getMessage());
            LOG.warnf("Connection %s paused: its credentials were refused", job.connectionId());
            return new JobStore.Completion(job.id(), owner, job.attempts(), JobStatus.QUEUED, job.attempts() - 1,
                    clock.instant(), null, problem("credentials", "Credentials refused", e.getMessage(), List.of()),
                    null);
        } catch (Postponed e) {
            return postponed(job, started, e);
        } catch (TransientFailure e) {
            Duration delay = e.retryAfter().map(d -> d.compareTo(Duration.ZERO) > 0 ? d : backoff.delay(job.attempts()))
                    .orElseGet(() -> backoff.delay(job.attempts()));
            LOG.infof("Job %d (%s, %s), attempt %d, failed for now (retry in %s): %s", job.id(), job.kind(),
                    job.subject(), job.attempts(), delay, e.getMessage());
            return failed(job, started, delay, problem("transient", "Temporary failure", e.getMessage(), List.of()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(job, started, Duration.ZERO, problem("interrupted", "Interrupted", "Ponte was stopping",
                    List.of()));
        } catch (Exception e) {
            LOG.errorf(e, "Job %d (%s) failed unexpectedly", job.id(), job.kind());
            return failed(job, started, backoff.delay(job.attempts()), problem("internal", "Unexpected failure",
                    "Ponte failed while running this job; it will be retried. The logs have the details.", List.of()));
        }
    }

    /**
     * Back in the queue at the time the handler named, with the attempt given back and the last error kept: waiting is
     * not failing. Beyond {@link #FREE_POSTPONEMENTS} in a row each postponement is a failed attempt (at the later of
     * its time and the backoff), until an outcome other than a wait starts the count again.
     */
    private JobStore.Completion postponed(Job job, Instant started, Postponed e) {
        Duration delay = e.retryAfter().filter(d -> d.compareTo(Duration.ZERO) > 0).orElse(DEFAULT_POSTPONEMENT);
        if (job.postponements() >= FREE_POSTPONEMENTS) {
            LOG.infof("Job %d (%s, %s) was postponed %d times in a row; this one spends attempt %d: %s", job.id(),
                    job.kind(), job.subject(), job.postponements(), job.attempts(), e.getMessage());
            Duration backedOff = backoff.delay(job.attempts());
            return failed(job, started, delay.compareTo(backedOff) > 0 ? delay : backedOff, problem("postponed",
                    "Waited too often", "The job was told to wait " + job.postponements() + " times in a row, last: "
                            + e.getMessage(), List.of()), job.postponements() + 1);
        }
        LOG.debugf("Job %d (%s, %s) postponed by %s: %s", job.id(), job.kind(), job.subject(), delay, e.getMessage());
        return new JobStore.Completion(job.id(), owner, job.attempts(), JobStatus.QUEUED, job.attempts() - 1,
                clock.instant().plus(delay), "waiting: " + e.getMessage(), job.lastError(), null,
                job.postponements() + 1);
    }

    private JobStore.Completion finished(Job job, JobStatus status, String reason, String error) {
        return new JobStore.Completion(job.id(), owner, job.attempts(), status, job.attempts(), null, reason, error,
                clock.instant());
    }

    private JobStore.Completion failed(Job job, Instant started, Duration delay, String error) {
        return failed(job, started, delay, error, 0);
    }

    private JobStore.Completion failed(Job job, Instant started, Duration delay, String error, int postponements) {
        if (job.attempts() >= job.maxAttempts()) {
            return finished(job, JobStatus.DEAD, null, error);
        }
        return new JobStore.Completion(job.id(), owner, job.attempts(), JobStatus.FAILED, job.attempts(),
                started.plus(delay), null, error, null, postponements);
    }

    private void completeLoop() {
        List<JobStore.Completion> batch = new ArrayList<>();
        while (running || inFlight.get() > 0 || !completions.isEmpty()) {
            try {
                JobStore.Completion first = completions.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                completions.drainTo(batch, 255);
                record(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void record(List<JobStore.Completion> batch) {
        while (true) {
            try {
                int lost = store.complete(batch);
                if (lost > 0) {
                    LOG.warnf("%d job outcome(s) not recorded: their lease had expired and another worker took them", lost);
                }
                forgetAgain(batch);
                break;
            } catch (RuntimeException e) {
                LOG.errorf(e, "Could not record %d job outcome(s); retrying", batch.size());
                sleepQuietly(pollInterval);
                if (!running && Thread.currentThread().isInterrupted()) {
                    return;
                }
            }
        }
        int n = batch.size();
        batch.clear();
        inFlight.addAndGet(-n);
        idleWorkers.release(n);
        wakeUp();
    }

    /** What jobs that ran while their connection's personal data was being forgotten wrote is forgotten too. */
    private void forgetAgain(List<JobStore.Completion> batch) {
        Set<UUID> ran = new HashSet<>();
        batch.forEach(done -> {
            if (done.connectionId() != null) {
                ran.add(done.connectionId());
            }
        });
        if (ran.isEmpty()) {
            return;
        }
        try {
            store.pausedFor(JobService.FORGOTTEN, ran).forEach(listener::ranWhileForgotten);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not forget again what jobs of a forgotten connection wrote");
        }
    }

    private Timer timer(String name, String description, String kind) {
        return Timer.builder(name).description(description).tag("kind", kind).publishPercentileHistogram()
                .register(meters);
    }

    /** An RFC 9457 problem document, kept as the job's last error. */
    static String problem(String type, String title, String detail, List<RejectedFailure.FieldError> errors) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", "urn:ponte:job:" + type);
        node.put("title", title);
        node.put("detail", detail);
        if (!errors.isEmpty()) {
            ArrayNode list = node.putArray("errors");
            errors.forEach(e -> list.addObject().put("field", e.field()).put("message", e.message()));
        }
        return node.toString();
    }

    /** The problem of a job that waits in the review list: the field to choose and its candidates. */
    static String review(ReviewNeeded e) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", REVIEW_TYPE);
        node.put("title", "Waits for a person's choice");
        node.put("detail", e.getMessage());
        node.putArray("errors").addObject().put("field", e.field()).put("message", e.getMessage());
        node.put("field", e.field());
        ArrayNode candidates = node.putArray("candidates");
        e.candidates().forEach(c -> candidates.addObject().put("id", c.id()).put("name", c.name())
                .put("document", c.document()));
        return node.toString();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static void sleepQuietly(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
