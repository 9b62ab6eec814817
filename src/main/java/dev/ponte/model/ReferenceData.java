package dev.ponte.model;

import java.util.List;

/** The reference data a ledger hands to the CRM whenever customers sync (R33). */
public record ReferenceData(List<TaxRate> taxRates, List<PaymentTerm> paymentTerms, List<PaymentMode> paymentModes,
        List<Unit> units) {

    public ReferenceData {
        taxRates = List.copyOf(taxRates);
        paymentTerms = List.copyOf(paymentTerms);
        paymentModes = List.copyOf(paymentModes);
        units = List.copyOf(units);
    }
}
