package dev.ponte.model;

/**
 * How a sale is paid: the ledger's payment method code (e.g. "DINHEIRO") and the number of instalments.
 * The method stays a string because each ledger has its own list.
 */
public record PaymentPlan(String method, int instalments) {

    public PaymentPlan {
        Require.text(method, "method");
        if (instalments < 1) {
            throw new IllegalArgumentException("instalments must be at least 1");
        }
    }

    /** R10's default: cash in one instalment. */
    public static PaymentPlan cashInOneInstalment() {
        return new PaymentPlan("DINHEIRO", 1);
    }
}
