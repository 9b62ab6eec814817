package dev.ponte.flow;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponte.engine.JobService;
import dev.ponte.engine.RunService;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

/** The catalogue import's run (R34): on its own schedule ({@code schedule.catalog}) or by hand. */
@Singleton
class CatalogRun extends ReconciliationRun {

    CatalogRun(ConnectionDirectory connections, RunService runs, JobService jobs, Instance<Reconciler> reconcilers,
            ObjectMapper json) {
        super(connections, runs, jobs, reconcilers, json, RunService.CATALOG);
    }
}
