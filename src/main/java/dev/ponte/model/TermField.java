package dev.ponte.model;

/**
 * The ledger's customer fields that a CRM lacks (R32), with whether the ledger requires them (Reviso requires
 * currency, customer group, payment terms and VAT zone on every customer).
 */
public enum TermField {
    CURRENCY(true),
    CUSTOMER_GROUP(true),
    PAYMENT_TERMS(true),
    PAYMENT_MODE(false),
    VAT_ZONE(true),
    PRICE_GROUP(false);

    private final boolean mandatory;

    TermField(boolean mandatory) {
        this.mandatory = mandatory;
    }

    public boolean mandatory() {
        return mandatory;
    }
}
