package dev.ponte.flow;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponte.engine.JobService;
import dev.ponte.engine.RunService;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

/** The backfill run (R2): each flow queues the backfill jobs of the records won or paid within the run's range. */
@Singleton
class BackfillReconciliation extends ReconciliationRun {

    BackfillReconciliation(ConnectionDirectory connections, RunService runs, JobService jobs,
            Instance<Reconciler> reconcilers, ObjectMapper json) {
        super(connections, runs, jobs, reconcilers, json, RunService.BACKFILL);
    }
}
