package dev.ponte.connector.testcrm;

import dev.ponte.connector.DealSource;
import dev.ponte.connector.contract.DealSourceContract;
import dev.ponte.model.Deal;
import dev.ponte.model.DealLine;
import dev.ponte.model.DealStatus;
import dev.ponte.model.Item;
import dev.ponte.model.ItemKind;
import dev.ponte.model.Money;
import dev.ponte.model.Party;
import dev.ponte.model.PartyKind;
import dev.ponte.support.MemoryAccess;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@link DealSourceContract} for the test-only vendor, whose account is its bean's memory. */
@QuarkusTest
class TestCrmDealSourceContractTest extends DealSourceContract {

    @Inject
    TestCrmConnector crm;

    @Override
    protected void reset() {
        crm.deals.clear();
    }

    @Override
    protected DealSource deals() {
        return (DealSource) crm.open(new MemoryAccess(Map.of(TestCrmConnector.SECRET, "s3cret")));
    }

    @Override
    protected String seedWonDeal(SeedDeal seed) {
        String id = UUID.randomUUID().toString();
        Party org = new Party(PartyKind.COMPANY, seed.organization(), null, null, null, null, "BR", "Test CRM", null,
                "org-" + id);
        Party person = new Party(PartyKind.PERSON, seed.person(), null, seed.email(), null, null, "BR", "Test CRM",
                null, "person-" + id);
        List<DealLine> lines = seed.lines().stream().map(l -> new DealLine(new Item(ItemKind.PRODUCT, l.code(),
                l.name(), l.unitPrice(), null), l.quantity(), l.unitPrice(), null)).toList();
        Instant now = Instant.now();
        crm.deals.put(id, new Deal(id, seed.title(), DealStatus.WON, seed.value(), now, now, null, org, person, lines,
                Map.of(), null));
        return id;
    }

    @Override
    protected List<String> seedDeals(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String id = UUID.randomUUID().toString();
            Instant now = Instant.now();
            crm.deals.put(id, new Deal(id, "Deal " + i, DealStatus.OPEN, Money.of(String.valueOf(i), "BRL"), null,
                    now, null, null, null, List.of(), Map.of(), null));
            ids.add(id);
        }
        return ids;
    }
}
