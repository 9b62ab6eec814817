package dev.ponte.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ponte.connector.CustomerDirectory;
import dev.ponte.connector.DealFields;
import dev.ponte.connector.DealSource;
import dev.ponte.connector.ItemCatalog;
import dev.ponte.connector.ItemCatalog.LedgerItem;
import dev.ponte.connector.RecurringSales;
import dev.ponte.connector.RejectedFailure;
import dev.ponte.connector.SalesLedger;
import dev.ponte.connector.TransientFailure;
import dev.ponte.engine.Job;
import dev.ponte.engine.JobHandler;
import dev.ponte.engine.JobResult;
import dev.ponte.engine.Records;
import dev.ponte.flow.ConnectionDirectory.ConnectionView;
import dev.ponte.flow.SettingDefinition.SettingType;
import dev.ponte.model.Deal;
import dev.ponte.model.DealLine;
import dev.ponte.model.Party;
import dev.ponte.model.PaymentPlan;
import dev.ponte.model.Recurrence;
import dev.ponte.model.SalesDocument;
import dev.ponte.model.SalesLine;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A deal marked won becomes exactly one sale pending review in the ledger (R1–R15), or a recurring sale when it is
 * marked as a contract (R19). Every decision — skipped,
 * customer matched or created, item matched or created, sale created — is written to the deal's history (R62).
 *
 * <p>Exactly once: the sale is claimed and marked as {@link ExactlyOnce} does it; customers and products follow the
 * shared rules of {@link LedgerMatching} (match keys claimed before a create, so concurrent deals never create the
 * same CNPJ or product code twice).
 *
 * <p>An attempt re-reads only what it must: the deal as read from the CRM (with its parties and lines) is held for the
 * job's next attempts while they follow a wait or a transient failure within {@link #HOLD_DEAL_FOR}, and forgotten
 * once the job ends (a person who fixes the deal and retries gets it read again).
 */
@ApplicationScoped
public class WonDealToSale implements JobHandler, WonDeals {

    public static final String NAME = "WonDealToSale";
    public static final String JOB_KIND = "deal.changed";
    /** How long a job's deal, as read, serves its next attempts (postponements and the first few retries). */
    static final Duration HOLD_DEAL_FOR = Duration.ofMinutes(5);

    /** Label → field key of each connection's contract fields, read (or created) once per connection. */
    private final java.util.Map<java.util.UUID, java.util.Map<String, String>> contractFieldKeys =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The deal each unfinished job read, by job id: see the class comment. */
    private final Cache<Long, Deal> held = Caffeine.newBuilder().expireAfterWrite(HOLD_DEAL_FOR)
            .maximumSize(10_000).build();

    private final ConnectionDirectory connections;
    private final Records records;
    private final LedgerMatching matching;
    private final ExactlyOnce once;
    private final ObjectMapper json;

    WonDealToSale(ConnectionDirectory connections, Records records, LedgerMatching matching, ExactlyOnce once,
            ObjectMapper json) {
        this.connections = connections;
        this.records = records;
        this.matching = matching;
        this.once = once;
        this.json = json;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "A deal marked won becomes one sale pending review in the ledger, with its customer and items matched "
                + "or created (R1–R15), or a recurring sale when it is marked as a contract (R19)";
    }

    @Override
    public Set<Class<?>> sourceCapabilities() {
        return Set.of(DealSource.class);
    }

    @Override
    public Set<Class<?>> ledgerCapabilities() {
        return Set.of(CustomerDirectory.class, ItemCatalog.class, SalesLedger.class);
    }

    /** R19: with {@code contracts}, the ledger's contract fields are created in the CRM before deals arrive. */
    @Override
    public void prepare(ConnectionView connection) {
        if (connection.flag("contracts", false)) {
            contractFields(connection);
        }
    }

    @Override
    public List<SettingDefinition> settings() {
        List<SettingDefinition> settings = new ArrayList<>(DEAL_SETTINGS);
        settings.addAll(PAYMENT_SETTINGS);
        settings.addAll(List.of(
                new SettingDefinition("contracts", SettingType.BOOLEAN, null, false,
                        "R19: the company works with contracts: Ponte creates the ledger's contract deal fields in "
                                + "the CRM, and a deal marked as contract becomes a recurring sale"),
                new SettingDefinition("sellerId", SettingType.STRING, null, null,
                        "R11: ledger seller id; by default, the seller named as activatedBy"),
                new SettingDefinition("activatedBy", SettingType.STRING, null, null,
                        "R11: the name of the user who activated the connection, as the ledger's sellers list shows it"
                                + " (Conta Azul lists sellers by name only, without e-mail); that seller is on every"
                                + " sale unless sellerId is set. Without a match the sale has no seller and the deal's"
                                + " history says why. Recorded from the OAuth2 consent when not typed; an edit that"
                                + " leaves it out keeps it")));
        return settings;
    }

