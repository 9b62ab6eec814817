package dev.ponte.model;

import java.math.BigDecimal;
import java.util.Objects;

/** A product on a deal with its quantity, unit price and optional discount percentage (null means none). */
public record DealLine(Item item, BigDecimal quantity, Money unitPrice, BigDecimal discountPercent) {

    public DealLine {
        Objects.requireNonNull(item, "item");
        Require.positive(quantity, "quantity");
        Objects.requireNonNull(unitPrice, "unitPrice");
        discountPercent = Require.percent(discountPercent, "discountPercent");
    }

    public Money total() {
        return Money.lineTotal(unitPrice, quantity, discountPercent);
    }
}
