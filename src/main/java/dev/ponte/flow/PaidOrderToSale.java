package dev.ponte.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponte.connector.CustomerDirectory;
import dev.ponte.connector.ItemCatalog;
import dev.ponte.connector.ItemCatalog.LedgerItem;
import dev.ponte.connector.OrderSource;
import dev.ponte.connector.RejectedFailure;
import dev.ponte.connector.SalesLedger;
import dev.ponte.connector.WebhookInbound.Kind;
import dev.ponte.connector.WebhookInbound.SourceEvent;
import dev.ponte.engine.Job;
import dev.ponte.engine.JobHandler;
import dev.ponte.engine.JobResult;
import dev.ponte.engine.Records;
import dev.ponte.flow.ConnectionDirectory.ConnectionView;
import dev.ponte.flow.SettingDefinition.SettingType;
import dev.ponte.model.Item;
import dev.ponte.model.ItemKind;
import dev.ponte.model.Order;
import dev.ponte.model.OrderLine;
import dev.ponte.model.Party;
import dev.ponte.model.PaymentPlan;
import dev.ponte.model.SalesDocument;
import dev.ponte.model.SalesLine;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A shop order paid at or after the connection's activation becomes exactly one sale pending review in the ledger
 * (R40, R1–R3): its customer matched or created by the rules every ledger flow shares ({@link LedgerMatching}, R5,
 * R6), its lines by product description — a ledger product of the same description, else a new one (R8's shop
 * rule) — with the prices and quantities the shop sent, its freight as the sale's shipping (R9), cash in one
 * instalment unless configured (R10), the configured seller (R11). A refusal of the ledger is kept on the job with
 * its message for a person to act on and retry (R15). Exactly once as {@link ExactlyOnce} does it; the order is read
 * again from the shop on every attempt, so only its current payment status counts.
 */
@ApplicationScoped
public class PaidOrderToSale implements JobHandler, SourceEventFlow {

    public static final String NAME = "PaidOrderToSale";
    public static final String JOB_KIND = "order.paid";
    /** The link type of the sales, keyed {@code order:<id>}. */
    static final String SALE = "sale";

    private final ConnectionDirectory connections;
    private final Records records;
    private final LedgerMatching matching;
    private final ExactlyOnce once;
    private final ObjectMapper json;

    PaidOrderToSale(ConnectionDirectory connections, Records records, LedgerMatching matching, ExactlyOnce once,
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
        return "A shop order paid after the activation becomes one sale pending review in the ledger, with its "
                + "customer, its products by description and its freight (R40)";
    }

    @Override
    public Set<Class<?>> sourceCapabilities() {
        return Set.of(OrderSource.class);
    }

    @Override
    public Set<Class<?>> ledgerCapabilities() {
        return Set.of(CustomerDirectory.class, ItemCatalog.class, SalesLedger.class);
    }

    @Override
    public void prepare(ConnectionView connection) {
        // Nothing to create in the shop: its webhooks are subscribed by the connection.
    }

    /** An order's event queues its job (one per order); the job reads the order and checks it is paid. */
    @Override
    public Decision jobFor(ConnectionView connection, SourceEvent event) {
        if (event.kind() != Kind.ORDER || event.recordId() == null) {
            return Decision.ignore("not an order's event");
        }
        return Decision.queue(PaidOrders.job(connection, event.recordId()));
    }

    @Override
    public List<SettingDefinition> settings() {
        return List.of(
                new SettingDefinition("customerMatching", SettingType.CHOICE,
                        List.of("DOCUMENT_THEN_NAME", "NAME_AND_DOCUMENT"), "DOCUMENT_THEN_NAME",
                        "R5: DOCUMENT_THEN_NAME (CPF/CNPJ, then optionally the exact name) or NAME_AND_DOCUMENT "
                                + "(reuse a customer only when name and CPF/CNPJ both match, the ledger's own rule for "
                                + "shop orders)"),
                new SettingDefinition("matchByName", SettingType.BOOLEAN, null, false,
                        "R5: with DOCUMENT_THEN_NAME, reuse a customer of exactly the same name when no CPF/CNPJ "
                                + "matches. Homonyms (two different people with one name) would be merged."),
                new SettingDefinition("paymentMethod", SettingType.STRING, null, null,
                        "R10: payment method, in the ledger's names; by default the ledger's cash"),
                new SettingDefinition("instalments", SettingType.INTEGER, null, 1, "R10: number of instalments"),
                new SettingDefinition("sellerId", SettingType.STRING, null, null,
                        "R11: ledger seller id; by default, the seller named as activatedBy"),
                new SettingDefinition("activatedBy", SettingType.STRING, null, null,
                        "R11: the name of the user who activated the connection, as the ledger's sellers list shows it;"
                                + " that seller is on every sale unless sellerId is set. Recorded from the OAuth2 consent"
                                + " when not typed; an edit that leaves it out keeps it"));
    }

