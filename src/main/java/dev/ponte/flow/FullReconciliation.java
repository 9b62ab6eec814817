package dev.ponte.flow;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponte.engine.JobService;
import dev.ponte.engine.RunService;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Instance;

/** The full run (nightly): each flow streams both sides page by page and fixes drift. */
@Singleton
class FullReconciliation extends ReconciliationRun {

    FullReconciliation(ConnectionDirectory connections, RunService runs, JobService jobs,
            Instance<Reconciler> reconcilers, ObjectMapper json) {
        super(connections, runs, jobs, reconcilers, json, RunService.FULL);
    }
}
