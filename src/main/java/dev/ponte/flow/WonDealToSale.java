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
import dev.ponte.connector.Postponed;
import dev.ponte.connector.RecurringSales;
import dev.ponte.connector.RejectedFailure;
import dev.ponte.connector.SalesLedger;
import dev.ponte.connector.TransientFailure;
import dev.ponte.connector.WebhookInbound.SourceEvent;
import dev.ponte.engine.Job;
import dev.ponte.engine.JobHandler;
import dev.ponte.engine.JobResult;
import dev.ponte.engine.Link;
import dev.ponte.engine.Records;
import dev.ponte.flow.ConnectionDirectory.ConnectionView;
import dev.ponte.flow.SettingDefinition.SettingType;
import dev.ponte.matching.CustomerPolicy;
import dev.ponte.model.Deal;
import dev.ponte.model.DealLine;
import dev.ponte.model.DealStatus;
import dev.ponte.model.InvalidTaxIdException;
import dev.ponte.model.Item;
import dev.ponte.model.LedgerParty;
import dev.ponte.model.ItemKind;
import dev.ponte.model.Party;
import dev.ponte.model.PaymentPlan;
import dev.ponte.model.Recurrence;
import dev.ponte.model.SalesDocument;
import dev.ponte.model.SalesLine;
import dev.ponte.model.TaxId;
import jakarta.enterprise.context.ApplicationScoped;
import java.text.Normalizer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A deal marked won becomes exactly one sale pending review in the ledger (R1–R15), or a recurring sale when it is
 * marked as a contract (R19). Every decision — skipped,
 * customer matched or created, item matched or created, sale created — is written to the deal's history (R62).
 *
 * <p>Exactly once: a sale carries a marker naming the connection and the deal, and is claimed through a link before it
 * is created; an attempt that finds an earlier claim (its own job's earlier attempt, or a crashed job's) looks for the
 * marker first, so a crash between the ledger's create and Ponte's commit does not produce a second sale, while the
 * first attempt spares that search. Customers and products are claimed through match keys (a CNPJ, a code, a name)
 * before they are created, so concurrent deals never create the same CNPJ or product code twice (a deal that finds
 * one claimed waits for its match, briefly in its thread and then {@link Postponed}, which costs it no attempt); the
 * keys then spare the lookups of later deals. Several keys may lead to one ledger record (a product found by name that
 * another deal knows by its code): match keys are not identity links. A claim whose create was refused, or postponed
 * before anything reached the ledger, is given back at once.
 *
 * <p>An attempt re-reads only what it must: the deal as read from the CRM (with its parties and lines) is held for the
 * job's next attempts while they follow a wait or a transient failure within {@link #HOLD_DEAL_FOR}, and forgotten
 * once the job ends (a person who fixes the deal and retries gets it read again).
 */
@ApplicationScoped
public class WonDealToSale implements JobHandler, SourceEventFlow {

    public static final String NAME = "WonDealToSale";
    public static final String JOB_KIND = "deal.changed";
    static final Duration CLAIM_STALE_AFTER = Duration.ofMinutes(2);
    /**
     * How long a job waits in its thread for another job that is creating the same customer or item (as long as the
     * request pacer lets a caller wait); then it is postponed, at most {@link #CLAIM_RECHECK_MAX} at a time. Claims go
     * stale after {@link #CLAIM_STALE_AFTER}, when a waiting job takes them over, so the wait is bounded.
     */
    static final Duration CLAIM_WAIT = Duration.ofSeconds(2);
    private static final Duration CLAIM_POLL = Duration.ofMillis(25);
    static final Duration CLAIM_RECHECK_MAX = Duration.ofSeconds(30);
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
    private final ObjectMapper json;

