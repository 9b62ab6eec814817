package dev.ponte.flow;

import dev.ponte.engine.NewJob;
import dev.ponte.flow.ConnectionDirectory.ConnectionView;
import java.util.Locale;

/**
 * The job that syncs one paid order, keyed on the connection (hence the store), the event and the order id: a
 * webhook delivered many times and a reconciliation that finds the same order make one job.
 */
public final class PaidOrders {

    private PaidOrders() {
    }

    public static NewJob job(ConnectionView connection, String orderId) {
        String source = connection.sourceSystem().toLowerCase(Locale.ROOT);
        return new NewJob(connection.id(), PaidOrderToSale.JOB_KIND, source + ":order:" + orderId,
                connection.id() + ":" + source + ":order:" + orderId + ":paid",
                "{\"orderId\":\"" + orderId.replace("\"", "") + "\"}");
    }

    /** The backfill job of an order paid within {@code range} (R2): keyed apart from the webhook's, with its range. */
    static NewJob backfillJob(ConnectionView connection, String orderId, Backfill range) {
        NewJob job = job(connection, orderId);
        return new NewJob(job.connectionId(), job.kind(), job.subject(), job.idempotencyKey() + ":backfill",
                "{\"orderId\":\"" + orderId.replace("\"", "") + "\"," + range.json() + "}");
    }
}
