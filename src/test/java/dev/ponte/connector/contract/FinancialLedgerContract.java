package dev.ponte.connector.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponte.connector.FinancialLedger;
import dev.ponte.connector.FinancialLedger.FinancialAccount;
import dev.ponte.connector.FinancialLedger.LedgerCategory;
import dev.ponte.connector.TransientFailure;
import dev.ponte.model.FinancialEntry;
import dev.ponte.model.FinancialEntry.Instalment;
import dev.ponte.model.FinancialEntry.Kind;
import dev.ponte.model.LedgerParty;
import dev.ponte.model.Money;
import dev.ponte.model.Party;
import dev.ponte.model.PartyKind;
import dev.ponte.model.TaxId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link FinancialLedger} promises the receivable and payable flows (R21, R22, DESIGN §3): it lists leaf
 * categories per side and its active financial accounts with one preferred; a receivable or payable is created once
 * and its reference finds it again (a reference it was not written with, even a prefix, does not); an entry whose
 * answer was lost after the ledger committed it is found by its reference, so a retry creates no second one; suppliers
 * are found by tax id and exact name, and created.
 *
 * <p>An implementation, one per ledger offering receivables and payables, provides:
 * <ul>
 *   <li>{@link #sandbox()}: the ledger's emulator, reset before each test and given the lost-answer fault;</li>
 *   <li>{@link #ledger()}: a port of a connection with working credentials;</li>
 *   <li>{@link #currency()}: the account's currency; {@link #taxId()}: a valid tax id of a kind the ledger keeps;</li>
 *   <li>{@link #seedCustomer(String)}: a customer the ledger holds, answering its id;</li>
 *   <li>{@link #heldEntries()}: the entries the ledger holds (through its sandbox).</li>
 * </ul>
 */
public abstract class FinancialLedgerContract {

    private static final LocalDate COMPETENCE = LocalDate.of(2026, 11, 20);
    private static final String REFERENCE = "ponte:crm:deal:123";

    protected abstract Sandbox sandbox();

    protected abstract FinancialLedger ledger();

    protected abstract String currency();

    protected abstract TaxId taxId();

    protected abstract String seedCustomer(String name);

    protected abstract List<HeldEntry> heldEntries();

    /** An entry as the ledger holds it: its id, side, total and customer or supplier. */
    public record HeldEntry(String id, Kind kind, BigDecimal value, String partyId) {
    }

    @BeforeEach
    void resetLedger() {
        sandbox().reset();
    }

    @Test
    void r21_listsLeafCategoriesPerSideAndActiveAccountsWithOnePreferred() {
        List<LedgerCategory> income = ledger().categories(Kind.RECEIVABLE);
        List<LedgerCategory> expense = ledger().categories(Kind.PAYABLE);

        assertThat(income).isNotEmpty().allSatisfy(c -> assertThat(c.name()).isNotBlank());
        assertThat(expense).isNotEmpty();
        assertThat(income).extracting(LedgerCategory::id).doesNotContainAnyElementsOf(
                expense.stream().map(LedgerCategory::id).toList());
        assertThat(ledger().financialAccounts()).isNotEmpty().filteredOn(FinancialAccount::preferred).hasSize(1);
    }

    @Test
    void r21_createsAReceivableThatItsReferenceFindsAgain() {
        String customer = seedCustomer("Alfa Comércio Ltda");
        FinancialEntry entry = entry(Kind.RECEIVABLE, REFERENCE, customer);

        String id = ledger().createEntry(entry);

        assertThat(heldEntries()).containsExactly(new HeldEntry(id, Kind.RECEIVABLE, new BigDecimal("150.00"),
                customer));
        assertThat(ledger().findEntry(entry)).contains(id);
        assertThat(ledger().findEntry(entry(Kind.RECEIVABLE, "ponte:crm:deal:12", customer)))
                .as("a prefix is another reference").isEmpty();
        assertThat(ledger().findEntry(entry(Kind.RECEIVABLE, "ponte:crm:deal:1234", customer))).isEmpty();
        assertThat(ledger().findEntry(entry(Kind.PAYABLE, REFERENCE, customer))).as("the other side").isEmpty();
    }

    @Test
    void r22_createsAPayableOwedToASupplierThatItsReferenceFindsAgain() {
        LedgerParty supplier = ledger().createSupplier(new Party(PartyKind.COMPANY, "Papelaria Central Ltda", taxId(),
                null, null, null, null, "Pipedrive", null, null));
        FinancialEntry entry = entry(Kind.PAYABLE, REFERENCE, supplier.id());

        String id = ledger().createEntry(entry);

        assertThat(heldEntries()).containsExactly(new HeldEntry(id, Kind.PAYABLE, new BigDecimal("150.00"),
                supplier.id()));
        assertThat(ledger().findEntry(entry)).contains(id);
    }

    @Test
    void anEntryWhoseAnswerWasLostIsFoundByItsReference() {
        FinancialEntry entry = entry(Kind.RECEIVABLE, REFERENCE, seedCustomer("Alfa Comércio Ltda"));
        sandbox().faults(Map.of("drop_after_commit", 1));

        assertThatThrownBy(() -> ledger().createEntry(entry)).isInstanceOf(TransientFailure.class);

        assertThat(heldEntries()).hasSize(1);
        assertThat(ledger().findEntry(entry)).contains(heldEntries().get(0).id());
    }

    @Test
    void findsNoEntryForAReferenceNeverWritten() {
        String customer = seedCustomer("Alfa Comércio Ltda");
        ledger().createEntry(entry(Kind.RECEIVABLE, "ponte:crm:deal:999", customer));

        assertThat(ledger().findEntry(entry(Kind.RECEIVABLE, REFERENCE, customer))).isEmpty();
    }

    @Test
    void r22_findsSuppliersByTaxIdAndExactNameButNotCustomers() {
        LedgerParty supplier = ledger().createSupplier(new Party(PartyKind.COMPANY, "Papelaria Central Ltda", taxId(),
                null, null, null, null, null, null, null));
        seedCustomer("Papelaria Central");

        assertThat(supplier.name()).isEqualTo("Papelaria Central Ltda");
        assertThat(ledger().findSuppliersByTaxId(taxId())).containsExactly(supplier);
        assertThat(ledger().findSuppliersByName("Papelaria Central Ltda")).containsExactly(supplier);
        assertThat(ledger().findSuppliersByName("Papelaria Central")).as("a customer is not a supplier").isEmpty();
        assertThat(ledger().findSuppliersByName("papelaria central ltda")).as("exact names only").isEmpty();
    }

    /** 150.00 in two instalments, a month apart, booked under the side's first category and the preferred account. */
    private FinancialEntry entry(Kind kind, String reference, String party) {
        String category = ledger().categories(kind).get(0).id();
        String account = ledger().financialAccounts().stream().filter(FinancialAccount::preferred).findFirst()
                .orElseThrow().id();
        return new FinancialEntry(kind, reference, party, COMPETENCE, Money.of("150.00", currency()),
                "Venda do negócio 123", "Ganho no CRM", account, category,
                List.of(new Instalment(COMPETENCE.plusDays(10), Money.of("100.00", currency())),
                        new Instalment(COMPETENCE.plusDays(40), Money.of("50.00", currency()))), null);
    }
}
