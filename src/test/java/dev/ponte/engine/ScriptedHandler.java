package dev.ponte.engine;

import dev.ponte.connector.CredentialsFailure;
import dev.ponte.connector.Postponed;
import dev.ponte.connector.RejectedFailure;
import dev.ponte.connector.TransientFailure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test handler whose behaviour the job's payload scripts: {@code ok}, {@code rate-limit-once},
 * {@code reject-once}, {@code credentials-once}, {@code sleep:<ms>}, {@code postpone:<n>} (postponed by 50 ms on its
 * first n runs), {@code postpone-always} (by 1 ms), {@code history:<n>} (records n history lines, "line 1" …, then
 * waits while {@link #HOLD} is closed), {@code history-refused} (one line whose subject the database refuses). It
 * records when each job ran.
 */
@ApplicationScoped
public class ScriptedHandler implements JobHandler {

    public static final Map<Long, List<Instant>> RUNS = new ConcurrentHashMap<>();
    public static final AtomicInteger CONCURRENT = new AtomicInteger();
    public static final AtomicInteger MAX_CONCURRENT_SAME_SUBJECT = new AtomicInteger();
    private static final Map<String, AtomicInteger> RUNNING_BY_SUBJECT = new ConcurrentHashMap<>();
    /** Closed by a test to keep a {@code history:<n>} job running after its lines; {@link #HELD} has it then. */
    public static volatile CountDownLatch HOLD = new CountDownLatch(0);
    public static final Set<Long> HELD = ConcurrentHashMap.newKeySet();

    private final Records records;

    ScriptedHandler(Records records) {
        this.records = records;
    }

    @Override
    public String kind() {
        return "test.scripted";
    }

    @Override
    public JobResult run(Job job) throws Exception {
        List<Instant> runs = RUNS.computeIfAbsent(job.id(), id -> new CopyOnWriteArrayList<>());
        runs.add(Instant.now());
        AtomicInteger running = RUNNING_BY_SUBJECT.computeIfAbsent(job.subject(), s -> new AtomicInteger());
        MAX_CONCURRENT_SAME_SUBJECT.accumulateAndGet(running.incrementAndGet(), Math::max);
        try {
            String script = job.payload();
            boolean first = runs.size() == 1;
            if (script.startsWith("postpone:") && runs.size() <= Integer.parseInt(script.substring(9))) {
                throw new Postponed("waiting for a test budget", Duration.ofMillis(50));
            } else if (script.equals("postpone-always")) {
                throw new Postponed("waiting for ever", Duration.ofMillis(1));
            } else if (script.startsWith("sleep:")) {
                Thread.sleep(Long.parseLong(script.substring(6)));
            } else if (script.equals("rate-limit-once") && first) {
                throw TransientFailure.rateLimited(Duration.ofSeconds(2));
            } else if (script.equals("reject-once") && first) {
                throw new RejectedFailure("Not enough stock for product P-1",
                        List.of(new RejectedFailure.FieldError("itens[0].quantidade", "not enough stock")));
            } else if (script.equals("credentials-once") && first) {
                throw new CredentialsFailure("token revoked");
            } else if (script.startsWith("history:")) {
                for (int i = 1; i <= Integer.parseInt(script.substring(8)); i++) {
                    records.record(job.connectionId(), job.subject(), job.id(), "test", "SUCCEEDED", "line " + i,
                            null);
                }
                HELD.add(job.id());
                HOLD.await();
            } else if (script.equals("history-refused")) {
                records.record(job.connectionId(), "x".repeat(300), job.id(), "test", "SUCCEEDED", "too long", null);
            } else if (script.equals("skip")) {
                return JobResult.skipped("deal has no value");
            }
            return JobResult.succeeded();
        } finally {
            running.decrementAndGet();
        }
    }
}
