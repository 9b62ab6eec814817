package dev.ponte.connector.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponte.connector.DealSource;
import dev.ponte.connector.DealSource.DealPage;
import dev.ponte.model.Deal;
import dev.ponte.model.DealLine;
import dev.ponte.model.DealStatus;
import dev.ponte.model.Money;
import dev.ponte.model.Party;
import dev.ponte.model.PartyKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link DealSource} promises a deal flow: a won deal read back with its organization, person and product
 * lines; deals changed since a time, each once however many pages they take; nothing for a deal that is not there.
 *
 * <p>An implementation, one per connector offering deals, provides:
 * <ul>
 *   <li>{@link #reset()}: forget every deal the CRM holds (its sandbox's {@code _state});</li>
 *   <li>{@link #deals()}: a port of a connection with working credentials;</li>
 *   <li>{@link #seedWonDeal(SeedDeal)}: put a won deal into the CRM as a person would (the sandbox's API), answering
 *       its id;</li>
 *   <li>{@link #seedDeals(int)}: put that many open deals into the CRM, answering their ids;</li>
 *   <li>optionally {@link #dealsSpanningPages()}, how many deals take more than one page of
 *       {@link DealSource#dealsChangedSince}, and {@link #unknownId()}.</li>
 * </ul>
 */
public abstract class DealSourceContract {

    /** A safety net for a cursor that never ends. */
    private static final int MAX_PAGES = 100;

    protected abstract void reset();

    protected abstract DealSource deals();

    protected abstract String seedWonDeal(SeedDeal deal);

    protected abstract List<String> seedDeals(int count);

    protected int dealsSpanningPages() {
        return 3;
    }

    protected String unknownId() {
        return "999999";
    }

    /** A deal as a person enters it in the CRM: its organization, its contact person and its products. */
    public record SeedDeal(String title, Money value, String organization, String person, String email,
            List<SeedLine> lines) {
    }

    /** A product line of a {@link SeedDeal}. */
    public record SeedLine(String code, String name, Money unitPrice, BigDecimal quantity) {
    }

    @BeforeEach
    void resetCrm() {
        reset();
    }

    @Test
    void readsAWonDealWithItsOrganizationPersonAndLines() {
        SeedDeal seed = new SeedDeal("Venda grande", Money.of("35", "BRL"), "Acme Ltda", "Ana Souza",
                "ana@example.com", List.of(new SeedLine("CAN-01", "Caneta", Money.of("5", "BRL"), new BigDecimal("3")),
                        new SeedLine("CONS", "Consultoria", Money.of("20", "BRL"), BigDecimal.ONE)));
        String id = seedWonDeal(seed);

        Deal read = deals().deal(id).orElseThrow();

        assertThat(read.id()).isEqualTo(id);
        assertThat(read.title()).isEqualTo("Venda grande");
        assertThat(read.status()).isEqualTo(DealStatus.WON);
        assertThat(read.value()).isEqualTo(Money.of("35", "BRL"));
        assertThat(read.wonTime()).isNotNull();
        assertThat(read.updateTime()).isNotNull();
        Party organization = read.organization();
        assertThat(organization.kind()).isEqualTo(PartyKind.COMPANY);
        assertThat(organization.name()).isEqualTo("Acme Ltda");
        Party person = read.person();
        assertThat(person.kind()).isEqualTo(PartyKind.PERSON);
        assertThat(person.name()).isEqualTo("Ana Souza");
        assertThat(person.email()).isEqualTo("ana@example.com");
        assertThat(read.customer()).as("the organization is the customer").contains(organization);
        assertThat(read.lines()).extracting(l -> l.item().code()).containsExactly("CAN-01", "CONS");
        assertThat(read.lines()).extracting(l -> l.item().name()).containsExactly("Caneta", "Consultoria");
        DealLine first = read.lines().get(0);
        assertThat(first.quantity()).isEqualByComparingTo("3");
        assertThat(first.unitPrice()).isEqualTo(Money.of("5", "BRL"));
        assertThat(first.total()).isEqualTo(Money.of("15", "BRL"));
        assertThat(read.lines().get(1).total()).isEqualTo(Money.of("20", "BRL"));
    }

    @Test
    void pagesTheDealsChangedSinceATimeEachOnce() {
        Instant before = Instant.now().minusSeconds(60);
        List<String> seeded = seedDeals(dealsSpanningPages());

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            DealPage page = deals().dealsChangedSince(before, cursor);
            page.deals().forEach(d -> seen.add(d.id()));
            cursor = page.nextCursor();
        } while (cursor != null && ++pages < MAX_PAGES);

        assertThat(cursor).as("the last page says so").isNull();
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(seeded);
        DealPage future = deals().dealsChangedSince(Instant.now().plusSeconds(3600), null);
        assertThat(future.deals()).isEmpty();
        assertThat(future.nextCursor()).isNull();
    }

    @Test
    void aDealThatIsNotThereIsEmpty() {
        seedDeals(1);

        assertThat(deals().deal(unknownId())).isEmpty();
    }
}