    @Override
    public String kind() {
        return JOB_KIND;
    }

    /** Holds the job's deal for its next attempt only when this one must be tried again (waited or failed for now). */
    @Override
    public JobResult run(Job job) throws Exception {
        boolean again = false;
        try {
            return sync(job);
        } catch (TransientFailure e) {
            again = true;
            throw e;
        } finally {
            if (!again) {
                held.invalidate(job.id());
            }
        }
    }

    private JobResult sync(Job job) throws Exception {
        JsonNode payload = json.readTree(job.payload());
        String dealId = payload.path("dealId").asText();
        Optional<ConnectionView> found = connections.activeOrWait(job.connectionId());
        if (found.isEmpty()) {
            return skip(job, "the connection was deleted");
        }
        ConnectionView connection = found.get();
        Optional<Deal> read = Optional.ofNullable(held.getIfPresent(job.id()))
                .or(() -> connections.source(connection.id(), DealSource.class).deal(dealId));
        if (read.isEmpty()) {
            return skip(job, "the deal no longer exists in the CRM");
        }
        Deal deal = read.get();
        held.put(job.id(), deal);
        Optional<String> notCaptured = WonDeals.notCaptured(connection, deal, Backfill.of(payload));
        if (notCaptured.isPresent()) {
            return skip(job, notCaptured.get());
        }
        String saleKey = WonDeals.captureKey(connection, deal);
        Optional<String> linked = once.linked(connection.id(), "sale", saleKey);
        if (linked.isPresent()) {
            return skip(job, "a sale (" + linked.get() + ") was already created for this deal");
        }
        if (!deal.hasValue()) {
            return skip(job, "the deal has no value");
        }
        Optional<Party> customer = matching.dealCustomer(job, connection, deal);
        if (customer.isEmpty()) {
            return skip(job, "the deal has neither a company nor a contact");
        }
        String customerId = matching.customer(job, connection,
                connections.ledger(connection.id(), CustomerDirectory.class), customer.get());
        ItemCatalog catalog = connections.ledger(connection.id(), ItemCatalog.class);
        SalesLedger ledger = connections.ledger(connection.id(), SalesLedger.class);
        List<SalesLine> lines = new ArrayList<>();
        for (DealLine line : deal.lines()) {
            LedgerItem item = matching.item(job, connection, catalog, line.item());
            lines.add(new SalesLine(item.id(), line.item().name(), line.quantity(), line.unitPrice(),
                    line.discountPercent()));
        }
        if (lines.isEmpty()) {
            throw noProducts();
        }
        String marker = "[ponte:" + connection.id() + ":deal:" + saleKey + "]";
        LocalDate wonDate = LocalDate.ofInstant(deal.wonTime(), ledger.zone());
        Optional<RecurringSales> contracts = connection.flag("contracts", false)
                ? connections.ledgerIfOffered(connection.id(), RecurringSales.class) : Optional.empty();
        Recurrence recurrence = contracts.isPresent() ? contract(connection, contracts.get(), deal, wonDate) : null;
        LocalDate date = recurrence != null ? recurrence.start() : wonDate;
        ExactlyOnce.Outcome sale = once.create(job, connection.id(), "sale", saleKey,
                () -> ledger.findSaleByMarker(marker, customerId, date), () -> {
                    SalesDocument document = new SalesDocument(marker, customerId, date, lines, null,
                            null, new PaymentPlan(connection.text("paymentMethod", ledger.defaultPaymentMethod()),
                                    connection.integer("instalments", 1)),
                            matching.seller(job, connection, ledger), marker + " " + deal.title(), recurrence != null,
                            recurrence);
                    return recurrence != null ? contracts.get().createRecurringSale(document)
                            : ledger.createSale(document);
                });
        switch (sale.how()) {
            case ALREADY_LINKED -> {
                return skip(job, "a sale (" + sale.id() + ") was already created for this deal");
            }
            case FOUND_BY_MARKER -> history(job, "sale", "SUCCEEDED", "sale " + sale.id()
                    + " found by its marker (created by an earlier attempt)");
            case CREATED -> history(job, "sale", "SUCCEEDED", recurrence != null ? "recurring sale (contract) "
                    + sale.id() + " created from " + recurrence.start() + ", due on day " + recurrence.dueDay()
                    : "sale " + sale.id() + " created pending review");
        }
        return JobResult.succeeded("sale " + sale.id());
    }

