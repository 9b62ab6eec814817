package dev.ponte.connector.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponte.connector.SalesLedger;
import dev.ponte.connector.TransientFailure;
import dev.ponte.model.Money;
import dev.ponte.model.PaymentPlan;
import dev.ponte.model.SalesDocument;
import dev.ponte.model.SalesLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SalesLedger} promises a deal flow (R1, R3, DESIGN §3): a sale is created pending review with its
 * lines' total; its marker finds it again (and a marker it was not written with does not, even a prefix); a sale
 * whose answer was lost after the ledger committed it is found by its marker, so a retry creates no second one; the
 * account tells its time zone, its default payment method and its sellers.
 *
 * <p>An implementation, one per ledger offering sales, provides:
 * <ul>
 *   <li>{@link #sandbox()}: the ledger's emulator, reset before each test and given the lost-answer fault;</li>
 *   <li>{@link #sales()}: a port of a connection with working credentials;</li>
 *   <li>{@link #currency()}: the account's currency;</li>
 *   <li>{@link #seedCustomer()} and {@link #seedItem()}: a customer and an item the ledger holds, answering their
 *       ids;</li>
 *   <li>{@link #heldSales()} and {@link #held(String)}: the sales the ledger holds (through its sandbox).</li>
 * </ul>
 */
public abstract class SalesLedgerContract {

    private static final LocalDate DATE = LocalDate.of(2026, 1, 15);
    private static final String MARKER = "ponte:crm:deal:123";

    protected abstract Sandbox sandbox();

    protected abstract SalesLedger sales();

    protected abstract String currency();

    protected abstract String seedCustomer();

    protected abstract String seedItem();

    protected abstract List<String> heldSales();

    protected abstract Optional<HeldSale> held(String id);

    /** A sale as the ledger holds it: whether it waits for a person's review, and its total. */
    public record HeldSale(boolean pendingReview, BigDecimal total) {
    }

    @BeforeEach
    void resetLedger() {
        sandbox().reset();
    }

    @Test
    void createsASalePendingReviewThatItsMarkerFindsAgain() {
        String customer = seedCustomer();
        String id = sales().createSale(sale(customer, seedItem()));

        assertThat(heldSales()).containsExactly(id);
        assertThat(held(id)).hasValueSatisfying(sale -> {
            assertThat(sale.pendingReview()).isTrue();
            assertThat(sale.total()).isEqualByComparingTo("11.00");
        });
        assertThat(sales().findSaleByMarker(MARKER, null, DATE)).contains(id);
        assertThat(sales().findSaleByMarker(MARKER, customer, DATE)).contains(id);
        assertThat(sales().findSaleByMarker("ponte:crm:deal:12", null, DATE)).as("a prefix is another marker")
                .isEmpty();
        assertThat(sales().findSaleByMarker("ponte:crm:deal:1234", null, DATE)).isEmpty();
    }

    @Test
    void aSaleWhoseAnswerWasLostIsFoundByItsMarker() {
        SalesDocument sale = sale(seedCustomer(), seedItem());
        sandbox().faults(Map.of("drop_after_commit", 1));

        assertThatThrownBy(() -> sales().createSale(sale)).isInstanceOf(TransientFailure.class);

        assertThat(heldSales()).hasSize(1);
        assertThat(sales().findSaleByMarker(MARKER, null, DATE)).contains(heldSales().get(0));
    }

    @Test
    void findsNoSaleForAMarkerNeverWritten() {
        seedCustomer();

        assertThat(sales().findSaleByMarker(MARKER, null, DATE)).isEmpty();
    }

    @Test
    void tellsItsTimeZoneDefaultPaymentMethodAndSellers() {
        assertThat(sales().zone()).isNotNull();
        assertThat(sales().defaultPaymentMethod()).isNotBlank();
        assertThat(sales().sellers()).allSatisfy(seller -> {
            assertThat(seller.id()).isNotBlank();
            assertThat(seller.name()).isNotBlank();
        });
    }

    private SalesDocument sale(String customer, String item) {
        return new SalesDocument(MARKER, customer, DATE,
                List.of(new SalesLine(item, null, new BigDecimal("2"), Money.of("5.50", currency()), null)), null,
                null, PaymentPlan.cashInOneInstalment(), null, null, false, null);
    }
}
