package dev.ponte.flow;

import dev.ponte.connector.SourcePort;
import dev.ponte.connector.SourcePort.DealPage;
import dev.ponte.engine.Job;
import dev.ponte.engine.JobHandler;
import dev.ponte.engine.JobResult;
import dev.ponte.engine.JobService;
import dev.ponte.engine.RecordService;
import dev.ponte.flow.ConnectionDirectory.ConnectionView;
import dev.ponte.model.Deal;
import dev.ponte.model.DealStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Incremental reconciliation for deals (R18, R50): reads the deals changed since the connection's cursor (minus an
 * overlap for clock skew) and enqueues the won ones the webhooks may have missed. The job keys are the same as the
 * webhook's, so a deal seen both ways is one job.
 */
@ApplicationScoped
public class DealReconciliation implements JobHandler {

    static final Duration OVERLAP = Duration.ofMinutes(5);
    private static final String CURSOR = "deals";

    private final ConnectionDirectory connections;
    private final RecordService records;
    private final JobService jobs;
    private final Clock clock;

    DealReconciliation(ConnectionDirectory connections, RecordService records, JobService jobs, Clock clock) {
        this.connections = connections;
        this.records = records;
        this.jobs = jobs;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return "reconcile.incremental";
    }

    @Override
    public JobResult run(Job job) {
        Optional<ConnectionView> found = connections.find(job.connectionId());
        if (found.isEmpty() || !found.get().active()) {
            return JobResult.skipped("the connection is not active");
        }
        ConnectionView connection = found.get();
        Instant started = clock.instant();
        Instant since = records.cursor(connection.id(), CURSOR).map(Instant::parse).map(i -> i.minus(OVERLAP))
                .orElse(connection.activatedAt());
        SourcePort source = connections.source(connection.id());
        int seen = 0;
        int enqueued = 0;
        String cursor = null;
        do {
            DealPage page = source.dealsChangedSince(since, cursor);
            for (Deal deal : page.deals()) {
                seen++;
                if (deal.status() == DealStatus.WON && deal.wonTime() != null
                        && !deal.wonTime().isBefore(connection.activationSecond())) {
                    jobs.enqueue(WonDeals.job(connection, deal.id(), deal.wonTime(), null));
                    enqueued++;
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        records.moveCursor(connection.id(), CURSOR, started.toString());
        return JobResult.succeeded(seen + " changed deals read, " + enqueued + " won deals queued");
    }
}
