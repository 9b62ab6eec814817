package dev.ponte.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A sale, quote or contract to create in a ledger. {@code externalMarker} identifies the source record
 * (e.g. a deal id) so a retry can find the document instead of creating a second one (R1, R13);
 * {@code customerId} is the ledger's id of the already matched customer. {@code shipping},
 * {@code discount} (off the whole document, beyond its lines' own: a shop's coupon), {@code sellerId} and
 * {@code notes} are nullable; a recurrence is present exactly when {@code recurring} is true. All amounts share one
 * currency.
 */
public record SalesDocument(String externalMarker, String customerId, LocalDate date, List<SalesLine> lines,
        Money shipping, Money discount, PaymentPlan payment, String sellerId, String notes, boolean recurring,
        Recurrence recurrence) {

    public SalesDocument {
        Require.text(externalMarker, "externalMarker");
        Require.text(customerId, "customerId");
        Objects.requireNonNull(date, "date");
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a sales document needs at least one line");
        }
        Objects.requireNonNull(payment, "payment");
        sellerId = Require.optionalText(sellerId);
        notes = Require.optionalText(notes);
        if (recurring != (recurrence != null)) {
            throw new IllegalArgumentException("a recurrence must be given exactly when the document is recurring");
        }
        String currency = lines.get(0).unitPrice().currency();
        boolean mixed = lines.stream().anyMatch(line -> !line.unitPrice().currency().equals(currency))
                || (shipping != null && !shipping.currency().equals(currency))
                || (discount != null && !discount.currency().equals(currency));
        if (mixed) {
            throw new IllegalArgumentException("all amounts of a sales document must share one currency");
        }
        if (discount != null && (discount.isNegative() || total(lines, shipping, discount).isNegative())) {
            throw new IllegalArgumentException("a discount must be neither negative nor more than the document");
        }
    }

    /** Sum of the line totals plus shipping, less the discount. */
    public Money total() {
        return total(lines, shipping, discount);
    }

    private static Money total(List<SalesLine> lines, Money shipping, Money discount) {
        Money sum = shipping != null ? shipping : Money.zero(lines.get(0).unitPrice().currency());
        for (SalesLine line : lines) {
            sum = sum.plus(line.total());
        }
        return discount != null ? sum.minus(discount) : sum;
    }
}