    private static RejectedFailure noProducts() {
        return new RejectedFailure("The deal has a value but no products: add its products in the CRM, then retry",
                List.of(new RejectedFailure.FieldError("products", "no products")));
    }

    /** The same decisions as {@link #sync}, each previewed: nothing claimed, created or recorded. */
    @Override
    public Preview preview(ConnectionView connection, Deal deal, Backfill range) {
        Preview.Steps steps = previewOf(connection, deal);
        WonDeals.PreviewStart start = WonDeals.previewStart(steps, connection, deal, range, once, matching, "sale");
        if (start.ended() != null) {
            return start.ended();
        }
        try {
            steps.add(matching.previewParty(connection, "customer", LedgerMatching.PartyBook.customers(
                    connections.ledger(connection.id(), CustomerDirectory.class)), start.customer()));
            ItemCatalog catalog = connections.ledger(connection.id(), ItemCatalog.class);
            for (DealLine line : deal.lines()) {
                steps.add(matching.previewItem(connection, catalog, line.item()));
            }
            if (deal.lines().isEmpty()) {
                throw noProducts();
            }
        } catch (RejectedFailure | dev.ponte.connector.ReviewNeeded e) {
            return steps.stopped(e);
        }
        return steps.end(Preview.Outcome.CREATE, (connection.flag("contracts", false)
                ? "a sale (a recurring sale if the deal is marked as a contract)" : "a sale") + " of "
                + deal.value().amount() + " " + deal.value().currency() + " would be created pending review");
    }

    /**
     * R19: the deal's recurrence when the ledger's contract flag field says yes — starting at its start date (else
     * the won date), due monthly on the day of its due date (else the start's day); null when not a contract. Without
     * a source that can hold such fields there are no contracts.
     */
    private Recurrence contract(ConnectionView connection, RecurringSales ledger, Deal deal, LocalDate wonDate) {
        RecurringSales.ContractFields fields = ledger.contractFields();
        java.util.Map<String, String> keys = contractFields(connection);
        String flag = deal.customFields().get(keys.get(fields.flag()));
        if (flag == null || !flag.trim().equalsIgnoreCase(fields.yes())) {
            return null;
        }
        LocalDate start = date(deal.customFields().get(keys.get(fields.start())), wonDate);
        LocalDate due = date(deal.customFields().get(keys.get(fields.dueDate())), start);
        return new Recurrence(start, null, due.getDayOfMonth());
    }

    /**
     * Label → field key of the connection's contract fields, created in the CRM the first time (once per connection);
     * a contract needs a ledger with recurring sales and a CRM with deal fields, else the deal is refused.
     */
    private java.util.Map<String, String> contractFields(ConnectionView connection) {
        RecurringSales ledger = connections.ledgerIfOffered(connection.id(), RecurringSales.class)
                .orElseThrow(() -> new RejectedFailure("The connection works with contracts but its ledger has no "
                        + "recurring sales: switch contracts off", List.of(new RejectedFailure.FieldError(
                                "settings.contracts", "not supported by the ledger"))));
        DealFields source = connections.sourceIfOffered(connection.id(), DealFields.class)
                .orElseThrow(() -> new RejectedFailure("The connection works with contracts but its CRM cannot hold "
                        + "the contract fields: switch contracts off", List.of(new RejectedFailure.FieldError(
                                "settings.contracts", "not supported by the CRM"))));
        return contractFieldKeys.computeIfAbsent(connection.id(),
                id -> source.ensureDealFields(ledger.contractFields().fields()));
    }

    private static LocalDate date(String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.trim().substring(0, Math.min(10, value.trim().length())));
        } catch (java.time.format.DateTimeParseException e) {
            return fallback;
        }
    }

    private JobResult skip(Job job, String reason) {
        history(job, "sale", "SKIPPED", "skipped: " + reason);
        return JobResult.skipped(reason);
    }

    private void history(Job job, String action, String outcome, String message) {
        records.record(job.connectionId(), job.subject(), job.id(), action, outcome, message, null);
    }
}
