package dev.ponte.connector.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponte.connector.CustomerLedger;
import dev.ponte.connector.CustomerLedger.LedgerCustomer;
import dev.ponte.connector.RemotePage;
import dev.ponte.model.CustomerTerms;
import dev.ponte.model.Party;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CustomerLedger} promises two-way customer sync (DESIGN §4): a customer created with its terms is
 * held by the ledger and read back with them; an update replaces its synced data, keeps its terms and moves its
 * update time on; every customer is listed once however many pages it takes; nothing for an id that is not there.
 *
 * <p>An implementation, one per ledger offering two-way customers, provides:
 * <ul>
 *   <li>{@link #reset()}: forget every customer created (the sandbox's {@code _state});</li>
 *   <li>{@link #ledger()}: a port of a connection with working credentials, paging in small pages if it can;</li>
 *   <li>{@link #customer(String)}: a company the ledger would accept, with this name and an e-mail;</li>
 *   <li>{@link #terms()}: terms the ledger accepts for it;</li>
 *   <li>{@link #seedCustomers(int)}: put that many customers into the ledger (the sandbox);</li>
 *   <li>{@link #heldCustomers()} and {@link #held(String)}: how many customers the ledger holds, and one of them
 *       (through its sandbox);</li>
 *   <li>optionally {@link #customersSpanningPages()} and {@link #unknownId()}.</li>
 * </ul>
 */
public abstract class CustomerLedgerContract {

    private static final int MAX_PAGES = 1000;

    protected abstract void reset();

    protected abstract CustomerLedger ledger();

    protected abstract Party customer(String name);

    protected abstract CustomerTerms terms();

    protected abstract void seedCustomers(int count);

    protected abstract int heldCustomers();

    protected abstract Optional<HeldCustomer> held(String id);

    protected int customersSpanningPages() {
        return 3;
    }

    protected String unknownId() {
        return "999999";
    }

    /** A customer as the ledger holds it: its name and e-mail. */
    public record HeldCustomer(String name, String email) {
    }

    @BeforeEach
    void resetLedger() {
        reset();
    }

    @Test
    void createsReadsAndUpdatesACustomerKeepingItsTerms() {
        Party party = customer("Rossi Impianti S.r.l.");
        LedgerCustomer created = ledger().createCustomer(party, terms());

        assertThat(held(created.id())).contains(new HeldCustomer("Rossi Impianti S.r.l.", party.email()));
        assertThat(created.terms().values()).containsAllEntriesOf(terms().values());
        assertThat(created.updatedAt()).isNotNull();
        LedgerCustomer read = ledger().customer(created.id()).orElseThrow();
        assertThat(read.party().name()).isEqualTo("Rossi Impianti S.r.l.");
        assertThat(read.party().taxId()).isEqualTo(party.taxId());
        assertThat(read.party().email()).isEqualTo(party.email());
        assertThat(read.terms().values()).containsAllEntriesOf(terms().values());

        Party renamed = new Party(party.kind(), "Rossi Impianti S.p.A.", party.taxId(), null, null, null,
                party.countryCode(), null, party.address(), null);
        LedgerCustomer updated = ledger().updateCustomer(created.id(), renamed, CustomerTerms.none());

        assertThat(updated.id()).isEqualTo(created.id());
        assertThat(updated.party().name()).isEqualTo("Rossi Impianti S.p.A.");
        assertThat(updated.party().email()).as("a value removed is removed").isNull();
        assertThat(updated.terms().values()).as("terms not given are kept").containsAllEntriesOf(terms().values());
        assertThat(updated.updatedAt()).isAfterOrEqualTo(created.updatedAt());
        assertThat(held(created.id())).contains(new HeldCustomer("Rossi Impianti S.p.A.", null));
    }

    @Test
    void findsCustomersByTheirExactNameOnly() {
        LedgerCustomer rossi = ledger().createCustomer(customer("Rossi Srl"), terms());
        ledger().createCustomer(customer("Rossi Srl Impianti"), terms());
        LedgerCustomer quoted = ledger().createCustomer(customer("L'Officina d'Arte $ Co"), terms());

        assertThat(ledger().findCustomersByName("Rossi Srl")).extracting(LedgerCustomer::id)
                .containsExactly(rossi.id());
        assertThat(ledger().findCustomersByName("L'Officina d'Arte $ Co")).extracting(LedgerCustomer::id)
                .containsExactly(quoted.id());
        assertThat(ledger().findCustomersByName("Rossi")).isEmpty();
    }

    @Test
    void listsEveryCustomerOnceAcrossPages() {
        seedCustomers(customersSpanningPages());

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            RemotePage<LedgerCustomer> page = ledger().customers(null, cursor);
            page.items().forEach(c -> seen.add(c.id()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null && pages < MAX_PAGES);

        assertThat(pages).as("more than one page").isGreaterThan(1);
        assertThat(seen).doesNotHaveDuplicates().hasSize(heldCustomers());
        assertThat(ledger().customers(Instant.now().plusSeconds(3600), null).items()).isEmpty();
    }

    @Test
    void aCustomerThatIsNotThereIsEmpty() {
        assertThat(ledger().customer(unknownId())).isEmpty();
    }
}
