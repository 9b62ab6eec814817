package dev.ponte.model;

import java.math.BigDecimal;
import java.util.Objects;

/** A ledger's VAT or tax rate, synced to the CRM as reference data (R33). */
public record TaxRate(String code, String name, BigDecimal ratePercent) {

    public TaxRate {
        Require.text(code, "code");
        Require.text(name, "name");
        ratePercent = Require.percent(Objects.requireNonNull(ratePercent, "ratePercent"), "ratePercent");
    }
}
