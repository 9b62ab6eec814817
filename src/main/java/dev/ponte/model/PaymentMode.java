package dev.ponte.model;

/** A ledger's payment mode (Reviso's payment type), e.g. "Bonifico bancario", synced to the CRM (R33). */
public record PaymentMode(String code, String name) {

    public PaymentMode {
        Require.text(code, "code");
        Require.text(name, "name");
    }
}
