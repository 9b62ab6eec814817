package dev.ponte.model;

import java.math.BigDecimal;
import java.util.Objects;

/** One product line of a shop order: the product as the shop describes it, how many, at what unit price. */
public record OrderLine(Item item, BigDecimal quantity, Money unitPrice) {

    public OrderLine {
        Objects.requireNonNull(item, "item");
        quantity = Require.positive(quantity, "quantity");
        Objects.requireNonNull(unitPrice, "unitPrice");
        if (unitPrice.isNegative()) {
            throw new IllegalArgumentException("unitPrice must not be negative");
        }
    }

    public Money total() {
        return unitPrice.times(quantity);
    }
}
