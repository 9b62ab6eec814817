package dev.ponte.connector;

import dev.ponte.model.Deal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A CRM's deals (R1): each with its parties and product lines, and those changed since a time (R18). */
public interface DealSource {

    /**
     * The deal with its organization, person and product lines; empty when it no longer exists. Custom fields of
     * the organization and the person (where a CRM keeps CPF/CNPJ, R7) are in {@link Deal#customFields()} under
     * {@code org.<key>} and {@code person.<key>}; the deal's own fields keep their bare keys.
     */
    Optional<Deal> deal(String id);

    /**
     * Deals changed at or after {@code since}, one page at a time; {@code cursor} null asks for the first page. The
     * deals may be shallow (no parties, no lines): a flow reads each with {@link #deal} before acting.
     */
    DealPage dealsChangedSince(Instant since, String cursor);

    /** One page of changed deals and the cursor of the next (null when this was the last). */
    record DealPage(List<Deal> deals, String nextCursor) {
    }
}
