package dev.ponte.connector.moskit;

import dev.ponte.connector.DealSource;
import dev.ponte.connector.contract.DealSourceContract;
import dev.ponte.support.MemoryAccess;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/** {@link DealSourceContract} for Moskit, over its sandbox: its pages hold 10 deals, so 12 take two. */
@QuarkusTest
class MoskitDealSourceContractTest extends DealSourceContract {

    @Inject
    MoskitConnector connector;

    @Override
    protected void reset() {
        MoskitSeeds.SANDBOX.reset();
    }

    @Override
    protected DealSource deals() {
        return (DealSource) connector.open(new MemoryAccess(MoskitSeeds.credentials()));
    }

    @Override
    protected String seedWonDeal(SeedDeal deal) {
        return MoskitSeeds.wonDeal(deal);
    }

    @Override
    protected List<String> seedDeals(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ids.add(String.valueOf(MoskitSeeds.deal("Deal " + i, 100L * i, null, null, MoskitSeeds.SALES_STAGE,
                    List.of(), "OPEN")));
        }
        return ids;
    }

    @Override
    protected int dealsSpanningPages() {
        return 12;
    }
}
