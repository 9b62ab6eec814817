package dev.ponte.connector;

import dev.ponte.model.Item;
import dev.ponte.model.ItemKind;
import dev.ponte.model.Party;
import dev.ponte.model.SalesDocument;
import dev.ponte.model.TaxId;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The accounting side of one connection (Conta Azul, Reviso): customers, items and sales. Every method calls the
 * ledger; failures arrive as {@link SyncFailure}s. Implementations are opened per connection by a
 * {@link LedgerConnector}.
 */
public interface LedgerPort {

    /** What this ledger can do beyond the basics. */
    enum Capability {
        SERVICES, RECURRING_SALES, RECEIVABLES, QUOTES
    }

    Set<Capability> capabilities();

    List<LedgerParty> findCustomersByTaxId(TaxId taxId);

    /** Customers whose name equals {@code name} exactly (the ledger's search may be fuzzy; this filters). */
    List<LedgerParty> findCustomersByName(String name);

    LedgerParty createCustomer(Party party);

    /** Products ({@link ItemKind#PRODUCT}) or services with exactly this code. */
    List<LedgerItem> findItemsByCode(ItemKind kind, String code);

    /** Products or services with exactly this name. */
    List<LedgerItem> findItemsByName(ItemKind kind, String name);

    LedgerItem createItem(Item item);

    /**
     * The sale a previous attempt created with this marker, if any: how a retried job finds its own earlier effect
     * instead of creating a second sale (DESIGN §3). {@code customerId} (the sale's customer, or null for any) and
     * {@code date} (the sale date the marker was written with) narrow the search.
     */
    Optional<String> findSaleByMarker(String marker, String customerId, LocalDate date);

    /** Creates the sale pending review (or a recurring sale when the document says so); answers its ledger id. */
    String createSale(SalesDocument sale);

    /** The ledger's sellers, who may be named on a sale (R11); a ledger without sellers has none. */
    default List<LedgerSeller> sellers() {
        return List.of();
    }

    /** A customer as the ledger holds it. */
    record LedgerParty(String id, String name, TaxId taxId) {
    }

    /** A seller as the ledger holds it. */
    record LedgerSeller(String id, String name) {
    }

    /** A product or service as the ledger holds it. */
    record LedgerItem(String id, ItemKind kind, String code, String name) {
    }
}
