package dev.ponte.flow;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponte.connector.CustomerDirectory;
import dev.ponte.connector.FinancialLedger;
import dev.ponte.engine.Records;
import dev.ponte.model.FinancialEntry;
import jakarta.inject.Singleton;
import java.util.Set;

/** A won deal becomes one account receivable of its customer, filled from the connection's mapping (R21). */
// Singleton: a normal scope would need a no-argument constructor in WonDealToEntry, whose fields are final.
@Singleton
public class WonDealToReceivable extends WonDealToEntry {

    public static final String NAME = "WonDealToReceivable";
    public static final String JOB_KIND = "deal.receivable";

    WonDealToReceivable(ConnectionDirectory connections, Records records, LedgerMatching matching, ExactlyOnce once,
            ObjectMapper json) {
        super(FinancialEntry.Kind.RECEIVABLE, connections, records, matching, once, json);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "A won deal becomes one account receivable, every mandatory field filled from the connection's "
                + "receivable mapping (R21)";
    }

    @Override
    public Set<Class<?>> ledgerCapabilities() {
        return Set.of(FinancialLedger.class, CustomerDirectory.class);
    }

    @Override
    public String kind() {
        return JOB_KIND;
    }
}
