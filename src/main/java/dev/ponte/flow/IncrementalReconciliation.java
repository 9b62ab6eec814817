package dev.ponte.flow;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponte.engine.JobService;
import dev.ponte.engine.RunService;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Instance;

/** The incremental run: each flow reads what changed since its cursor, with an overlap for clock skew. */
@Singleton
class IncrementalReconciliation extends ReconciliationRun {

    IncrementalReconciliation(ConnectionDirectory connections, RunService runs, JobService jobs,
            Instance<Reconciler> reconcilers, ObjectMapper json) {
        super(connections, runs, jobs, reconcilers, json, RunService.INCREMENTAL);
    }
}
