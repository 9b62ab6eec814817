package dev.ponte.flow;

import dev.ponte.connector.CompanySource.FieldOption;
import dev.ponte.connector.CustomerLedger;
import dev.ponte.connector.RejectedFailure.FieldError;
import dev.ponte.model.CustomerTerms;
import dev.ponte.model.Party;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What the two-way flows need of a connection's mapping tables (R32, R37): the ledger's extra customer fields read
 * from and written to the CRM's company fields, completed with defaults and derivations, and checked before any call.
 */
public interface TermsMapping {

    /** The terms a CRM company's fields state explicitly (translated to ledger codes; no defaults). */
    CustomerTerms fromCrm(UUID connectionId, Map<String, String> fields);

    /** The terms for creating a ledger customer from a CRM company: its fields, then derivations, then defaults. */
    CustomerTerms complete(UUID connectionId, Map<String, String> fields, Party party, CustomerLedger ledger);

    /** The CRM company field values (by label) that hold these terms. */
    Map<String, String> toCrm(UUID connectionId, CustomerTerms terms);

    /** The CRM selection fields (label → options) the ledger's extra fields need (R32). */
    Map<String, List<FieldOption>> crmFields(UUID connectionId, CustomerLedger ledger);

    /** What the ledger would refuse in this customer, explained in {@code locale}; empty when it may be sent. */
    List<FieldError> preflight(Party party, CustomerTerms terms, CustomerLedger ledger, Locale locale);
}
