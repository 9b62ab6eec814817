package dev.ponte.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A line of a ledger sales document: the ledger's item id (already matched or created, R8), a description,
 * quantity, unit price and optional discount percentage (null means none).
 */
public record SalesLine(String itemId, String description, BigDecimal quantity, Money unitPrice,
        BigDecimal discountPercent) {

    public SalesLine {
        Require.text(itemId, "itemId");
        description = Require.optionalText(description);
        Require.positive(quantity, "quantity");
        Objects.requireNonNull(unitPrice, "unitPrice");
        discountPercent = Require.percent(discountPercent, "discountPercent");
    }

    public Money total() {
        return Money.lineTotal(unitPrice, quantity, discountPercent);
    }
}
