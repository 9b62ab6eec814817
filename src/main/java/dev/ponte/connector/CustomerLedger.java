package dev.ponte.connector;

import dev.ponte.model.Choice;
import dev.ponte.model.CustomerTerms;
import dev.ponte.model.Item;
import dev.ponte.model.LedgerParty;
import dev.ponte.model.Party;
import dev.ponte.model.Quote;
import dev.ponte.model.TaxId;
import dev.ponte.model.ReferenceData;
import dev.ponte.model.TermField;
import dev.ponte.model.VatZone;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ledger side of two-way customer sync, catalogue and quotes (DESIGN §4): customers with their extra terms. Every method calls the ledger; failures arrive as {@link SyncFailure}s (a refusal as a
 * {@link RejectedFailure} with the ledger's field errors).
 */
public interface CustomerLedger {

    /**
     * Customers changed at or after {@code since} (every customer when null), one page at a time in a stable order;
     * {@code cursor} null asks for the first page.
     */
    RemotePage<LedgerCustomer> customers(Instant since, String cursor);

    Optional<LedgerCustomer> customer(String id);

    /** Customers whose VAT number or fiscal code is this tax id (how an unlinked customer is found, not duplicated). */
    List<LedgerParty> findCustomersByTaxId(TaxId taxId);

    /**
     * Customers named exactly {@code name}: how a customer whose create answer was lost, and which has no tax id to be
     * found by, is found again instead of created twice.
     */
    List<LedgerCustomer> findCustomersByName(String name);

    LedgerCustomer createCustomer(Party party, CustomerTerms terms);

    /** Replaces the customer's synced data and terms; answers it as stored (with its new update time). */
    LedgerCustomer updateCustomer(String id, Party party, CustomerTerms terms);

    /** The country of the agreement (the ledger account), which decides what a domestic customer is. */
    String agreementCountry();

    /** The VAT zones the ledger offers. */
    List<VatZone> vatZones();

    /** The values the ledger offers for each extra customer field (R32), VAT zones included. */
    Map<TermField, List<Choice>> choices();

    /** The province codes the ledger knows for a country (empty when it keeps none for it). */
    List<String> provinces(String countryCode);

    ReferenceData referenceData();

    /** The catalogue, one page at a time. */
    RemotePage<Item> products(String cursor);

    /** Article codes (of {@code codes}) the ledger has no product for. */
    List<String> missingProducts(List<String> codes);

    /**
     * The quotation a previous attempt created for this marker (the CRM quote), if any: how a second click or a
     * retried call finds the document instead of creating another (DESIGN §3).
     */
    Optional<String> findQuotationByMarker(String marker);

    /** Creates a quotation for the customer from the CRM quote, marked with {@code marker}; answers its id. */
    String createQuotation(String marker, String customerId, CustomerTerms terms, Quote quote);

    /** The quotation's printable document (PDF), R36. */
    byte[] quotationPdf(String id);

    /** A ledger customer: its id, canonical data, extra fields, and when the ledger last changed it. */
    record LedgerCustomer(String id, Party party, CustomerTerms terms, Instant updatedAt) {
    }
}
