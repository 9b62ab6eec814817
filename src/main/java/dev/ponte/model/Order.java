package dev.ponte.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A shop order as the flows see it (R40): its customer (null when the shop did not share one), product lines, freight
 * the customer pays ({@code shipping}, zero when none), what the shop took off the whole order ({@code discount}: a
 * coupon, a promotion, a payment method's discount; zero when none), payment status and the time it was paid (null
 * until then).
 * {@code customerDocument} is the CPF/CNPJ as the shop sent it (null when none): the customer carries it as its tax id
 * only when it is valid, so a flow can say why an invalid one was not sent.
 * {@code number} is the shop's display number, never an identifier. All amounts share one currency.
 */
public record Order(String id, String number, OrderPayment payment, Instant paidTime, Instant updateTime,
        Party customer, String customerDocument, List<OrderLine> lines, Money shipping, Money discount) {

    public Order {
        Require.text(id, "id");
        number = Require.optionalText(number);
        customerDocument = Require.optionalText(customerDocument);
        Objects.requireNonNull(payment, "payment");
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
        Objects.requireNonNull(shipping, "shipping");
        if (shipping.isNegative()) {
            throw new IllegalArgumentException("shipping must not be negative");
        }
        Objects.requireNonNull(discount, "discount");
        if (discount.isNegative()) {
            throw new IllegalArgumentException("discount must not be negative");
        }
        if (!discount.currency().equals(shipping.currency())
                || lines.stream().anyMatch(l -> !l.unitPrice().currency().equals(shipping.currency()))) {
            throw new IllegalArgumentException("all amounts of an order must share one currency");
        }
    }

    /** R1: paid, as the shop says ("recebida"). */
    public boolean paid() {
        return payment == OrderPayment.PAID;
    }

    /** A shop order's payment status; {@code OTHER} for one the model does not know. */
    public enum OrderPayment { PENDING, AUTHORIZED, PAID, ABANDONED, REFUNDED, VOIDED, OTHER }
}
