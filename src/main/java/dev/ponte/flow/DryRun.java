package dev.ponte.flow;

import dev.ponte.connector.DealSource;
import dev.ponte.connector.OrderSource;
import dev.ponte.flow.ConnectionDirectory.ConnectionView;
import dev.ponte.model.Deal;
import dev.ponte.model.Order;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Dry run (R61): for a connection, enabled or not yet, what each of its flows on won deals (or paid orders) would do
 * with the deals won (orders paid) within a range — create, reuse, skip, wait for a review, be refused — and why, as a backfill of that range would
 * do it (R2). Only reads: the CRM's deals, the ledger's lookups and Ponte's own links; nothing is claimed, created,
 * queued or recorded. A range of more such records than {@code limit} is previewed up to it, and says so.
 */
@ApplicationScoped
public class DryRun {

    private final ConnectionDirectory connections;
    private final DealReconciliation deals;
    private final PaidOrderToSale orders;

    DryRun(ConnectionDirectory connections, DealReconciliation deals, PaidOrderToSale orders) {
        this.connections = connections;
        this.deals = deals;
        this.orders = orders;
    }

    /** The previews, in the order the source lists its records, how many of each outcome, and of how many records. */
    public record Result(List<Preview> previews, Map<Preview.Outcome, Integer> counts, int records, boolean truncated) {
    }

    /** Whether the connection runs any flow a dry run or a backfill can preview (on won deals or paid orders). */
    public boolean offered(ConnectionView connection) {
        return !deals.flows(connection).isEmpty() || connection.flows().contains(PaidOrderToSale.NAME);
    }

    public Result preview(ConnectionView connection, Backfill range, int limit) {
        List<Preview> previews = new ArrayList<>();
        int[] seen = { 0 };
        boolean[] truncated = { false };
        Predicate<Object> room = listed -> {
            truncated[0] = seen[0] == limit;
            seen[0] += truncated[0] ? 0 : 1;
            return !truncated[0];
        };
        List<WonDeals> flows = deals.flows(connection);
        if (!flows.isEmpty()) {
            DealSource source = connections.source(connection.id(), DealSource.class);
            DealReconciliation.wonWithin(source, range, listed -> {
                if (listed == null) {
                    return true;
                }
                if (!room.test(listed)) {
                    return false;
                }
                Optional<Deal> deal = source.deal(listed.id());
                for (WonDeals flow : flows) {
                    previews.add(deal.map(d -> flow.preview(connection, d, range)).orElseGet(() -> flow
                            .previewOf(connection, listed).skip("the deal no longer exists in the CRM")));
                }
                return true;
            }, () -> {
            });
        }
        if (connection.flows().contains(PaidOrderToSale.NAME) && !truncated[0]) {
            OrderSource source = connections.source(connection.id(), OrderSource.class);
            OrderReconciliation.paidWithin(source, range, listed -> {
                if (listed == null) {
                    return true;
                }
                if (!room.test(listed)) {
                    return false;
                }
                Optional<Order> order = source.order(listed.id());
                previews.add(order.map(o -> orders.preview(connection, o, range)).orElseGet(() -> new Preview.Steps(
                        PaidOrderToSale.NAME, PaidOrders.job(connection, listed.id()).subject())
                        .skip("the order no longer exists in the shop")));
                return true;
            }, () -> {
            });
        }
        Map<Preview.Outcome, Integer> counts = new EnumMap<>(Preview.Outcome.class);
        for (Preview.Outcome outcome : Preview.Outcome.values()) {
            counts.put(outcome, (int) previews.stream().filter(p -> p.outcome() == outcome).count());
        }
        return new Result(previews, counts, seen[0], truncated[0]);
    }
}
