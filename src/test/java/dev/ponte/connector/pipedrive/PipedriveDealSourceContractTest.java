package dev.ponte.connector.pipedrive;

import dev.ponte.connector.DealSource;
import dev.ponte.connector.contract.DealSourceContract;
import dev.ponte.support.MemoryAccess;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@link DealSourceContract} for Pipedrive, over its sandbox. Its pages hold 500 deals, and seeding 501 through the
 * sandbox costs most of a minute, so the changed deals fit one page here; continuing from a cursor Pipedrive gave is
 * {@code PipedriveConnectorTest.pagesChangedDealsFromTheCursor}.
 */
@QuarkusTest
class PipedriveDealSourceContractTest extends DealSourceContract {

    @Inject
    PipedriveConnector connector;

    @Override
    protected void reset() {
        PipedriveSeeds.SANDBOX.reset();
    }

    @Override
    protected DealSource deals() {
        return (DealSource) connector.open(new MemoryAccess(Map.of("apiToken", PipedriveSeeds.ADMIN_TOKEN)));
    }

    @Override
    protected String seedWonDeal(SeedDeal deal) {
        return PipedriveSeeds.wonDeal(deal);
    }

    @Override
    protected List<String> seedDeals(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ids.add(String.valueOf(PipedriveSeeds.create("/api/v2/deals", Map.of("title", "Deal " + i, "value", i))));
        }
        return ids;
    }
}
