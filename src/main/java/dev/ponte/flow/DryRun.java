package dev.ponte.flow;

import dev.ponte.connector.DealSource;
import dev.ponte.flow.ConnectionDirectory.ConnectionView;
import dev.ponte.model.Deal;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Dry run (R61): for a connection, enabled or not yet, what each of its flows on won deals would do with the deals
 * won within a range — create, reuse, skip, wait for a review, be refused — and why, as a backfill of that range would
 * do it (R2). Only reads: the CRM's deals, the ledger's lookups and Ponte's own links; nothing is claimed, created,
 * queued or recorded. A range of more won deals than {@code limit} is previewed up to it, and says so.
 */
@ApplicationScoped
public class DryRun {

    private final ConnectionDirectory connections;
    private final DealReconciliation deals;

    DryRun(ConnectionDirectory connections, DealReconciliation deals) {
        this.connections = connections;
        this.deals = deals;
    }

    /** The previews, newest change last as the CRM lists them, and how many of each outcome. */
    public record Result(List<Preview> previews, Map<Preview.Outcome, Integer> counts, int deals, boolean truncated) {
    }

    /** Whether the connection runs any flow a dry run or a backfill can preview. */
    public boolean offered(ConnectionView connection) {
        return !deals.flows(connection).isEmpty();
    }

    public Result preview(ConnectionView connection, Backfill range, int limit) {
        List<WonDeals> flows = deals.flows(connection);
        DealSource source = connections.source(connection.id(), DealSource.class);
        List<Preview> previews = new ArrayList<>();
        boolean[] truncated = { false };
        int[] seen = { 0 };
        DealReconciliation.wonWithin(source, range, listed -> {
            if (listed == null) {
                return true;
            }
            if (seen[0] == limit) {
                truncated[0] = true;
                return false;
            }
            seen[0]++;
            Optional<Deal> deal = source.deal(listed.id());
            for (WonDeals flow : flows) {
                previews.add(deal.map(d -> flow.preview(connection, d, range)).orElseGet(() -> flow
                        .previewOf(connection, listed).skip("the deal no longer exists in the CRM")));
            }
            return true;
        }, () -> {
        });
        Map<Preview.Outcome, Integer> counts = new EnumMap<>(Preview.Outcome.class);
        for (Preview.Outcome outcome : Preview.Outcome.values()) {
            counts.put(outcome, (int) previews.stream().filter(p -> p.outcome() == outcome).count());
        }
        return new Result(previews, counts, seen[0], truncated[0]);
    }
}
