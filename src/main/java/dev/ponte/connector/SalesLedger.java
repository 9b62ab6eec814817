package dev.ponte.connector;

import dev.ponte.model.SalesDocument;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** A ledger's sales (R1, R3, R9–R11): pending review, found again by their marker, with the account's sellers. */
public interface SalesLedger {

    /**
     * The sale a previous attempt created with this marker, if any: how a retried job finds its own earlier effect
     * instead of creating a second sale (DESIGN §3). {@code customerId} (the sale's customer, or null for any) and
     * {@code date} (the sale date the marker was written with) narrow the search.
     */
    Optional<String> findSaleByMarker(String marker, String customerId, LocalDate date);

    /** Creates the sale pending review; answers its ledger id. */
    String createSale(SalesDocument sale);

    /** The sellers who may be named on a sale (R11); an account without any answers none. */
    List<LedgerSeller> sellers();

    /** The account's time zone: the day a deal won at some instant is a sale of. */
    ZoneId zone();

    /** The payment method of a sale when the connection sets none (R10). */
    String defaultPaymentMethod();

    /** A seller as the ledger holds it. */
    record LedgerSeller(String id, String name) {
    }
}
