package dev.ponte.flow;

import dev.ponte.connector.Postponed;
import dev.ponte.connector.RejectedFailure;
import dev.ponte.engine.Job;
import dev.ponte.engine.Records;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One ledger document (a sale, a receivable, a payable) per source record, exactly once (DESIGN §3): the document is
 * claimed through a link before it is created and carries a marker naming the connection and the record; an attempt
 * that finds an earlier claim (its own job's earlier attempt, or a crashed job's) looks for the marker first, so a
 * crash between the ledger's create and Ponte's commit does not produce a second document, while the first attempt
 * spares that search. A refused create gives the claim back at once; a postponed one (nothing reached the ledger)
 * gives back a claim that was the first, keeping the next attempt first.
 */
@ApplicationScoped
public class ExactlyOnce {

    private final Records records;

    ExactlyOnce(Records records) {
        this.records = records;
    }

    /** How the document's id was obtained. */
    public enum How {
        /** Linked before this attempt: nothing was done. */
        ALREADY_LINKED,
        /** Created by an earlier attempt whose answer was lost, and found by its marker. */
        FOUND_BY_MARKER,
        CREATED
    }

    /** The document's ledger id and how it was obtained. */
    public record Outcome(String id, How how) {
    }

    /** The document already linked to this source record, if any (a cheap check before any other work). */
    public Optional<String> linked(UUID connectionId, String type, String key) {
        return records.linkBySource(connectionId, type, key).map(dev.ponte.engine.Link::ledgerId);
    }

    /**
     * Creates the {@code type} document of source record {@code key} once: {@code findEarlier} looks for its marker,
     * {@code create} creates it; the link is written before this returns.
     *
     * @throws Postponed while another job holds the claim
     */
    public Outcome create(Job job, UUID connectionId, String type, String key, Supplier<Optional<String>> findEarlier,
            Supplier<String> create) {
        return create("job:" + job.id(), LedgerMatching.recheck(job), connectionId, type, key, findEarlier, create);
    }

    /**
     * The same for work that is not one job's (a record of a run, a user's click): {@code owner} names this attempt,
     * and {@code recheck} is when to try again while another attempt holds the claim.
     */
    public Outcome create(String owner, Duration recheck, UUID connectionId, String type, String key,
            Supplier<Optional<String>> findEarlier, Supplier<String> create) {
        Records.Claim claim = records.claim(connectionId, type, key, owner, LedgerMatching.CLAIM_STALE_AFTER);
        if (claim.ledgerId() != null) {
            return new Outcome(claim.ledgerId(), How.ALREADY_LINKED);
        }
        if (claim.busy()) {
            throw new Postponed("another job is creating this record's " + type, recheck);
        }
        // Only an attempt that found an earlier claim can follow one that created the document and lost the answer.
        Optional<String> earlier = claim.first() ? Optional.empty() : findEarlier.get();
        Outcome outcome;
        if (earlier.isPresent()) {
            outcome = new Outcome(earlier.get(), How.FOUND_BY_MARKER);
        } else {
            try {
                outcome = new Outcome(create.get(), How.CREATED);
            } catch (RejectedFailure refused) {
                // Refused means nothing was created: the next attempt, of this job or another, starts afresh.
                records.release(connectionId, type, key, owner);
                throw refused;
            } catch (Postponed waiting) {
                // Nothing reached the ledger (a 429 is not processed; the pacer never sent it).
                if (claim.first()) {
                    records.release(connectionId, type, key, owner);
                }
                throw waiting;
            }
        }
        records.link(connectionId, type, key, outcome.id());
        return outcome;
    }
}
