package dev.ponte.connector.arivo;

import dev.ponte.connector.DealSource;
import dev.ponte.connector.contract.DealSourceContract;
import dev.ponte.support.MemoryAccess;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@link DealSourceContract} for Arivo, over its sandbox: 120 deals span three of Ponte's 50-deal pages. */
@QuarkusTest
class ArivoDealSourceContractTest extends DealSourceContract {

    @Inject
    ArivoConnector connector;

    @Override
    protected void reset() {
        ArivoSeeds.SANDBOX.reset();
    }

    @Override
    protected DealSource deals() {
        return (DealSource) connector.open(new MemoryAccess(Map.of("apiKey", ArivoSeeds.API_KEY)));
    }

    @Override
    protected String seedWonDeal(SeedDeal deal) {
        return ArivoSeeds.wonDeal(deal);
    }

    @Override
    protected List<String> seedDeals(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ids.add(ArivoSeeds.create("/deals", Map.of("name", "Deal " + i, "value", i)));
        }
        return ids;
    }

    @Override
    protected int dealsSpanningPages() {
        return 120;
    }
}
