package dev.ponte.flow;

import dev.ponte.engine.NewJob;
import dev.ponte.flow.ConnectionDirectory.ConnectionView;
import java.time.Instant;

/** The job that syncs one won deal, keyed so a webhook delivered many times and a poll make one job. */
public final class WonDeals {

    private WonDeals() {
    }

    /**
     * The job for a deal won at {@code wonTime}; when the source did not say when ({@code wonTime} null), the
     * delivery's {@code eventId} keys it instead.
     */
    public static NewJob job(ConnectionView connection, String dealId, Instant wonTime, String eventId) {
        String source = connection.sourceSystem().toLowerCase();
        String won = wonTime != null ? "won:" + wonTime : "event:" + eventId;
        return new NewJob(connection.id(), WonDealToSale.JOB_KIND, source + ":deal:" + dealId,
                connection.id() + ":" + source + ":deal:" + dealId + ":" + won,
                "{\"dealId\":\"" + dealId.replace("\"", "") + "\"}");
    }
}
