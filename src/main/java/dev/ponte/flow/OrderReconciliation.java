package dev.ponte.flow;

import dev.ponte.connector.OrderSource;
import dev.ponte.connector.OrderSource.OrderPage;
import dev.ponte.engine.JobService;
import dev.ponte.engine.Records;
import dev.ponte.engine.RunCounts;
import dev.ponte.engine.RunService;
import dev.ponte.flow.ConnectionDirectory.ConnectionView;
import dev.ponte.model.Order;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Reconciliation for shop orders (R18, R50): reads the orders changed since the connection's cursor (minus an overlap
 * for clock skew; a full run reads from the activation) and queues the paid ones a webhook may have missed, with the
 * webhook's job key, so an order seen both ways is one job. A queued order counts as created, any other as unchanged.
 */
@ApplicationScoped
public class OrderReconciliation implements Reconciler {

    static final Duration OVERLAP = Duration.ofMinutes(5);
    private static final String CURSOR = "orders";

    private final ConnectionDirectory connections;
    private final Records records;
    private final JobService jobs;
    private final Clock clock;

    OrderReconciliation(ConnectionDirectory connections, Records records, JobService jobs, Clock clock) {
        this.connections = connections;
        this.records = records;
        this.jobs = jobs;
        this.clock = clock;
    }

    @Override
    public Set<String> flows() {
        return Set.of(PaidOrderToSale.NAME);
    }

    @Override
    public Set<String> modes() {
        return Set.of(RunService.INCREMENTAL, RunService.FULL, RunService.BACKFILL);
    }

    @Override
    public void reconcile(ConnectionView connection, String mode, RunCounts counts, Runnable progress) {
        boolean full = RunService.FULL.equals(mode);
        Instant started = clock.instant();
        Instant since = full ? connection.activatedAt()
                : records.cursor(connection.id(), CURSOR).map(Instant::parse).map(i -> i.minus(OVERLAP))
                        .orElse(connection.activatedAt());
        OrderSource source = connections.source(connection.id(), OrderSource.class);
        String cursor = null;
        do {
            OrderPage page = source.ordersChangedSince(since, cursor);
            for (Order order : page.orders()) {
                if (order.paid() && order.paidTime() != null
                        && !order.paidTime().isBefore(connection.activationSecond())) {
                    jobs.enqueue(PaidOrders.job(connection, order.id()));
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

    /** R2: queues the backfill job of every order paid within the range; the incremental cursor stays where it is. */
    @Override
    public void backfill(ConnectionView connection, Backfill range, RunCounts counts, Runnable progress) {
        paidWithin(connections.source(connection.id(), OrderSource.class), range, order -> {
            if (order == null) {
                counts.add(RunCounts.Outcome.UNCHANGED);
            } else {
                jobs.enqueue(PaidOrders.backfillJob(connection, order.id(), range));
                counts.add(RunCounts.Outcome.CREATED);
            }
            return true;
        }, progress);
    }

    /**
     * Reads the orders changed since the range's start, page by page, and gives {@code each} those paid within it
     * (as listed) and null for any other, until it answers false; {@code progress} after every page.
     */
    static void paidWithin(OrderSource source, Backfill range, java.util.function.Predicate<Order> each,
            Runnable progress) {
        String cursor = null;
        do {
            OrderPage page = source.ordersChangedSince(range.from(), cursor);
            for (Order order : page.orders()) {
                if (!each.test(order.paid() && range.covers(order.paidTime()) ? order : null)) {
                    return;
                }
            }
            progress.run();
            cursor = page.nextCursor();
        } while (cursor != null);
    }
}