    @Override
    public String kind() {
        return JOB_KIND;
    }

    @Override
    public JobResult run(Job job) throws Exception {
        JsonNode payload = json.readTree(job.payload());
        String orderId = payload.path("orderId").asText();
        Optional<ConnectionView> found = connections.activeOrWait(job.connectionId());
        if (found.isEmpty()) {
            return skip(job, "the connection was deleted");
        }
        ConnectionView connection = found.get();
        String saleKey = "order:" + orderId;
        Optional<String> linked = once.linked(connection.id(), SALE, saleKey);
        if (linked.isPresent()) {
            return skip(job, "a sale (" + linked.get() + ") was already created for this order");
        }
        Optional<Order> read = connections.source(connection.id(), OrderSource.class).order(orderId);
        if (read.isEmpty()) {
            return skip(job, "the order no longer exists in the shop");
        }
        Order order = read.get();
        if (!order.paid()) {
            return skip(job, "the order is not paid (payment status " + order.payment() + ")");
        }
        Optional<String> notCaptured = notCaptured(connection, order, Backfill.of(payload));
        if (notCaptured.isPresent()) {
            return skip(job, notCaptured.get());
        }
        if (order.customer() == null) {
            return skip(job, "the order has no customer (the shop shared none)");
        }
        Party customer = order.customer();
        if (order.customerDocument() != null && customer.taxId() == null) {
            history(job, "customer", "WARNING", "CPF/CNPJ not sent: the order's document is not a valid CPF or CNPJ");
        }
        String customerId = matching.customer(job, connection,
                connections.ledger(connection.id(), CustomerDirectory.class), customer);
        ItemCatalog products = productsOnly(connections.ledger(connection.id(), ItemCatalog.class));
        SalesLedger ledger = connections.ledger(connection.id(), SalesLedger.class);
        List<SalesLine> lines = new ArrayList<>();
        for (OrderLine line : order.lines()) {
            LedgerItem item = matching.item(job, connection, products, byDescription(line));
            lines.add(new SalesLine(item.id(), line.item().name(), line.quantity(), line.unitPrice(), null));
        }
        if (lines.isEmpty()) {
            throw noProducts();
        }
        String marker = "[ponte:" + connection.id() + ":order:" + orderId + "]";
        LocalDate date = LocalDate.ofInstant(order.paidTime(), ledger.zone());
        String title = order.number() == null ? "order " + orderId : "order #" + order.number();
        ExactlyOnce.Outcome sale = once.create(job, connection.id(), SALE, saleKey,
                () -> ledger.findSaleByMarker(marker, customerId, date),
                () -> ledger.createSale(new SalesDocument(marker, customerId, date, lines,
                        order.shipping().isZero() ? null : order.shipping(),
                        order.discount().isZero() ? null : order.discount(), new PaymentPlan(connection.text("paymentMethod", ledger.defaultPaymentMethod()),
                                connection.integer("instalments", 1)),
                        matching.seller(job, connection, ledger), marker + " " + title, false, null)));
        switch (sale.how()) {
            case ALREADY_LINKED -> {
                return skip(job, "a sale (" + sale.id() + ") was already created for this order");
            }
            case FOUND_BY_MARKER -> history(job, "sale", "SUCCEEDED", "sale " + sale.id()
                    + " found by its marker (created by an earlier attempt)");
            case CREATED -> history(job, "sale", "SUCCEEDED", "sale " + sale.id() + " created pending review"
                    + (order.shipping().isZero() ? "" : ", freight " + order.shipping()));
        }
        return JobResult.succeeded("sale " + sale.id());
    }

