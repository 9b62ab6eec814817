package dev.ponte.flow;

import dev.ponte.connector.RejectedFailure;
import dev.ponte.connector.ReviewNeeded;
import java.util.ArrayList;
import java.util.List;

/**
 * What one flow would do with one record in a dry run (R61), without writing anything: create its document, reuse
 * the one already created, skip it, wait for a person's choice, or be refused — and each decision that leads there,
 * worded as the record's history would word it (R62).
 */
public record Preview(String flow, String subject, Outcome outcome, List<String> decisions) {

    public enum Outcome {
        CREATE, REUSE, SKIP, REVIEW, REFUSE
    }

    /** The decisions of one preview as a flow takes them; ends in one outcome. */
    static final class Steps {

        private final String flow;
        private final String subject;
        private final List<String> decisions = new ArrayList<>();

        Steps(String flow, String subject) {
            this.flow = flow;
            this.subject = subject;
        }

        Steps add(String decision) {
            decisions.add(decision);
            return this;
        }

        Preview end(Outcome outcome, String decision) {
            decisions.add(decision);
            return new Preview(flow, subject, outcome, List.copyOf(decisions));
        }

        Preview skip(String reason) {
            return end(Outcome.SKIP, "skipped: " + reason);
        }

        /** The outcome of a refusal or a review the flow would meet: what the job would wait or fail on. */
        Preview stopped(RuntimeException e) {
            if (e instanceof ReviewNeeded review) {
                return end(Outcome.REVIEW, "waits in the review list: " + review.getMessage());
            }
            if (e instanceof RejectedFailure) {
                return end(Outcome.REFUSE, "refused: " + e.getMessage());
            }
            throw e;
        }
    }
}
