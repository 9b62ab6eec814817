package dev.ponte.connector;

import dev.ponte.model.FinancialEntry;
import dev.ponte.model.LedgerParty;
import dev.ponte.model.Party;
import dev.ponte.model.TaxId;
import java.util.List;
import java.util.Optional;

/**
 * A ledger's accounts receivable and payable (R21, R22): the categories and financial accounts a person chooses by
 * name in a mapping, the suppliers a payable is owed to, and entries created exactly once (DESIGN §3). Customers of a
 * receivable come from {@link CustomerDirectory}.
 */
public interface FinancialLedger {

    /** The categories an entry of this kind may be booked under (leaf categories, income or expense). */
    List<LedgerCategory> categories(FinancialEntry.Kind kind);

    /** The account's active financial accounts (bank, cash, …). */
    List<FinancialAccount> financialAccounts();

    /**
     * The entry a previous attempt created with this entry's {@link FinancialEntry#reference()}, if any: how a retried
     * job finds its own earlier effect (a crash after the ledger's create) instead of creating a second entry.
     */
    Optional<String> findEntry(FinancialEntry entry);

    /** Creates the entry; answers its ledger id. */
    String createEntry(FinancialEntry entry);

    List<LedgerParty> findSuppliersByTaxId(TaxId taxId);

    /** Suppliers whose name equals {@code name} exactly. */
    List<LedgerParty> findSuppliersByName(String name);

    LedgerParty createSupplier(Party party);

    /** A category as the ledger holds it. */
    record LedgerCategory(String id, String name) {
    }

    /** A financial account; {@code preferred} is the account's default one. */
    record FinancialAccount(String id, String name, boolean preferred) {
    }
}
