package dev.ponte.flow;

import dev.ponte.engine.NewJob;
import dev.ponte.flow.ConnectionDirectory.ConnectionView;
import java.time.Instant;

/** The job that syncs one won deal, keyed so a webhook delivered many times and a poll make one job. */
public final class WonDeals {

    private WonDeals() {
    }

    public static NewJob job(ConnectionView connection, String dealId, Instant wonTime) {
        String source = connection.sourceSystem().toLowerCase();
        return new NewJob(connection.id(), WonDealToSale.JOB_KIND, source + ":deal:" + dealId,
                connection.id() + ":" + source + ":deal:" + dealId + ":won:" + wonTime,
                "{\"dealId\":\"" + dealId.replace("\"", "") + "\"}");
    }
}
