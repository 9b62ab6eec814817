package dev.ponte.connector.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponte.connector.CustomerDirectory;
import dev.ponte.model.LedgerParty;
import dev.ponte.model.Party;
import dev.ponte.model.TaxId;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CustomerDirectory} promises a deal flow (R4–R7): a customer the ledger holds is found by its tax
 * id and by its exact name (not by a longer name, not by another case); a customer created is held by the ledger
 * and found again the same ways; an unknown tax id or name finds nobody.
 *
 * <p>An implementation, one per ledger offering customers, provides:
 * <ul>
 *   <li>{@link #reset()}: forget every customer created (the sandbox's {@code _state});</li>
 *   <li>{@link #directory()}: a port of a connection with working credentials;</li>
 *   <li>{@link #taxId()} and {@link #otherTaxId()}: two valid tax ids of a kind the ledger keeps;</li>
 *   <li>{@link #customer(String, TaxId)}: a company the ledger would accept, with this name and tax id;</li>
 *   <li>{@link #seedCustomer(Party)}: put it into the ledger as a person would (the sandbox's API), answering its
 *       id;</li>
 *   <li>{@link #held(String)}: the customer of this id as the ledger holds it (through its sandbox).</li>
 * </ul>
 */
public abstract class CustomerDirectoryContract {

    protected abstract void reset();

    protected abstract CustomerDirectory directory();

    protected abstract TaxId taxId();

    protected abstract TaxId otherTaxId();

    protected abstract Party customer(String name, TaxId taxId);

    protected abstract String seedCustomer(Party party);

    protected abstract Optional<HeldCustomer> held(String id);

    /** A customer as the ledger holds it: its name and its tax id unmasked ({@link TaxId#value()}), or null. */
    public record HeldCustomer(String name, String taxId) {
    }

    @BeforeEach
    void resetLedger() {
        reset();
    }

    @Test
    void findsACustomerTheLedgerHoldsByTaxIdAndExactName() {
        String id = seedCustomer(customer("Alfa Comércio Ltda", taxId()));
        seedCustomer(customer("Alfa Comércio Ltda Filial", null));

        assertThat(directory().findCustomersByTaxId(taxId())).extracting(LedgerParty::id).containsExactly(id);
        assertThat(directory().findCustomersByName("Alfa Comércio Ltda")).extracting(LedgerParty::id)
                .containsExactly(id);
        assertThat(directory().findCustomersByName("alfa comércio ltda")).as("exact names only").isEmpty();
        assertThat(directory().findCustomersByTaxId(taxId())).singleElement().satisfies(found -> {
            assertThat(found.name()).isEqualTo("Alfa Comércio Ltda");
            assertThat(found.taxId()).isEqualTo(taxId());
        });
    }

    /** Protected, so that a ledger that cannot keep this promise yet disables it in its subclass, saying why. */
    @Test
    protected void aCreatedCustomerIsHeldAndFoundAgain() {
        LedgerParty created = directory().createCustomer(customer("Beta Serviços Ltda", taxId()));

        assertThat(created.name()).isEqualTo("Beta Serviços Ltda");
        assertThat(created.taxId()).isEqualTo(taxId());
        assertThat(held(created.id())).contains(new HeldCustomer("Beta Serviços Ltda", taxId().value()));
        assertThat(directory().findCustomersByTaxId(taxId())).containsExactly(created);
        assertThat(directory().findCustomersByName("Beta Serviços Ltda")).containsExactly(created);
    }

    @Test
    void anUnknownTaxIdOrNameFindsNobody() {
        seedCustomer(customer("Gama Indústria Ltda", taxId()));

        assertThat(directory().findCustomersByTaxId(otherTaxId())).isEmpty();
        assertThat(directory().findCustomersByName("Ninguém")).isEmpty();
        assertThat(directory().findCustomersByName("Gama")).as("no prefix matches").isEmpty();
    }
}
