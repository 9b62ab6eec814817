package dev.ponte.model;

/**
 * Refusals of a customer that Ponte knows how to explain (R37), as a ledger's connector recognises them in the
 * ledger's own words; the explanation then names the CRM fields to fix.
 */
public enum LedgerRefusal {
    /** The address has a province but no country code. */
    PROVINCE_WITHOUT_COUNTRY,
    /** The VAT zone does not fit the country of the ledger's account. */
    VAT_ZONE_NOT_FOR_COUNTRY,
    /** The customer lacks one of the ledger's mandatory fields, unnamed. */
    MANDATORY_FIELD_MISSING
}
