package dev.ponte.connector;

import dev.ponte.model.Item;
import dev.ponte.model.Party;
import dev.ponte.model.Quote;
import dev.ponte.model.ReferenceData;
import dev.ponte.model.TaxId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CRM side of two-way customer sync, catalogue and quotes (CRM in Cloud, DESIGN §4): companies with their
 * selection fields, the catalogue, reference data and quotes. Every method calls the CRM; failures arrive as
 * {@link SyncFailure}s.
 */
public interface CompanySource {

    /**
     * Companies changed at or after {@code since} (every company when null), one page at a time in a stable order;
     * {@code cursor} null asks for the first page.
     */
    RemotePage<SourceCompany> companies(Instant since, String cursor);

    Optional<SourceCompany> company(String id);

    /** Companies whose VAT number or fiscal code is this tax id (how an unlinked company is found, not duplicated). */
    List<SourceCompany> findCompaniesByTaxId(TaxId taxId);

    /**
     * Companies named exactly {@code name}: how a company whose create answer was lost, and which has no tax id to be
     * found by, is found again instead of created twice.
     */
    List<SourceCompany> findCompaniesByName(String name);

    /**
     * Creates a company. {@code fields} are selection/custom field values by field label (e.g. "Zona iva Reviso" →
     * "1"); labels the CRM does not have are refused.
     */
    SourceCompany createCompany(Party party, Map<String, String> fields);

    /** Replaces the company's synced data and the given fields; answers it as stored (with its new update time). */
    SourceCompany updateCompany(String id, Party party, Map<String, String> fields);

    /**
     * Creates the company selection fields that do not exist yet and sets their options (code → label); existing
     * options are kept (R32). Idempotent.
     */
    void ensureCompanyFields(Map<String, List<FieldOption>> fields);

    /** Upserts the ledger's reference data into the CRM (R33), matching on codes; answers what changed. */
    ImportCount importReferenceData(ReferenceData data);

    /** Upserts catalogue articles by code (R34); answers what changed. */
    ImportCount importProducts(List<Item> items);

    Optional<Quote> quote(String id);

    /** Marks the quote as sent to the ledger, with the ledger document's id (R36). Idempotent. */
    void markQuoteSent(String quoteId, String ledgerDocumentId);

    /**
     * A CRM company: its id, canonical data, selection/custom field values by label, and when the CRM last changed
     * it.
     */
    record SourceCompany(String id, Party party, Map<String, String> fields, Instant updatedAt) {

        public SourceCompany {
            fields = Map.copyOf(fields);
        }
    }

    /** One option of a selection field: the value stored (the ledger's code) and the label shown. */
    record FieldOption(String code, String label) {
    }

    /** What an import did. */
    record ImportCount(int created, int updated, int unchanged) {

        public ImportCount plus(ImportCount other) {
            return new ImportCount(created + other.created, updated + other.updated, unchanged + other.unchanged);
        }
    }
}
