package dev.ponte.model;

/** A ledger's payment term, e.g. "30 days net", synced to the CRM as reference data (R33). */
public record PaymentTerm(String code, String name, int days) {

    public PaymentTerm {
        Require.text(code, "code");
        Require.text(name, "name");
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative");
        }
    }
}
