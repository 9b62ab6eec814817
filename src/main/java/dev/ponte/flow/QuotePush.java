package dev.ponte.flow;

import dev.ponte.connector.CompanySource;
import dev.ponte.connector.CustomerLedger;
import dev.ponte.connector.RejectedFailure;
import dev.ponte.connector.RejectedFailure.FieldError;
import dev.ponte.engine.Link;
import dev.ponte.engine.Records;
import dev.ponte.flow.ConnectionDirectory.ConnectionView;
import dev.ponte.mapping.Refusal;
import dev.ponte.model.Quote;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * "Send quote" (R35, R36): a CRM quote becomes a ledger quotation when a user presses the CRM's button, answered
 * synchronously. Only a quote linked to a company is sent; the company's ledger customer is created if missing (R31's
 * path, with its pre-flight check); every line must name an article code the ledger has, and the unknown ones are
 * named. A second click answers the same document: the quote's link, then the document's marker, are looked up
 * before anything is created. The sent quote is marked as such in the CRM.
 */
@ApplicationScoped
public class QuotePush implements FlowDefinition {

    public static final String NAME = "QuotePush";
    static final String ENTITY = "quote";
    private static final Duration CLAIM_STALE_AFTER = Duration.ofMinutes(2);

    private final ConnectionDirectory connections;
    private final Records records;
    private final CustomerSync customers;

    QuotePush(ConnectionDirectory connections, Records records, CustomerSync customers) {
        this.connections = connections;
        this.records = records;
        this.customers = customers;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Sends a CRM quote (and its company) to the ledger as a quotation on request, the CRM's button (R35–R37)";
    }

    @Override
    public Set<Class<?>> sourceCapabilities() {
        return Set.of(CompanySource.class);
    }

    @Override
    public Set<Class<?>> ledgerCapabilities() {
        return Set.of(CustomerLedger.class);
    }

    @Override
    public List<SettingDefinition> settings() {
        return List.of();
    }

    /** The quote's ledger document and whether this call created it. */
    public record Sent(String documentId, boolean created) {
    }

    /** Sends the quote; a refusal is a {@link RejectedFailure} naming the fields, explained in {@code locale}. */
    public Sent send(UUID connectionId, String quoteId, Locale locale) {
        ConnectionView connection = connections.find(connectionId).orElseThrow();
        String subject = "quote:" + quoteId;
        CompanySource crm = connections.source(connection.id(), CompanySource.class);
        Optional<Link> linked = records.linkBySource(connectionId, ENTITY, quoteId);
        if (linked.isPresent() && linked.get().ledgerId() != null) {
            return again(crm, connectionId, quoteId, linked.get().ledgerId());
        }
        CustomerLedger ledger = connections.ledger(connection.id(), CustomerLedger.class);
        Quote quote = crm.quote(quoteId).orElseThrow(() -> new RejectedFailure("The CRM has no quote " + quoteId,
                List.of(new FieldError("quoteId", "unknown quote"))));
        if (quote.companyId() == null) {
            throw refused(connectionId, subject, "Only a quote linked to a company can be sent",
                    List.of(error("companyId", "quote.noCompany", locale)));
        }
        List<FieldError> lines = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < quote.lines().size(); i++) {
            String code = quote.lines().get(i).articleCode();
            if (code == null) {
                lines.add(error("lines[" + i + "].articleCode", "quote.noArticleCode", locale));
            } else if (!codes.contains(code)) {
                codes.add(code);
            }
        }
        if (quote.lines().isEmpty()) {
            lines.add(error("lines", "quote.noLines", locale));
        }
        List<String> missing = codes.isEmpty() ? List.of() : ledger.missingProducts(codes);
        for (int i = 0; i < quote.lines().size(); i++) {
            String code = quote.lines().get(i).articleCode();
            if (code != null && missing.contains(code)) {
                lines.add(error("lines[" + i + "].articleCode", "quote.unknownArticle", locale, code));
            }
        }
        if (!lines.isEmpty()) {
            throw refused(connectionId, subject, "The quote's lines cannot be sent: "
                    + (missing.isEmpty() ? "" : "unknown article codes " + missing), lines);
        }
        String owner = "quote:" + UUID.randomUUID();
        var claim = records.claim(connectionId, ENTITY, quoteId, owner, CLAIM_STALE_AFTER);
        if (claim.ledgerId() != null) {
            return again(crm, connectionId, quoteId, claim.ledgerId());
        }
        if (claim.busy()) {
            throw new CustomerSync.SendInProgress();
        }
        try {
            String customerId = customers.send(connectionId, quote.companyId(), locale).customerId();
            String marker = "ponte:" + connectionId + ":quote:" + quoteId;
            Optional<String> earlier = ledger.findQuotationByMarker(marker);
            String documentId = earlier.isPresent() ? earlier.get() : ledger.createQuotation(marker, customerId,
                    ledger.customer(customerId).orElseThrow().terms(), quote);
            records.link(connectionId, ENTITY, quoteId, documentId);
            records.record(connectionId, subject, null, "quote.send", "SUCCEEDED", earlier.isPresent()
                    ? "quotation " + documentId + " found by its marker (sent by an earlier attempt)"
                    : "quotation " + documentId + " created in the ledger for customer " + customerId, null);
            // A mark that fails fails the call (the CRM is down: the person clicks again), and the next click marks it.
            crm.markQuoteSent(quoteId, documentId);
            return new Sent(documentId, earlier.isEmpty());
        } finally {
            records.release(connectionId, ENTITY, quoteId, owner);
        }
    }

    /**
     * A quote sent before: its document, marked on the quote again (R36) in case the earlier send's mark failed after
     * the document was made — marking is idempotent, so a quote already marked costs one read.
     */
    private Sent again(CompanySource crm, UUID connectionId, String quoteId, String documentId) {
        try {
            crm.markQuoteSent(quoteId, documentId);
        } catch (RejectedFailure gone) {
            records.record(connectionId, "quote:" + quoteId, null, "quote.send", "WARNING", "quotation " + documentId
                    + " not marked on the quote: " + gone.getMessage(), null);
        }
        return new Sent(documentId, false);
    }

    /** R36: the printable document of a sent quote; empty when the quote was not sent. */
    public Optional<byte[]> document(UUID connectionId, String quoteId) {
        return records.linkBySource(connectionId, ENTITY, quoteId).filter(l -> l.ledgerId() != null)
                .map(l -> connections.ledger(connectionId, CustomerLedger.class).quotationPdf(l.ledgerId()));
    }

    private static FieldError error(String field, String key, Locale locale, Object... args) {
        return new FieldError(field, new Refusal(field, key, List.of(args)).explain(locale));
    }

    private RejectedFailure refused(UUID connectionId, String subject, String message, List<FieldError> errors) {
        records.record(connectionId, subject, null, "quote.send", "REFUSED", message + " " + errors, null);
        return new RejectedFailure(message, errors);
    }
}
