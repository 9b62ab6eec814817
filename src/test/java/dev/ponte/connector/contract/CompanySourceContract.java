package dev.ponte.connector.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponte.connector.CompanySource;
import dev.ponte.connector.CompanySource.SourceCompany;
import dev.ponte.connector.RemotePage;
import dev.ponte.model.Party;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CompanySource} promises two-way customer sync (DESIGN §4): a company created is held by the CRM,
 * read back and found by its tax id; an update replaces its synced data and moves its update time on; every company
 * is listed once however many pages it takes; nothing for an id that is not there.
 *
 * <p>An implementation, one per CRM offering companies, provides:
 * <ul>
 *   <li>{@link #reset()}: forget every company (the sandbox's {@code _state});</li>
 *   <li>{@link #companies()}: a port of a connection with working credentials;</li>
 *   <li>{@link #company(String)}: a company the CRM would accept, with this name, an e-mail and a tax id;</li>
 *   <li>{@link #seedCompanies(int)}: put that many companies into the CRM (the sandbox);</li>
 *   <li>{@link #heldCompanies()} and {@link #held(String)}: how many companies the CRM holds, and one of them
 *       (through its sandbox);</li>
 *   <li>optionally {@link #companiesSpanningPages()} and {@link #unknownId()}.</li>
 * </ul>
 */
public abstract class CompanySourceContract {

    private static final int MAX_PAGES = 1000;

    protected abstract void reset();

    protected abstract CompanySource companies();

    protected abstract Party company(String name);

    protected abstract void seedCompanies(int count);

    protected abstract int heldCompanies();

    protected abstract Optional<HeldCompany> held(String id);

    protected int companiesSpanningPages() {
        return 3;
    }

    protected String unknownId() {
        return "424242";
    }

    /** A company as the CRM holds it: its name and e-mail. */
    public record HeldCompany(String name, String email) {
    }

    @BeforeEach
    void resetCrm() {
        reset();
    }

    @Test
    void createsReadsFindsAndUpdatesACompany() {
        Party party = company("Rossi Srl");
        SourceCompany created = companies().createCompany(party, Map.of());

        assertThat(held(created.id())).contains(new HeldCompany("Rossi Srl", party.email()));
        assertThat(created.updatedAt()).isNotNull();
        Party read = companies().company(created.id()).orElseThrow().party();
        assertThat(read.name()).isEqualTo("Rossi Srl");
        assertThat(read.taxId()).isEqualTo(party.taxId());
        assertThat(read.email()).isEqualTo(party.email());
        assertThat(companies().findCompaniesByTaxId(party.taxId())).extracting(SourceCompany::id)
                .containsExactly(created.id());

        Party renamed = new Party(party.kind(), "Rossi S.r.l.", party.taxId(), null, null, null, party.countryCode(),
                null, party.address(), null);
        SourceCompany updated = companies().updateCompany(created.id(), renamed, Map.of());

        assertThat(updated.id()).isEqualTo(created.id());
        assertThat(updated.party().name()).isEqualTo("Rossi S.r.l.");
        assertThat(updated.party().email()).as("a value removed is removed").isNull();
        assertThat(updated.updatedAt()).isAfterOrEqualTo(created.updatedAt());
        assertThat(held(created.id())).contains(new HeldCompany("Rossi S.r.l.", null));
        assertThat(companies().company(created.id()).orElseThrow().party().name()).isEqualTo("Rossi S.r.l.");
        assertThat(heldCompanies()).isEqualTo(1);
    }

    @Test
    void findsCompaniesByTheirExactNameOnly() {
        SourceCompany rossi = companies().createCompany(company("Rossi Srl"), Map.of());
        companies().createCompany(company("Rossi Srl Impianti"), Map.of());
        SourceCompany quoted = companies().createCompany(company("L'Officina d'Arte $ Co"), Map.of());

        assertThat(companies().findCompaniesByName("Rossi Srl")).extracting(SourceCompany::id)
                .containsExactly(rossi.id());
        assertThat(companies().findCompaniesByName("L'Officina d'Arte $ Co")).extracting(SourceCompany::id)
                .containsExactly(quoted.id());
        assertThat(companies().findCompaniesByName("Rossi")).isEmpty();
    }

    @Test
    void listsEveryCompanyOnceAcrossPages() {
        seedCompanies(companiesSpanningPages());

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            RemotePage<SourceCompany> page = companies().companies(null, cursor);
            page.items().forEach(c -> seen.add(c.id()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null && pages < MAX_PAGES);

        assertThat(pages).as("more than one page").isGreaterThan(1);
        assertThat(seen).doesNotHaveDuplicates().hasSize(heldCompanies());
        assertThat(companies().companies(Instant.now().plusSeconds(3600), null).items()).isEmpty();
    }

    @Test
    void aCompanyThatIsNotThereIsEmpty() {
        companies().createCompany(company("Verdi Snc"), Map.of());

        assertThat(companies().company(unknownId())).isEmpty();
    }
}