    /** R8's shop rule: a line is matched by its description only (a code would take precedence in the shared rule). */
    private static Item byDescription(OrderLine line) {
        return new Item(ItemKind.PRODUCT, null, line.item().name(), line.unitPrice(), line.item().unitCode());
    }

    private static RejectedFailure noProducts() {
        return new RejectedFailure("The order has no products: nothing can be sold in the ledger",
                List.of(new RejectedFailure.FieldError("products", "no products")));
    }

    /**
     * Why the order is left alone after it was paid: paid before the connection was activated, or, for a backfill,
     * outside its range (R2); empty when it is to be synced.
     */
    private static Optional<String> notCaptured(ConnectionView connection, Order order, Optional<Backfill> backfill) {
        if (backfill.isPresent()) {
            return backfill.get().covers(order.paidTime()) ? Optional.empty() : Optional.of("the order was paid at "
                    + order.paidTime() + ", outside the backfill from " + backfill.get());
        }
        if (order.paidTime() == null || order.paidTime().isBefore(connection.activationSecond())) {
            return Optional.of("the order was paid before the connection was activated at " + connection.activatedAt());
        }
        return Optional.empty();
    }

    /** Dry run (R61): the same decisions as {@link #run} for a backfill of {@code range}, each previewed. */
    public Preview preview(ConnectionView connection, Order order, Backfill range) {
        Preview.Steps steps = new Preview.Steps(NAME, PaidOrders.job(connection, order.id()).subject());
        Optional<String> linked = once.linked(connection.id(), SALE, "order:" + order.id());
        if (linked.isPresent()) {
            return steps.end(Preview.Outcome.REUSE, "a sale (" + linked.get() + ") was already created for this order");
        }
        if (!order.paid()) {
            return steps.skip("the order is not paid (payment status " + order.payment() + ")");
        }
        Optional<String> notCaptured = notCaptured(connection, order, Optional.of(range));
        if (notCaptured.isPresent()) {
            return steps.skip(notCaptured.get());
        }
        if (order.customer() == null) {
            return steps.skip("the order has no customer (the shop shared none)");
        }
        if (order.customerDocument() != null && order.customer().taxId() == null) {
            steps.add("CPF/CNPJ not sent: the order's document is not a valid CPF or CNPJ");
        }
        try {
            steps.add(matching.previewParty(connection, "customer", LedgerMatching.PartyBook.customers(
                    connections.ledger(connection.id(), CustomerDirectory.class)), order.customer()));
            ItemCatalog products = productsOnly(connections.ledger(connection.id(), ItemCatalog.class));
            for (OrderLine line : order.lines()) {
                steps.add(matching.previewItem(connection, products, byDescription(line)));
            }
            if (order.lines().isEmpty()) {
                throw noProducts();
            }
        } catch (RejectedFailure | dev.ponte.connector.ReviewNeeded e) {
            return steps.stopped(e);
        }
        return steps.end(Preview.Outcome.CREATE, "a sale of " + order.lines().size() + " line"
                + (order.lines().size() == 1 ? "" : "s") + (order.shipping().isZero() ? "" : ", freight "
                        + order.shipping()) + " would be created pending review");
    }

    /**
     * The ledger's catalogue as R8's shop rule sees it: products only, none forced to be a service. A shop line is
     * matched to a product of the same description or creates one; a service of that name is not taken.
     */
    private static ItemCatalog productsOnly(ItemCatalog ledger) {
        return new ItemCatalog() {
            @Override
            public List<ItemKind> kinds() {
                return List.of(ItemKind.PRODUCT);
            }

            @Override
            public List<LedgerItem> findItemsByCode(ItemKind kind, String code) {
                return ledger.findItemsByCode(kind, code);
            }

            @Override
            public List<LedgerItem> findItemsByName(ItemKind kind, String name) {
                return ledger.findItemsByName(kind, name);
            }

            @Override
            public boolean alwaysService(Item item) {
                return false;
            }

            @Override
            public LedgerItem createItem(Item item) {
                return ledger.createItem(item);
            }
        };
    }

    private JobResult skip(Job job, String reason) {
        history(job, "sale", "SKIPPED", "skipped: " + reason);
        return JobResult.skipped(reason);
    }

    private void history(Job job, String action, String outcome, String message) {
        records.record(job.connectionId(), job.subject(), job.id(), action, outcome, message, null);
    }
}
