package dev.ponte.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponte.engine.Job;
import dev.ponte.engine.JobHandler;
import dev.ponte.engine.JobResult;
import dev.ponte.engine.JobService;
import dev.ponte.engine.RunCounts;
import dev.ponte.engine.RunService;
import dev.ponte.flow.ConnectionDirectory.ConnectionView;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.Optional;

/**
 * A reconciliation run (R50), scheduled ({@code schedule.<mode>}) or manual: runs the {@link Reconciler} of each flow
 * the connection has that takes part in the mode, and keeps the run's report. One run per connection at a time.
 */
abstract class ReconciliationRun implements JobHandler {

    private final ConnectionDirectory connections;
    private final RunService runs;
    private final JobService jobs;
    private final List<Reconciler> reconcilers;
    private final ObjectMapper json;
    private final String mode;

    ReconciliationRun(ConnectionDirectory connections, RunService runs, JobService jobs,
            Instance<Reconciler> reconcilers, ObjectMapper json, String mode) {
        this.connections = connections;
        this.runs = runs;
        this.jobs = jobs;
        this.reconcilers = reconcilers.stream().toList();
        this.json = json;
        this.mode = mode;
    }

    @Override
    public String kind() {
        return "reconcile." + mode;
    }

    @Override
    public JobResult run(Job job) throws Exception {
        Optional<ConnectionView> found = connections.find(job.connectionId());
        if (found.isEmpty() || !found.get().active()) {
            return JobResult.skipped("the connection is not active");
        }
        JsonNode payload = job.payload() == null ? null : json.readTree(job.payload());
        Long runId = payload != null && payload.hasNonNull("runId") ? payload.get("runId").asLong() : null;
        Optional<Long> run = runs.begin(job, runId, mode);
        if (run.isEmpty()) {
            return JobResult.skipped("another reconciliation run of this connection is in progress");
        }
        long id = run.get();
        Optional<Backfill> range = payload == null ? Optional.empty() : Backfill.of(payload);
        RunCounts counts = new RunCounts();
        // A run of 100,000 records outlasts the engine's lease: keep it, or another worker would run it too.
        Runnable keepLease = jobs.leaseKeeper(job);
        try {
            for (Reconciler reconciler : reconcilers) {
                if (!java.util.Collections.disjoint(found.get().flows(), reconciler.flows()) && reconciler.modes().contains(mode)) {
                    Runnable progress = () -> {
                        keepLease.run();
                        runs.progress(id, counts);
                    };
                    if (range.isPresent()) {
                        reconciler.backfill(found.get(), range.get(), counts, progress);
                    } else {
                        reconciler.reconcile(found.get(), mode, counts, progress);
                    }
                }
            }
        } catch (JobService.LeaseLost e) {
            // The worker that took the job over carries the run on and finishes it.
            throw e;
        } catch (Exception | Error e) {
            runs.finish(id, counts, false, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            throw e;
        }
        runs.finish(id, counts, true, range.map(r -> "backfill from " + r + ": ").orElse("") + counts);
        return JobResult.succeeded("run " + id + ": " + counts);
    }
}
