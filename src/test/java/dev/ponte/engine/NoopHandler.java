package dev.ponte.engine;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Does nothing but count, per job, how often it ran: the engine's exactly-once check. */
@ApplicationScoped
public class NoopHandler implements JobHandler {

    public static final Map<Long, AtomicInteger> RUNS = new ConcurrentHashMap<>();

    @Override
    public String kind() {
        return "test.noop";
    }

    @Override
    public JobResult run(Job job) {
        RUNS.computeIfAbsent(job.id(), id -> new AtomicInteger()).incrementAndGet();
        return JobResult.succeeded();
    }
}
