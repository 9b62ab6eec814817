package dev.ponte.connector;

import dev.ponte.model.LedgerParty;
import dev.ponte.model.Party;
import dev.ponte.model.TaxId;
import java.util.List;

/** A ledger's customers as a deal flow needs them (R4–R7): found by tax id or exact name, or created. */
public interface CustomerDirectory {

    List<LedgerParty> findCustomersByTaxId(TaxId taxId);

    /** Customers whose name equals {@code name} exactly (the ledger's search may be fuzzy; this filters). */
    List<LedgerParty> findCustomersByName(String name);

    LedgerParty createCustomer(Party party);
}
