package dev.ponte.engine;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What flows keep about a connection's records, apart from the records themselves: identity links (which source
 * record is which ledger record, one to one), match keys (which ledger record a CNPJ, a product code or a name led
 * to — many keys may lead to one record), history lines, and change cursors.
 *
 * <p>Links and match keys are claimed before the ledger record is created, so concurrent jobs never create it twice:
 * {@link #claim} answers the ledger id when it is known, a reservation when this caller must find or create it and
 * then {@link #link} it, or busy when another job holds a fresh claim. A claim is its owner's (a job): the same job
 * retrying takes it again; one left by a crashed job goes stale after {@code staleAfter} and is taken over; one whose
 * attempt created nothing is {@link #release}d at once. Only a reservation made {@link Claim#first()} proves that no
 * one tried to create the record before.
 */
public interface Records {

    Optional<Link> linkBySource(UUID connectionId, String entityType, String sourceId);

    /** The links of these source ids (one query; callers pass a page of ids). */
    List<Link> linksBySourceIds(UUID connectionId, String entityType, Collection<String> sourceIds);

    /** The links of these ledger ids (one query; callers pass a page of ids). */
    List<Link> linksByLedgerIds(UUID connectionId, String entityType, Collection<String> ledgerIds);

    Claim claim(UUID connectionId, String entityType, String sourceId, String owner, Duration staleAfter);

    void release(UUID connectionId, String entityType, String sourceId, String owner);

    /** Links a source record to its ledger record (ending a claim). */
    void link(UUID connectionId, String entityType, String sourceId, String ledgerId);

    /** Writes a two-way link: both ids, both sides' fingerprints and versions, and the agreed snapshot. */
    void pair(UUID connectionId, String entityType, String sourceId, String ledgerId, String sourceFingerprint,
            String ledgerFingerprint, String sourceVersion, String ledgerVersion, String snapshot);

    /** The ledger record a match key led to; empty while unknown or claimed. */
    Optional<String> matched(UUID connectionId, String entityType, String key);

    /** Whether a claim of the match key is still held (neither matched nor given up). */
    boolean matchClaimed(UUID connectionId, String entityType, String key);

    Claim claimMatch(UUID connectionId, String entityType, String key, String owner, Duration staleAfter);

    void releaseMatch(UUID connectionId, String entityType, String key, String owner);

    /** Records what a match key led to (ending a claim); several keys may lead to one ledger record. */
    void match(UUID connectionId, String entityType, String key, String ledgerId);

    /** Appends a line to a record's history, in the caller's transaction if there is one. */
    void record(UUID connectionId, String subject, Long jobId, String action, String outcome, String message,
            String details);

    Optional<String> cursor(UUID connectionId, String name);

    void moveCursor(UUID connectionId, String name, String position);

    /**
     * The outcome of a claim: linked to a ledger id, reserved for this caller, or busy elsewhere. A reservation is
     * {@code first} when no claim of the key existed before it: no earlier attempt can have created the record.
     */
    record Claim(String ledgerId, boolean reserved, boolean first) {

        static Claim ofLinked(String ledgerId) {
            return new Claim(ledgerId, false, false);
        }

        static Claim ofReserved(boolean first) {
            return new Claim(null, true, first);
        }

        static Claim ofTaken() {
            return new Claim(null, false, false);
        }

        public boolean busy() {
            return ledgerId == null && !reserved;
        }
    }
}
