package dev.ponte.flow;

import dev.ponte.connector.WebhookInbound.SourceEvent;
import dev.ponte.engine.NewJob;
import dev.ponte.flow.ConnectionDirectory.ConnectionView;
import java.util.Optional;

/**
 * A flow that acts on its source's webhook events. When a connection running it is switched on, Ponte calls
 * {@link #prepare} and then subscribes the source's webhook (where the source subscribes by API); each verified
 * delivery is then offered to {@link #jobFor}, and the job it answers is queued before the delivery is acknowledged.
 */
public interface SourceEventFlow extends FlowDefinition {

    /** Readies the source for this flow when the connection is switched on (e.g. creates the deal fields it reads). */
    void prepare(ConnectionView connection);

    /** The job this event asks for (keyed so that a repeated delivery is the same job), or empty with its reason. */
    Decision jobFor(ConnectionView connection, SourceEvent event);

    /** A job to queue, or the reason why there is none. */
    record Decision(Optional<NewJob> job, String ignored) {

        public static Decision queue(NewJob job) {
            return new Decision(Optional.of(job), null);
        }

        public static Decision ignore(String reason) {
            return new Decision(Optional.empty(), reason);
        }
    }
}