    WonDealToSale(ConnectionDirectory connections, Records records, ObjectMapper json) {
        this.connections = connections;
        this.records = records;
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

    /** A won deal's delivery queues its job (one per deal and won time); any other is ignored. */
    @Override
    public Decision jobFor(ConnectionView connection, SourceEvent event) {
        if (event.deal() == null || event.deal().status() != DealStatus.WON) {
            return Decision.ignore("deal " + event.dealId() + " is not won");
        }
        return Decision.queue(WonDeals.job(connection, event.dealId(), event.deal().wonTime(), event.eventId()));
    }

    @Override
    public List<SettingDefinition> settings() {
        return List.of(
                new SettingDefinition("customerMatching", SettingType.CHOICE,
                        List.of("DOCUMENT_THEN_NAME", "NAME_AND_DOCUMENT"), "DOCUMENT_THEN_NAME",
                        "R5: DOCUMENT_THEN_NAME (CPF/CNPJ, then optionally the exact name) or NAME_AND_DOCUMENT"),
                new SettingDefinition("matchByName", SettingType.BOOLEAN, null, false,
                        "R5: with DOCUMENT_THEN_NAME, reuse a customer of exactly the same name when no CPF/CNPJ "
                                + "matches. Homonyms (two different people or companies with one name) would be merged."),
                new SettingDefinition("taxIdField", SettingType.STRING, null, null,
                        "R7: key of the source custom field that holds the CPF/CNPJ (of the company, and of the "
                                + "contact unless personTaxIdField is set)"),
                new SettingDefinition("personTaxIdField", SettingType.STRING, null, null,
                        "R7: key of the source custom field that holds a contact's CPF, when contacts keep it in "
                                + "another field than companies"),
                new SettingDefinition("pipelines", SettingType.STRING_LIST, null, null,
                        "R14: only deals of these pipeline ids; empty means all"),
                new SettingDefinition("captureRewins", SettingType.BOOLEAN, null, false,
                        "R13: a deal won, reopened and won again creates another sale"),
                new SettingDefinition("paymentMethod", SettingType.STRING, null, null,
                        "R10: payment method, in the ledger's names; by default the ledger's cash"),
                new SettingDefinition("instalments", SettingType.INTEGER, null, 1, "R10: number of instalments"),
                new SettingDefinition("contracts", SettingType.BOOLEAN, null, false,
                        "R19: the company works with contracts: Ponte creates the ledger's contract deal fields in "
                                + "the CRM, and a deal marked as contract becomes a recurring sale"),
                new SettingDefinition("sellerId", SettingType.STRING, null, null,
                        "R11: ledger seller id; by default, the seller named as activatedBy"),
                new SettingDefinition("activatedBy", SettingType.STRING, null, null,
                        "R11: the name of the user who activated the connection, as the ledger's sellers list shows it"
                                + " (Conta Azul lists sellers by name only, without e-mail); that seller is on every"
                                + " sale unless sellerId is set. Without a match the sale has no seller and the deal's"
                                + " history says why"));
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
        Optional<ConnectionView> found = connections.find(job.connectionId());
        if (found.isEmpty() || !found.get().active()) {
            return skip(job, "the connection is not active");
        }
        ConnectionView connection = found.get();
        Optional<Deal> read = Optional.ofNullable(held.getIfPresent(job.id()))
                .or(() -> connections.source(connection.id(), DealSource.class).deal(dealId));
        if (read.isEmpty()) {
            return skip(job, "the deal no longer exists in the CRM");
        }
        Deal deal = read.get();
        held.put(job.id(), deal);
        if (deal.status() != DealStatus.WON) {
            return skip(job, "the deal is not won (status " + deal.status() + ")");
        }
        if (deal.wonTime() == null || deal.wonTime().isBefore(connection.activationSecond())) {
            return skip(job, "the deal was won before the connection was activated at " + connection.activatedAt());
        }
        List<String> pipelines = connection.list("pipelines");
        if (!pipelines.isEmpty() && !pipelines.contains(deal.pipelineId())) {
            return skip(job, "the deal's pipeline " + deal.pipelineId() + " is not among the selected ones");
        }
        String saleKey = connection.flag("captureRewins", false) ? deal.id() + "@" + deal.wonTime() : deal.id();
        Optional<Link> sale = records.linkBySource(connection.id(), "sale", saleKey);
        if (sale.isPresent() && sale.get().ledgerId() != null) {
            return skip(job, "a sale (" + sale.get().ledgerId() + ") was already created for this deal");
        }
        if (!deal.hasValue()) {
            return skip(job, "the deal has no value");
        }
        Optional<Party> customer = deal.customer();
        if (customer.isEmpty()) {
            return skip(job, "the deal has neither a company nor a contact");
        }
        String customerId = customer(job, connection, connections.ledger(connection.id(), CustomerDirectory.class),
                withTaxId(job, connection, deal, customer.get()));
        ItemCatalog catalog = connections.ledger(connection.id(), ItemCatalog.class);
        SalesLedger ledger = connections.ledger(connection.id(), SalesLedger.class);
        List<SalesLine> lines = new ArrayList<>();
        for (DealLine line : deal.lines()) {
            LedgerItem item = item(job, connection, catalog, line.item());
            lines.add(new SalesLine(item.id(), line.item().name(), line.quantity(), line.unitPrice(),
                    line.discountPercent()));
        }
        if (lines.isEmpty()) {
            throw new RejectedFailure("The deal has a value but no products: add its products in the CRM, then "
                    + "retry", List.of(new RejectedFailure.FieldError("products", "no products")));
        }
        String marker = "[ponte:" + connection.id() + ":deal:" + saleKey + "]";
        LocalDate date = LocalDate.ofInstant(deal.wonTime(), ledger.zone());
        Optional<RecurringSales> contracts = connection.flag("contracts", false)
                ? connections.ledgerIfOffered(connection.id(), RecurringSales.class) : Optional.empty();
        Recurrence recurrence = contracts.isPresent() ? contract(connection, contracts.get(), deal, date) : null;
        if (recurrence != null) {
            date = recurrence.start();
        }
        String owner = "job:" + job.id();
        Records.Claim claim = records.claim(connection.id(), "sale", saleKey, owner, CLAIM_STALE_AFTER);
        if (claim.ledgerId() != null) {
            return skip(job, "a sale (" + claim.ledgerId() + ") was already created for this deal");
        }
        if (claim.busy()) {
            throw new Postponed("another job is creating this deal's sale", recheck(job));
        }
        // Only an attempt that found an earlier claim can follow one that created the sale and lost the answer.
        Optional<String> earlier = claim.first() ? Optional.empty()
                : ledger.findSaleByMarker(marker, customerId, date);
        String saleId;
        if (earlier.isPresent()) {
            saleId = earlier.get();
            history(job, "sale", "SUCCEEDED", "sale " + saleId + " found by its marker (created by an earlier attempt)");
        } else {
            try {
                SalesDocument document = new SalesDocument(marker, customerId, date, lines, null,
                        new PaymentPlan(connection.text("paymentMethod", ledger.defaultPaymentMethod()),
                                connection.integer("instalments", 1)),
                        seller(job, connection, ledger), marker + " " + deal.title(), recurrence != null, recurrence);
                saleId = recurrence != null ? contracts.get().createRecurringSale(document)
                        : ledger.createSale(document);
            } catch (RejectedFailure refused) {
                // Refused means nothing was created: the next attempt, of this job or another, starts afresh.
                records.release(connection.id(), "sale", saleKey, owner);
                throw refused;
            } catch (Postponed waiting) {
                // Nothing reached the ledger (a 429 is not processed; the pacer never sent it). Giving back a claim
                // that was the first keeps the next attempt first, sparing it the search for a marker.
                if (claim.first()) {
                    records.release(connection.id(), "sale", saleKey, owner);
                }
                throw waiting;
            }
            history(job, "sale", "SUCCEEDED", recurrence != null ? "recurring sale (contract) " + saleId + " created"
                    + " from " + recurrence.start() + ", due on day " + recurrence.dueDay()
                    : "sale " + saleId + " created pending review");
        }
        records.link(connection.id(), "sale", saleKey, saleId);
        return JobResult.succeeded("sale " + saleId);
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

    /**
     * R11: the configured seller, else the ledger's seller named as the user who activated the connection; none (and
     * the reason in the deal's history) when that user is not recorded or no single seller has their name.
     */
    private String seller(Job job, ConnectionView connection, SalesLedger ledger) {
        String configured = connection.text("sellerId", null);
        if (configured != null) {
            return configured;
        }
        String activatedBy = connection.text("activatedBy", null);
        if (activatedBy == null || activatedBy.isBlank()) {
            history(job, "seller", "WARNING", "sale created without a seller: who activated the connection is not "
                    + "recorded (set activatedBy, or sellerId)");
            return null;
        }
        String wanted = comparableName(activatedBy);
        List<SalesLedger.LedgerSeller> named = ledger.sellers().stream()
                .filter(s -> s.name() != null && comparableName(s.name()).equals(wanted)).toList();
        if (named.size() != 1) {
            history(job, "seller", "WARNING", "sale created without a seller: " + (named.isEmpty()
                    ? "no seller in the ledger is named \"" + activatedBy.strip() + "\""
                    : named.size() + " sellers in the ledger are named \"" + activatedBy.strip() + "\"")
                    + ", the user who activated the connection");
            return null;
        }
        history(job, "seller", "SUCCEEDED", "seller " + named.get(0).name() + " (" + named.get(0).id() + "), who "
                + "activated the connection");
        return named.get(0).id();
    }

    /** Names as people type them: case, accents and repeated spaces do not matter. */
    static String comparableName(String name) {
        String plain = Normalizer.normalize(name.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /**
     * The customer with the CPF/CNPJ from the bound custom field — the company's {@code taxIdField}, the contact's
     * {@code personTaxIdField} (else {@code taxIdField}) — validated (R7); an invalid one is never sent.
     */
    private Party withTaxId(Job job, ConnectionView connection, Deal deal, Party customer) {
        boolean company = customer.equals(deal.organization());
        String field = connection.text("taxIdField", null);
        if (!company) {
            field = connection.text("personTaxIdField", field);
        }
        if (field == null || customer.taxId() != null) {
            return customer;
        }
        String prefix = company ? "org." : "person.";
        String raw = deal.customFields().getOrDefault(prefix + field, deal.customFields().get(field));
        if (raw == null || raw.isBlank()) {
            return customer;
        }
        try {
            TaxId taxId = TaxId.parseBrazilian(raw);
            return new Party(customer.kind(), customer.name(), taxId, customer.email(), customer.businessPhone(),
                    customer.mobilePhone(), customer.countryCode(), customer.origin(), customer.address(),
                    customer.sourceId());
        } catch (InvalidTaxIdException e) {
            history(job, "customer", "WARNING", "CPF/CNPJ not sent: " + e.getMessage());
            return customer;
        }
    }

    private String customer(Job job, ConnectionView connection, CustomerDirectory ledger, Party customer) {
        String key = customer.taxId() != null ? customer.taxId().kind() + ":" + customer.taxId().value()
                : "name:" + customer.name();
        String owner = "job:" + job.id();
        Records.Claim claim = records.claimMatch(connection.id(), "customer", key, owner, CLAIM_STALE_AFTER);
        if (claim.ledgerId() != null) {
            history(job, "customer", "SUCCEEDED", "customer " + claim.ledgerId() + " already linked");
            return claim.ledgerId();
        }
        if (claim.busy()) {
            String linked = awaitMatch(job, connection, "customer", key, "another job is creating this customer");
            history(job, "customer", "SUCCEEDED", "customer " + linked + " linked by another job");
            return linked;
        }
        try {
            CustomerPolicy policy = CustomerPolicy.valueOf(connection.text("customerMatching", "DOCUMENT_THEN_NAME"));
            List<LedgerParty> byTaxId = customer.taxId() == null ? List.of()
                    : ledger.findCustomersByTaxId(customer.taxId());
            CustomerPolicy.Decision decision = policy.decide(customer, byTaxId, connection.flag("matchByName", false),
                    () -> ledger.findCustomersByName(customer.name()));
            if (decision.ambiguous()) {
                throw new RejectedFailure(decision.reason() + ": choose one in the ledger (or fix the duplicates), "
                        + "then retry", List.of(new RejectedFailure.FieldError("customer", decision.reason())));
            }
            String id = decision.match().map(LedgerParty::id).orElseGet(() -> ledger.createCustomer(customer).id());
            history(job, "customer", "SUCCEEDED", decision.reason() + " (" + id + ")");
            records.match(connection.id(), "customer", key, id);
            return id;
        } catch (RejectedFailure refused) {
            // Refused means nothing was created: other deals of this customer need not wait for the claim to go stale.
            records.releaseMatch(connection.id(), "customer", key, owner);
            throw refused;
        }
    }

    /** R8: products by code then name, then services by code then name; a tagged service never creates a product. */
    private LedgerItem item(Job job, ConnectionView connection, ItemCatalog ledger, Item item) {
        String key = item.code() != null ? "code:" + item.code() : "name:" + item.name();
        String owner = "job:" + job.id();
        Records.Claim claim = records.claimMatch(connection.id(), "item", key, owner, CLAIM_STALE_AFTER);
        if (claim.ledgerId() != null) {
            return new LedgerItem(claim.ledgerId(), item.kind(), item.code(), item.name());
        }
        if (claim.busy()) {
            String linked = awaitMatch(job, connection, "item", key, "another job is creating this item");
            return new LedgerItem(linked, item.kind(), item.code(), item.name());
        }
        try {
            return findOrCreate(job, connection, ledger, item, key);
        } catch (RejectedFailure refused) {
            // Refused means nothing was created: other deals of this item need not wait for the claim to go stale.
            records.releaseMatch(connection.id(), "item", key, owner);
            throw refused;
        }
    }

    private LedgerItem findOrCreate(Job job, ConnectionView connection, ItemCatalog ledger, Item item, String key) {
        boolean service = ledger.alwaysService(item);
        List<ItemKind> kinds = service ? List.of(ItemKind.SERVICE) : ledger.kinds();
        for (ItemKind kind : kinds) {
            Optional<LedgerItem> match = one(item.code() == null ? List.of() : ledger.findItemsByCode(kind, item.code()))
                    .or(() -> one(ledger.findItemsByName(kind, item.name())));
            if (match.isPresent()) {
                history(job, "item", "SUCCEEDED", kind.name().toLowerCase() + " \"" + item.name() + "\" matched ("
                        + match.get().id() + ")");
                records.match(connection.id(), "item", key, match.get().id());
                return match.get();
            }
        }
        if (service) {
            throw new RejectedFailure("Service \"" + item.name() + "\" (code " + item.code() + ") does not exist in "
                    + "the ledger, and a product tagged as a service never creates a product: create the service, "
                    + "then retry", List.of(new RejectedFailure.FieldError("products", item.name())));
        }
        LedgerItem created = ledger.createItem(item);
        history(job, "item", "SUCCEEDED", "product \"" + item.name() + "\" created: no code or name match ("
                + created.id() + ")");
        records.match(connection.id(), "item", key, created.id());
        return created;
    }

    /**
     * The ledger id another job matches to a claimed customer or item within {@link #CLAIM_WAIT}: when many deals of one
     * new customer or product are won together, the others wait for the first to create it. Not matched by then, or
     * the claim given up: the job is postponed (no attempt spent) and claims again when it comes back.
     */
    private String awaitMatch(Job job, ConnectionView connection, String type, String key, String why) {
        long deadline = System.nanoTime() + CLAIM_WAIT.toNanos();
        while (System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(CLAIM_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            Optional<String> matched = records.matched(connection.id(), type, key);
            if (matched.isPresent()) {
                return matched.get();
            }
            if (!records.matchClaimed(connection.id(), type, key)) {
                break;
            }
        }
        throw new Postponed(why, recheck(job));
    }

    /**
     * When a job waiting for a claim looks again: a second, doubling with each postponement in a row up to
     * {@link #CLAIM_RECHECK_MAX}, so a claim held for long (its job backing off) is not polled every second.
     */
    static Duration recheck(Job job) {
        return Duration.ofSeconds(Math.min(1L << Math.min(job.postponements(), 5), CLAIM_RECHECK_MAX.toSeconds()));
    }

    private static Optional<LedgerItem> one(List<LedgerItem> candidates) {
        return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(0));
    }

    private JobResult skip(Job job, String reason) {
        history(job, "sale", "SKIPPED", "skipped: " + reason);
        return JobResult.skipped(reason);
    }

    private void history(Job job, String action, String outcome, String message) {
        records.record(job.connectionId(), job.subject(), job.id(), action, outcome, message, null);
    }
}
