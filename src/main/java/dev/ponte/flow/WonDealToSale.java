package dev.ponte.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponte.connector.LedgerPort;
import dev.ponte.connector.LedgerPort.LedgerItem;
import dev.ponte.connector.LedgerPort.LedgerParty;
import dev.ponte.connector.Postponed;
import dev.ponte.connector.RejectedFailure;
import dev.ponte.connector.SourcePort;
import dev.ponte.connector.TransientFailure;
import dev.ponte.engine.Job;
import dev.ponte.engine.JobHandler;
import dev.ponte.engine.JobResult;
import dev.ponte.engine.RecordLink;
import dev.ponte.engine.RecordService;
import dev.ponte.flow.ConnectionDirectory.ConnectionView;
import dev.ponte.flow.SettingDefinition.SettingType;
import dev.ponte.matching.CustomerPolicy;
import dev.ponte.model.Deal;
import dev.ponte.model.DealLine;
import dev.ponte.model.DealStatus;
import dev.ponte.model.InvalidTaxIdException;
import dev.ponte.model.Item;
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
import java.time.ZoneId;
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
 * first attempt spares that search. Customers and products are claimed through links before they are created, so
 * concurrent deals never create the same CNPJ or product code twice (a deal that finds one claimed waits for its link,
 * briefly in its thread and then {@link Postponed}, which costs it no attempt); the links then spare the lookups of
 * later deals. A claim whose create was refused, or postponed before anything reached the ledger, is given back at
 * once.
 *
 * <p>An attempt re-reads only what it must: the deal as read from the CRM (with its parties and lines) is held for the
 * job's next attempts while they follow a wait or a transient failure within {@link #HOLD_DEAL_FOR}, and forgotten
 * once the job ends (a person who fixes the deal and retries gets it read again).
 */
@ApplicationScoped
public class WonDealToSale implements JobHandler, FlowDefinition {

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
    private static final ZoneId BRAZIL = ZoneId.of("America/Sao_Paulo");
    /** R19's deal fields, by label: whether the deal is a contract, when it starts, and its monthly due date. */
    public static final List<String> CONTRACT_FIELDS = List.of("Contrato Conta Azul", "Vigência Contrato Conta Azul",
            "Vencimento Contrato Conta Azul");

    /** Label → field key of each connection's contract fields, read (or created) once per connection. */
    private final java.util.Map<java.util.UUID, java.util.Map<String, String>> contractFieldKeys =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The deal each unfinished job read, by job id: see the class comment. */
    private final Cache<Long, Deal> held = Caffeine.newBuilder().expireAfterWrite(HOLD_DEAL_FOR)
            .maximumSize(10_000).build();

    private final ConnectionDirectory connections;
    private final RecordService records;
    private final ObjectMapper json;

