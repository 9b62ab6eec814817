package dev.ponte.flow;

import dev.ponte.connector.DealSource;
import dev.ponte.connector.DealSource.DealPage;
import dev.ponte.engine.JobService;
import dev.ponte.engine.Records;
import dev.ponte.engine.RunCounts;
import dev.ponte.flow.ConnectionDirectory.ConnectionView;
import dev.ponte.model.Deal;
import dev.ponte.model.DealStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Reconciliation for deals (R18, R50): reads the deals changed since the connection's cursor (minus an overlap for
 * clock skew; a full run reads from the activation) and enqueues, for each of the connection's {@link WonDeals} flows,
 * the won ones the webhooks may have missed. The job
 * keys are the same as the webhook's, so a deal seen both ways is one job. In the run's report a queued won deal
 * counts as created, any other deal as unchanged.
 */
@ApplicationScoped
public class DealReconciliation implements Reconciler {

    static final Duration OVERLAP = Duration.ofMinutes(5);
    private static final String CURSOR = "deals";

    private final ConnectionDirectory connections;
    private final Records records;
    private final JobService jobs;
    private final Clock clock;
    private final java.util.List<WonDeals> dealFlows;

    DealReconciliation(ConnectionDirectory connections, Records records, JobService jobs, Clock clock,
            jakarta.enterprise.inject.Instance<WonDeals> dealFlows) {
        this.dealFlows = dealFlows.stream().toList();
        this.connections = connections;
        this.records = records;
        this.jobs = jobs;
        this.clock = clock;
    }

    @Override
    public java.util.Set<String> flows() {
        return dealFlows.stream().map(WonDeals::name).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    @Override
    public java.util.Set<String> modes() {
        return java.util.Set.of(dev.ponte.engine.RunService.INCREMENTAL, dev.ponte.engine.RunService.FULL,
                dev.ponte.engine.RunService.BACKFILL);
    }

    @Override
    public void reconcile(ConnectionView connection, String mode, RunCounts counts, Runnable progress) {
        boolean full = dev.ponte.engine.RunService.FULL.equals(mode);
        Instant started = clock.instant();
        Instant since = full ? connection.activatedAt()
                : records.cursor(connection.id(), CURSOR).map(Instant::parse).map(i -> i.minus(OVERLAP))
                        .orElse(connection.activatedAt());
        java.util.List<WonDeals> flows = flows(connection);
        DealSource source = connections.source(connection.id(), DealSource.class);
        String cursor = null;
        do {
            DealPage page = source.dealsChangedSince(since, cursor);
            for (Deal deal : page.deals()) {
                if (deal.status() == DealStatus.WON && deal.wonTime() != null
                        && !deal.wonTime().isBefore(connection.activationSecond())) {
                    for (WonDeals flow : flows) {
                        jobs.enqueue(flow.job(connection, deal.id(), deal.wonTime(), null));
                    }
                    counts.add(RunCounts.Outcome.CREATED);
                } else {
                    counts.add(RunCounts.Outcome.UNCHANGED);
                }
            }
            progress.run();
            cursor = page.nextCursor();
        } while (cursor != null);
        records.moveCursor(connection.id(), CURSOR, started.toString());
    }

    /**
     * R2: queues, for each of the connection's flows on won deals, the backfill job of every deal won within the
     * range; the cursor of the incremental runs is left where it is.
     */
    @Override
    public void backfill(ConnectionView connection, Backfill range, RunCounts counts, Runnable progress) {
        java.util.List<WonDeals> flows = flows(connection);
        wonWithin(connections.source(connection.id(), DealSource.class), range, deal -> {
            if (deal == null) {
                counts.add(RunCounts.Outcome.UNCHANGED);
            } else {
                flows.forEach(flow -> jobs.enqueue(flow.backfillJob(connection, deal, range)));
                counts.add(RunCounts.Outcome.CREATED);
            }
            return true;
        }, progress);
    }

    /** The connection's flows on won deals. */
    java.util.List<WonDeals> flows(ConnectionView connection) {
        return dealFlows.stream().filter(f -> connection.flows().contains(f.name())).toList();
    }

    /**
     * Reads the deals changed since the range's start, page by page, and gives {@code each} those won within it (as
     * listed: shallow) and null for any other, until it answers false; {@code progress} after every page.
     */
    static void wonWithin(DealSource source, Backfill range, java.util.function.Predicate<Deal> each,
            Runnable progress) {
        String cursor = null;
        do {
            DealPage page = source.dealsChangedSince(range.from(), cursor);
            for (Deal deal : page.deals()) {
                boolean won = deal.status() == DealStatus.WON && range.covers(deal.wonTime());
                if (!each.test(won ? deal : null)) {
                    return;
                }
            }
            progress.run();
            cursor = page.nextCursor();
        } while (cursor != null);
    }
}
