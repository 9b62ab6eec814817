package dev.ponte.flow;

import dev.ponte.connector.WebhookInbound.SourceEvent;
import dev.ponte.engine.NewJob;
import dev.ponte.flow.ConnectionDirectory.ConnectionView;
import dev.ponte.model.DealStatus;
import java.time.Instant;

/**
 * A flow that acts on won deals (a sale, a receivable, a payable: R23's several actions of one trigger). Each queues its
 * own job per deal, keyed so that a webhook delivered many times and a reconciliation's poll make one job of that flow,
 * and each job is recorded and retried on its own: a failing receivable never re-creates the sale.
 */
public interface WonDeals extends SourceEventFlow {

    /** The kind of the flow's jobs. */
    String kind();

    /** A won deal's delivery queues this flow's job (one per deal and won time); any other is ignored. */
    @Override
    default Decision jobFor(ConnectionView connection, SourceEvent event) {
        if (event.deal() == null || event.deal().status() != DealStatus.WON) {
            return Decision.ignore("deal " + event.dealId() + " is not won");
        }
        return Decision.queue(job(connection, event.dealId(), event.deal().wonTime(), event.eventId()));
    }

    /**
     * The job for a deal won at {@code wonTime}; when the source did not say when ({@code wonTime} null), the
     * delivery's {@code eventId} keys it instead.
     */
    default NewJob job(ConnectionView connection, String dealId, Instant wonTime, String eventId) {
        String source = connection.sourceSystem().toLowerCase();
        String won = wonTime != null ? "won:" + wonTime : "event:" + eventId;
        return new NewJob(connection.id(), kind(), source + ":deal:" + dealId,
                connection.id() + ":" + kind() + ":" + source + ":deal:" + dealId + ":" + won,
                "{\"dealId\":\"" + dealId.replace("\"", "") + "\"}");
    }
}
