package dev.ponte.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An amount in one currency, always at two decimals rounded half-even (banker's rounding), so equal
 * amounts are {@code equals} regardless of how they were written. Negative amounts are allowed: credit
 * notes and discounts need them; rules that forbid them check {@link #isNegative()}.
 */
public record Money(BigDecimal amount, String currency) {

    private static final int SCALE = 2;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (!currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be an upper-case ISO 4217 code, e.g. BRL or EUR");
        }
        amount = amount.setScale(SCALE, RoundingMode.HALF_EVEN);
    }

    public static Money of(BigDecimal amount, String currency) {
        return new Money(amount, currency);
    }

    /** Parses a plain decimal with a dot ({@code "1234.56"}); localised forms are the connector's job. */
    public static Money of(String amount, String currency) {
        Objects.requireNonNull(amount, "amount");
        return new Money(new BigDecimal(amount.strip()), currency);
    }

    public static Money zero(String currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    /** Multiplies exactly, then rounds once. */
    public Money times(BigDecimal quantity) {
        Objects.requireNonNull(quantity, "quantity");
        return new Money(amount.multiply(quantity), currency);
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    /** Price × quantity less a percentage discount, rounded once at the end so lines don't drift by cents. */
    static Money lineTotal(Money unitPrice, BigDecimal quantity, BigDecimal discountPercent) {
        BigDecimal factor = HUNDRED.subtract(discountPercent).divide(HUNDRED);
        return new Money(unitPrice.amount.multiply(quantity).multiply(factor), unitPrice.currency);
    }

    private void requireSameCurrency(Money other) {
        Objects.requireNonNull(other, "other");
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + currency + " with " + other.currency);
        }
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }
}
