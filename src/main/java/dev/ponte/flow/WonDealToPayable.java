package dev.ponte.flow;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponte.connector.FinancialLedger;
import dev.ponte.engine.Records;
import dev.ponte.model.FinancialEntry;
import jakarta.inject.Singleton;
import java.util.Set;

/**
 * A won deal becomes one account payable (e.g. a commission to a partner), filled from the connection's mapping, to
 * a supplier found or created in the ledger (R22).
 */
// Singleton: a normal scope would need a no-argument constructor in WonDealToEntry, whose fields are final.
@Singleton
public class WonDealToPayable extends WonDealToEntry {

    public static final String NAME = "WonDealToPayable";
    public static final String JOB_KIND = "deal.payable";

    WonDealToPayable(ConnectionDirectory connections, Records records, LedgerMatching matching, ExactlyOnce once,
            ObjectMapper json) {
        super(FinancialEntry.Kind.PAYABLE, connections, records, matching, once, json);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "A won deal becomes one account payable, every mandatory field filled from the connection's payable "
                + "mapping, to a supplier found or created in the ledger (R22)";
    }

    @Override
    public Set<Class<?>> ledgerCapabilities() {
        return Set.of(FinancialLedger.class);
    }

    @Override
    public String kind() {
        return JOB_KIND;
    }
}