    WonDealToSale(ConnectionDirectory connections, RecordService records, ObjectMapper json) {
        this.connections = connections;
        this.records = records;
        this.json = json;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> sourceSystems() {
        return Set.of("PIPEDRIVE");
    }

    @Override
    public Set<String> ledgerSystems() {
        return Set.of("CONTA_AZUL");
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
                        "R7: key of the source custom field that holds the CPF/CNPJ"),
                new SettingDefinition("pipelines", SettingType.STRING_LIST, null, null,
                        "R14: only deals of these pipeline ids; empty means all"),
                new SettingDefinition("captureRewins", SettingType.BOOLEAN, null, false,
                        "R13: a deal won, reopened and won again creates another sale"),
                new SettingDefinition("paymentMethod", SettingType.STRING, null, "DINHEIRO", "R10: payment method"),
                new SettingDefinition("instalments", SettingType.INTEGER, null, 1, "R10: number of instalments"),
                new SettingDefinition("contracts", SettingType.BOOLEAN, null, false,
                        "R19: the company works with contracts: Ponte creates the deal fields " + CONTRACT_FIELDS
                                + " in the CRM, and a deal marked as contract becomes a recurring sale"),
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
        SourcePort source = connections.source(connection.id());
        Optional<Deal> read = Optional.ofNullable(held.getIfPresent(job.id())).or(() -> source.deal(dealId));
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
        Optional<RecordLink> sale = records.linkBySource(connection.id(), "sale", saleKey);
        if (sale.isPresent() && sale.get().ledgerId != null) {
            return skip(job, "a sale (" + sale.get().ledgerId + ") was already created for this deal");
        }
        if (!deal.hasValue()) {
            return skip(job, "the deal has no value");
        }
        Optional<Party> customer = deal.customer();
        if (customer.isEmpty()) {
            return skip(job, "the deal has neither a company nor a contact");
        }
        LedgerPort ledger = connections.ledger(connection.id());
        String customerId = customer(job, connection, ledger, withTaxId(job, connection, deal, customer.get()));
        List<SalesLine> lines = new ArrayList<>();
        for (DealLine line : deal.lines()) {
            LedgerItem item = item(job, connection, ledger, line.item());
            lines.add(new SalesLine(item.id(), line.item().name(), line.quantity(), line.unitPrice(),
                    line.discountPercent()));
        }
        if (lines.isEmpty()) {
            throw new RejectedFailure("The deal has a value but no products: add its products in the CRM, then "
                    + "retry", List.of(new RejectedFailure.FieldError("products", "no products")));
        }
        String marker = "[ponte:" + connection.id() + ":deal:" + saleKey + "]";
        LocalDate date = LocalDate.ofInstant(deal.wonTime(), BRAZIL);
        Recurrence recurrence = connection.flag("contracts", false) ? contract(connection, source, deal, date) : null;
        if (recurrence != null && !ledger.capabilities().contains(LedgerPort.Capability.RECURRING_SALES)) {
            throw new RejectedFailure("The deal is a contract but this ledger has no recurring sales",
                    List.of(new RejectedFailure.FieldError(CONTRACT_FIELDS.get(0), "not supported by the ledger")));
        }
        if (recurrence != null) {
            date = recurrence.start();
        }
        String owner = "job:" + job.id();
        RecordService.Claim claim = records.claim(connection.id(), "sale", saleKey, owner, CLAIM_STALE_AFTER);
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
                        new PaymentPlan(connection.text("paymentMethod", "DINHEIRO"),
                                connection.integer("instalments", 1)),
                        seller(job, connection, ledger), marker + " " + deal.title(), recurrence != null, recurrence);
                saleId = ledger.createSale(document);
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
        RecordLink link = new RecordLink();
        link.connectionId = connection.id();
        link.entityType = "sale";
        link.sourceId = saleKey;
        link.ledgerId = saleId;
        records.link(link);
        return JobResult.succeeded("sale " + saleId);
    }

    /**
     * R19: the deal's recurrence when its "Contrato Conta Azul" field says Sim — starting at its "Vigência" date (else
     * the won date), due monthly on the day of its "Vencimento" date (else the start's day); null when not a contract.
     */
    private Recurrence contract(ConnectionView connection, SourcePort source, Deal deal, LocalDate wonDate) {
        java.util.Map<String, String> keys = contractFieldKeys.computeIfAbsent(connection.id(),
                id -> source.ensureDealFields(CONTRACT_FIELDS));
        String flag = deal.customFields().get(keys.get(CONTRACT_FIELDS.get(0)));
        if (flag == null || !flag.trim().equalsIgnoreCase("Sim")) {
            return null;
        }
        LocalDate start = date(deal.customFields().get(keys.get(CONTRACT_FIELDS.get(1))), wonDate);
        LocalDate due = date(deal.customFields().get(keys.get(CONTRACT_FIELDS.get(2))), start);
        return new Recurrence(start, null, due.getDayOfMonth());
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
    private String seller(Job job, ConnectionView connection, LedgerPort ledger) {
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
        List<LedgerPort.LedgerSeller> named = ledger.sellers().stream()
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

    /** The customer with the CPF/CNPJ from the bound custom field, validated (R7); an invalid one is never sent. */
    private Party withTaxId(Job job, ConnectionView connection, Deal deal, Party customer) {
        String field = connection.text("taxIdField", null);
        if (field == null || customer.taxId() != null) {
            return customer;
        }
        String prefix = customer.equals(deal.organization()) ? "org." : "person.";
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

    private String customer(Job job, ConnectionView connection, LedgerPort ledger, Party customer) {
        String key = customer.taxId() != null ? customer.taxId().kind() + ":" + customer.taxId().value()
                : "name:" + customer.name();
        String owner = "job:" + job.id();
        RecordService.Claim claim = records.claim(connection.id(), "customer", key, owner, CLAIM_STALE_AFTER);
        if (claim.ledgerId() != null) {
            history(job, "customer", "SUCCEEDED", "customer " + claim.ledgerId() + " already linked");
            return claim.ledgerId();
        }
        if (claim.busy()) {
            String linked = awaitLink(job, connection, "customer", key, "another job is creating this customer");
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
            link(connection, "customer", key, id);
            return id;
        } catch (RejectedFailure refused) {
            // Refused means nothing was created: other deals of this customer need not wait for the claim to go stale.
            records.release(connection.id(), "customer", key, owner);
            throw refused;
        }
    }

    /** R8: products by code then name, then services by code then name; a tagged service never creates a product. */
    private LedgerItem item(Job job, ConnectionView connection, LedgerPort ledger, Item item) {
        String key = item.code() != null ? "code:" + item.code() : "name:" + item.name();
        String owner = "job:" + job.id();
        RecordService.Claim claim = records.claim(connection.id(), "item", key, owner, CLAIM_STALE_AFTER);
        if (claim.ledgerId() != null) {
            return new LedgerItem(claim.ledgerId(), item.kind(), item.code(), item.name());
        }
        if (claim.busy()) {
            String linked = awaitLink(job, connection, "item", key, "another job is creating this item");
            return new LedgerItem(linked, item.kind(), item.code(), item.name());
        }
        try {
            return findOrCreate(job, connection, ledger, item, key);
        } catch (RejectedFailure refused) {
            // Refused means nothing was created: other deals of this item need not wait for the claim to go stale.
            records.release(connection.id(), "item", key, owner);
            throw refused;
        }
    }

    private LedgerItem findOrCreate(Job job, ConnectionView connection, LedgerPort ledger, Item item, String key) {
        List<ItemKind> kinds = item.forceService() ? List.of(ItemKind.SERVICE) : List.of(ItemKind.PRODUCT,
                ItemKind.SERVICE);
        for (ItemKind kind : kinds) {
            Optional<LedgerItem> match = one(item.code() == null ? List.of() : ledger.findItemsByCode(kind, item.code()))
                    .or(() -> one(ledger.findItemsByName(kind, item.name())));
            if (match.isPresent()) {
                history(job, "item", "SUCCEEDED", kind.name().toLowerCase() + " \"" + item.name() + "\" matched ("
                        + match.get().id() + ")");
                link(connection, "item", key, match.get().id());
                return match.get();
            }
        }
        if (item.forceService()) {
            throw new RejectedFailure("Service \"" + item.name() + "\" (code " + item.code() + ") does not exist in "
                    + "the ledger, and a product tagged as a service never creates a product: create the service, "
                    + "then retry", List.of(new RejectedFailure.FieldError("products", item.name())));
        }
        LedgerItem created = ledger.createItem(item);
        history(job, "item", "SUCCEEDED", "product \"" + item.name() + "\" created: no code or name match ("
                + created.id() + ")");
        link(connection, "item", key, created.id());
        return created;
    }

    /**
     * The ledger id another job links to a claimed customer or item within {@link #CLAIM_WAIT}: when many deals of one
     * new customer or product are won together, the others wait for the first to create it. Not linked by then, or
     * the claim given up: the job is postponed (no attempt spent) and claims again when it comes back.
     */
    private String awaitLink(Job job, ConnectionView connection, String type, String key, String why) {
        long deadline = System.nanoTime() + CLAIM_WAIT.toNanos();
        while (System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(CLAIM_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            Optional<RecordLink> link = records.linkBySource(connection.id(), type, key);
            if (link.isEmpty()) {
                break;
            }
            if (link.get().ledgerId != null) {
                return link.get().ledgerId;
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

    private void link(ConnectionView connection, String type, String key, String ledgerId) {
        RecordLink link = new RecordLink();
        link.connectionId = connection.id();
        link.entityType = type;
        link.sourceId = key;
        link.ledgerId = ledgerId;
        records.link(link);
    }

    private JobResult skip(Job job, String reason) {
        history(job, "sale", "SKIPPED", "skipped: " + reason);
        return JobResult.skipped(reason);
    }

    private void history(Job job, String action, String outcome, String message) {
        records.record(job.connectionId(), job.subject(), job.id(), action, outcome, message, null);
    }
}
