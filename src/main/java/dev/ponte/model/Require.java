package dev.ponte.model;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/** Invariant checks shared by the records' compact constructors. */
final class Require {

    private Require() {
    }

    /** A mandatory text: not null and not blank. */
    static String text(String value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }

    /** An optional text; blank becomes {@code null} so callers test absence one way only. */
    static String optionalText(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** An optional ISO 3166-1 alpha-2 country code, upper-cased. */
    static String optionalCountry(String value, String field) {
        String code = optionalText(value);
        if (code == null) {
            return null;
        }
        String upper = code.strip().toUpperCase(Locale.ROOT);
        if (!upper.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException(field + " must be a two-letter ISO country code");
        }
        return upper;
    }

    /** A percentage from 0 to 100; {@code null} means none. */
    static BigDecimal percent(BigDecimal value, String field) {
        if (value == null) {
            return BigDecimal.ZERO;
        }
        if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException(field + " must be between 0 and 100");
        }
        return value;
    }

    /** A strictly positive quantity. */
    static BigDecimal positive(BigDecimal value, String field) {
        Objects.requireNonNull(value, field);
        if (value.signum() <= 0) {
            throw new IllegalArgumentException(field + " must be positive");
        }
        return value;
    }
}
