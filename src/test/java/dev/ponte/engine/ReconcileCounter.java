package dev.ponte.engine;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Stands in for a flow's full reconciliation: counts runs per connection. */
@ApplicationScoped
public class ReconcileCounter implements JobHandler {

    public static final Map<UUID, AtomicInteger> RUNS = new ConcurrentHashMap<>();

    @Override
    public String kind() {
        return "reconcile.full";
    }

    @Override
    public JobResult run(Job job) {
        RUNS.computeIfAbsent(job.connectionId(), id -> new AtomicInteger()).incrementAndGet();
        return JobResult.succeeded();
    }
}
