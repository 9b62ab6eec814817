package dev.ponte.flow;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponte.connector.CompanySource;
import dev.ponte.connector.CompanySource.SourceCompany;
import dev.ponte.connector.CredentialsFailure;
import dev.ponte.connector.CustomerLedger;
import dev.ponte.connector.CustomerLedger.LedgerCustomer;
import dev.ponte.connector.Postponed;
import dev.ponte.connector.RejectedFailure;
import dev.ponte.connector.RemotePage;
import dev.ponte.connector.TransientFailure;
import dev.ponte.engine.Job;
import dev.ponte.engine.JobHandler;
import dev.ponte.engine.JobResult;
import dev.ponte.engine.JobService;
import dev.ponte.engine.NewJob;
import dev.ponte.engine.Link;
import dev.ponte.engine.Records;
import dev.ponte.engine.RunCounts;
import dev.ponte.engine.RunCounts.Outcome;
import dev.ponte.engine.RunService;
import dev.ponte.flow.ConnectionDirectory.ConnectionView;
import dev.ponte.flow.SettingDefinition.SettingType;
import dev.ponte.flow.TwoWayMerge.Conflict;
import dev.ponte.flow.TwoWayMerge.Policy;
import dev.ponte.mapping.MappingTables;
import dev.ponte.model.CustomerTerms;
import dev.ponte.model.Party;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Two-way sync of ledger customers and CRM companies (R30–R33, DESIGN §4).
 *
 * <p>A run reads the CRM's companies and then the ledger's customers changed since its cursors (every one in a full
 * run), page by page, joining them through links. A side whose fingerprint equals the one stored on the link has not
 * changed — that is also how Ponte's own writes are not echoed back. A pair changed on one side is copied to the
 * other; changed on both, it is merged field by field, and a field changed on both sides is a conflict settled by the
 * connection's {@code conflictPolicy} and written to the history. A new ledger customer becomes a CRM company (matched
 * first by tax id to an unlinked one); a company created in the CRM goes to the ledger only when someone sends it
 * (R31, {@link #send}). Before each run the ledger's reference data goes to the CRM (R33) and the CRM gets the
 * selection fields for the ledger's extra mandatory fields (R32).
 *
 * <p>Memory: between its two passes a run keeps the CRM companies that changed, and of the unlinked ones only their id
 * and fingerprint (an unlinked pair holding the same data on both sides is linked without reading it again); never a
 * whole side. A record that fails is counted, written to its history and retried on its own as a {@code customer.sync} job.
 */
@ApplicationScoped
public class CustomerSync implements FlowDefinition, Reconciler, JobHandler {

    public static final String NAME = "CustomerSync";
    public static final String JOB_KIND = "customer.sync";
    static final String ENTITY = "customer";
    /** The claim on creating a ledger customer's CRM company, keyed by the customer's id (it ends linked to the company). */
    static final String CRM_COMPANY = "customer.crm-company";
    static final Duration OVERLAP = Duration.ofMinutes(2);
    private static final Duration CLAIM_STALE_AFTER = Duration.ofMinutes(2);
    private static final Duration CLAIM_RECHECK = Duration.ofSeconds(30);
    private static final TypeReference<Map<String, Map<String, String>>> SNAPSHOT = new TypeReference<>() {
    };

    private final ConnectionDirectory connections;
    private final Records records;
    private final JobService jobs;
    private final TermsMapping mapping;
    private final ExactlyOnce once;
    private final ObjectMapper json;
    private final Clock clock;

    CustomerSync(ConnectionDirectory connections, Records records, JobService jobs, TermsMapping mapping,
            ExactlyOnce once, ObjectMapper json, Clock clock) {
        this.connections = connections;
        this.records = records;
        this.jobs = jobs;
        this.mapping = mapping;
        this.once = once;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Keeps ledger customers and CRM companies in step both ways, field by field, with the connection's conflict policy (R30–R33)";
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
        return List.of(new SettingDefinition("conflictPolicy", SettingType.CHOICE,
                List.of(Policy.NEWEST_WINS.name(), Policy.LEDGER_WINS.name(), Policy.CRM_WINS.name()),
                Policy.NEWEST_WINS.name(),
                "R30: when the same field changed on both sides since the last sync, keep the newest change, the "
                        + "ledger's, or the CRM's"));
    }

    @Override
    public java.util.Set<String> flows() {
        return java.util.Set.of(NAME);
    }

    @Override
    public Set<String> modes() {
        return Set.of(RunService.INCREMENTAL, RunService.FULL);
    }

    @Override
    public String kind() {
        return JOB_KIND;
    }

    // ---- runs ------------------------------------------------------------------------------------------------

    @Override
    public void reconcile(ConnectionView connection, String mode, RunCounts counts, Runnable progress) {
        boolean full = RunService.FULL.equals(mode);
        Pair pair = pair(connection, full);
        Instant started = clock.instant();
        prepare(pair);
        Instant crmSince = full ? null : since(connection, "customers.crm");
        Instant ledgerSince = full ? null : since(connection, "customers.ledger");

        // Pass 1, the CRM: keep the linked companies that changed, and the unlinked ones (to match by tax id).
        Map<String, SourceCompany> crmChanged = new HashMap<>();
        Map<String, Unlinked> crmUnlinked = new HashMap<>();
        int crmPages = 0;
        String cursor = null;
        do {
            RemotePage<SourceCompany> page = pair.crm.companies(crmSince, cursor);
            Map<String, Link> links = bySource(records.linksBySourceIds(connection.id(), ENTITY,
                    page.items().stream().map(SourceCompany::id).toList()));
            for (SourceCompany company : page.items()) {
                Link link = links.get(company.id());
                if (link != null && link.ledgerId() != null) {
                    if (!CustomerFields.fingerprint(crmFields(pair, company)).equals(link.sourceFingerprint())) {
                        crmChanged.put(company.id(), company);
                    }
                } else if (company.party().taxId() != null) {
                    crmUnlinked.put(taxKey(company.party()), new Unlinked(company.id(),
                            CustomerFields.fingerprint(crmFields(pair, company)), company.updatedAt()));
                } else {
                    pair.crmOnly().add(company.id());
                }
            }
            if (++crmPages % 10 == 0) {
                progress.run();
            }
            cursor = page.nextCursor();
        } while (cursor != null);

        // Pass 2, the ledger: each customer with its link, and its CRM company when that changed too.
        cursor = null;
        do {
            RemotePage<LedgerCustomer> page = pair.ledger.customers(ledgerSince, cursor);
            Map<String, Link> links = records.linksByLedgerIds(connection.id(), ENTITY,
                    page.items().stream().map(LedgerCustomer::id).toList()).stream()
                    .collect(Collectors.toMap(l -> l.ledgerId(), Function.identity()));
            for (LedgerCustomer customer : page.items()) {
                Link link = links.get(customer.id());
                Unlinked match = link == null && customer.party().taxId() != null
                        ? crmUnlinked.remove(taxKey(customer.party())) : null;
                if (match != null) {
                    counts.add(match(pair, customer, match, counts));
                } else {
                    SourceCompany company = link != null ? crmChanged.remove(link.sourceId()) : null;
                    counts.add(attempt(pair, link != null ? link.sourceId() : null, customer.id(),
                            versions(customer.updatedAt(), company == null ? null : company.updatedAt()),
                            () -> sync(pair, link, customer, company, counts)));
                }
            }
            progress.run();
            cursor = page.nextCursor();
        } while (cursor != null);

        // Companies changed in the CRM whose ledger customer did not change (incremental) or is gone (full).
        for (SourceCompany company : crmChanged.values()) {
            Link link = records.linkBySource(connection.id(), ENTITY, company.id()).orElseThrow();
            if (full) {
                history(pair, company.id(), null, "SKIPPED", "the linked ledger customer " + link.ledgerId()
                        + " no longer exists; the company was left as it is");
                counts.add(Outcome.SKIPPED);
            } else {
                counts.add(attempt(pair, company.id(), link.ledgerId(), versions(null, company.updatedAt()),
                        () -> sync(pair, link, null, company, counts)));
            }
        }
        // Companies no ledger customer was found for wait to be sent (R31); those linked by name meanwhile do not.
        int waiting = pair.crmOnly().size() + crmUnlinked.size();
        for (int i = 0; i < waiting; i++) {
            counts.add(Outcome.SKIPPED);
        }
        progress.run();
        records.moveCursor(connection.id(), "customers.crm", started.toString());
        records.moveCursor(connection.id(), "customers.ledger", started.toString());
    }

    /** Where an incremental run starts: the last run's start minus the overlap, or everything the first time. */
    private Instant since(ConnectionView connection, String name) {
        return records.cursor(connection.id(), name).map(Instant::parse).map(i -> i.minus(OVERLAP)).orElse(null);
    }

    /** The two sides' update times as a retry job's key knows them. */
    private static String versions(Instant ledger, Instant crm) {
        return ledger + "/" + crm;
    }

    /** R32, R33: the CRM gets the ledger's reference data and the selection fields for its extra customer fields. */
    private void prepare(Pair pair) {
        pair.crm.ensureCompanyFields(mapping.crmFields(pair.connection.id(), pair.ledger));
        var imported = pair.crm.importReferenceData(pair.ledger.referenceData());
        if (imported.created() + imported.updated() > 0) {
            history(pair, null, null, "SUCCEEDED", "reference data (VAT rates, payment terms and modes, units) sent to "
                    + "the CRM: " + imported.created() + " created, " + imported.updated() + " updated");
        }
    }

    /**
     * Syncs one pair ({@code work}), turning a failure into a counted, recorded one that retries on its own;
     * credentials problems stop the run (the connection needs reconnecting). The retry job is keyed by the pair and the
     * versions of it that failed, so runs that meet the same failure again queue it once, and a new change of either
     * side queues a new one.
     */
    private Outcome attempt(Pair pair, String companyId, String customerId, String versions, Supplier<Outcome> work) {
        try {
            return work.get();
        } catch (CredentialsFailure e) {
            throw e;
        } catch (RuntimeException e) {
            history(pair, companyId, customerId, "FAILED", e.getMessage() + (e instanceof RejectedFailure r
                    ? " " + r.errors() : "") + "; retried as its own job");
            jobs.enqueue(new NewJob(pair.connection.id(), JOB_KIND, subject(companyId, customerId),
                    pair.connection.id() + ":" + JOB_KIND + ":" + customerId + ":" + companyId + ":" + versions,
                    json.createObjectNode().put("customerId", customerId).put("companyId", companyId).toString()));
            return Outcome.FAILED;
        }
    }

    /**
     * A ledger customer and the unlinked CRM company with its tax id: when both hold the same data they are linked
     * without reading the company again; otherwise the company is read and the pair merged.
     */
    private Outcome match(Pair pair, LedgerCustomer customer, Unlinked company, RunCounts counts) {
        Map<String, String> ledgerNow = ledgerFields(customer);
        if (!company.fingerprint().equals(CustomerFields.fingerprint(ledgerNow))) {
            return attempt(pair, company.id(), customer.id(), versions(customer.updatedAt(), company.updatedAt()),
                    () -> sync(pair, null, customer,
                    pair.crm.company(company.id()).orElse(null), counts));
        }
        records.pair(pair.connection.id(), ENTITY, company.id(), customer.id(), company.fingerprint(),
                company.fingerprint(), String.valueOf(company.updatedAt()), String.valueOf(customer.updatedAt()),
                snapshot(ledgerNow, ledgerNow));
        history(pair, company.id(), customer.id(), "SUCCEEDED", "linked by tax id; both sides already agree");
        return Outcome.UPDATED;
    }

    /** An unlinked CRM company kept between a run's passes: its id and fingerprint, not its data. */
    private record Unlinked(String id, String fingerprint, Instant updatedAt) {
    }

    // ---- one pair ----------------------------------------------------------------------------------------------

    /**
     * Syncs one pair. {@code customer} or {@code company} is null when that side did not change (its snapshot on the
     * link stands for it); with no link, the company is an unlinked match by tax id, or null to create one.
     */
    private Outcome sync(Pair pair, Link link, LedgerCustomer customer, SourceCompany company,
            RunCounts counts) {
        Map<String, Map<String, String>> before = snapshot(link);
        Map<String, String> ledgerBefore = before.getOrDefault("ledger", Map.of());
        Map<String, String> crmBefore = before.getOrDefault("crm", Map.of());
        Map<String, String> ledgerNow = customer != null ? ledgerFields(customer) : ledgerBefore;
        Map<String, String> crmNow = company != null ? crmFields(pair, company) : crmBefore;
        String customerId = customer != null ? customer.id() : link.ledgerId();
        if (link == null && company == null && !pair.full && customer.party().taxId() != null) {
            // A full run already knows every unlinked company by tax id; an incremental one asks the CRM.
            company = unlinked(pair, customer.party()).orElse(null);
            crmNow = company != null ? crmFields(pair, company) : crmBefore;
        }
        if (link == null && company == null) {
            InCrm inCrm = createInCrm(pair, customerId, ledgerNow);
            SourceCompany created = inCrm.company();
            if (inCrm.found() && !ledgerNow.equals(crmFields(pair, created))) {
                // The same name and contacts, other data: linked, then merged as any pair changed on both sides.
                return sync(pair, null, customer, created, counts);
            }
            store(pair, created.id(), customerId, ledgerNow, crmFields(pair, created), customer, created);
            history(pair, created.id(), customerId, "SUCCEEDED", inCrm.found()
                    ? "linked to the CRM company of the same name and contacts; both sides already agree"
                    : "company created in the CRM from ledger customer " + customerId);
            return inCrm.found() ? Outcome.UPDATED : Outcome.CREATED;
        }
        boolean ledgerSame = link != null && CustomerFields.fingerprint(ledgerNow).equals(link.ledgerFingerprint());
        boolean crmSame = link != null && CustomerFields.fingerprint(crmNow).equals(link.sourceFingerprint());
        if (ledgerSame && crmSame) {
            return Outcome.UNCHANGED;
        }
        var merged = TwoWayMerge.merge(ledgerBefore, crmBefore, ledgerNow, crmNow, policy(pair.connection),
                customer != null ? customer.updatedAt() : null, company != null ? company.updatedAt() : null);
        String companyId = company != null ? company.id() : link.sourceId();
        LedgerCustomer ledgerAfter = customer;
        Map<String, String> ledgerFinal = ledgerNow;
        if (!merged.ledger().equals(ledgerNow)) {
            Party party = CustomerFields.party(merged.ledger(), null, null);
            CustomerTerms terms = CustomerFields.terms(merged.ledger());
            List<RejectedFailure.FieldError> refused = mapping.preflight(pair.connection.id(), party, terms, pair.ledger,
                    Locale.ENGLISH);
            if (!refused.isEmpty()) {
                throw new RejectedFailure("The ledger would refuse customer " + customerId + "; fix it in the CRM "
                        + "or the mapping tables, then retry", refused);
            }
            ledgerAfter = pair.ledger.updateCustomer(customerId, party, terms);
            ledgerFinal = ledgerFields(ledgerAfter);
        }
        SourceCompany companyAfter = company;
        Map<String, String> crmFinal = crmNow;
        if (!merged.crm().equals(crmNow)) {
            companyAfter = pair.crm.updateCompany(companyId, CustomerFields.party(merged.crm(), null, companyId),
                    mapping.toCrm(pair.mappings, CustomerFields.terms(merged.crm())));
            crmFinal = crmFields(pair, companyAfter);
        }
        store(pair, companyId, customerId, ledgerFinal, crmFinal, ledgerAfter, companyAfter);
        for (Conflict conflict : merged.conflicts()) {
            counts.conflict();
            history(pair, companyId, customerId, "CONFLICT", "conflict on " + conflict.field() + ": ledger \""
                    + conflict.ledgerValue() + "\", CRM \"" + conflict.crmValue() + "\"; kept \"" + conflict.kept()
                    + "\" (" + policy(pair.connection) + ")");
        }
        boolean wrote = ledgerAfter != customer || companyAfter != company;
        if (wrote) {
            history(pair, companyId, customerId, "SUCCEEDED", (link == null ? linkedBy(customer, company) + "; " : "")
                    + (ledgerAfter != customer ? "ledger customer updated" : "")
                    + (ledgerAfter != customer && companyAfter != company ? " and " : "")
                    + (companyAfter != company ? "CRM company updated" : ""));
        } else if (link == null) {
            history(pair, companyId, customerId, "SUCCEEDED", linkedBy(customer, company) + "; both sides already agree");
        }
        return wrote || link == null ? Outcome.UPDATED : Outcome.UNCHANGED;
    }

    /**
     * R30: the ledger customer's CRM company, new unless it is there already. One with a tax id is found by it (the
     * caller asked). One without is first looked for by its exact name and contact data among the unlinked companies —
     * the company typed in by hand, or the one an earlier attempt created and lost the answer of — then created under a
     * claim, and looked for again at once when the create's answer is lost.
     */
    private InCrm createInCrm(Pair pair, String customerId, Map<String, String> ledgerNow) {
        Party party = CustomerFields.party(ledgerNow, null, null);
        Map<String, String> fields = mapping.toCrm(pair.mappings, CustomerFields.terms(ledgerNow));
        if (party.taxId() != null) {
            return new InCrm(pair.crm.createCompany(party, fields), false);
        }
        Supplier<Optional<SourceCompany>> same = () -> pair.crm.findCompaniesByName(party.name()).stream()
                .filter(c -> unlinked(pair, c.id()) && CustomerFields.sameContact(crmFields(pair, c), ledgerNow))
                .findFirst();
        Optional<SourceCompany> there = same.get();
        if (there.isPresent()) {
            pair.crmOnly().remove(there.get().id());
            return new InCrm(there.get(), true);
        }
        SourceCompany[] made = new SourceCompany[1];
        ExactlyOnce.Outcome outcome = once.create("sync:" + UUID.randomUUID(), CLAIM_RECHECK, pair.connection.id(),
                CRM_COMPANY, customerId, () -> same.get().map(SourceCompany::id), () -> {
                    made[0] = createdOrFound(() -> pair.crm.createCompany(party, fields), same);
                    return made[0].id();
                });
        String id = outcome.id();
        SourceCompany company = made[0] != null ? made[0] : pair.crm.company(id).orElseThrow(() -> new TransientFailure(
                "the CRM company " + id + " created for ledger customer " + customerId + " cannot be read yet"));
        pair.crmOnly().remove(id);
        // One an earlier attempt made (found by the claim) is merged like one found by name: its data may differ.
        return new InCrm(company, outcome.how() != ExactlyOnce.How.CREATED);
    }

    /** The ledger customer's CRM company, and whether it was there already (rather than created now). */
    private record InCrm(SourceCompany company, boolean found) {
    }

    /**
     * Creates a record; when the answer is lost (a timeout, a dropped connection: the vendor may have created it), looks
     * for it at once, and fails as before — with the lost answer, whatever the search met — when it is not there.
     */
    private static <T> T createdOrFound(Supplier<T> create, Supplier<Optional<T>> earlier) {
        try {
            return create.get();
        } catch (TransientFailure lost) {
            if (lost instanceof Postponed) {
                throw lost;
            }
            Optional<T> found;
            try {
                found = earlier.get();
            } catch (RuntimeException again) {
                lost.addSuppressed(again);
                throw lost;
            }
            return found.orElseThrow(() -> lost);
        }
    }

    /** How an unlinked pair was found to be one: by its tax id, or (none) by its exact name and contacts. */
    private static String linkedBy(LedgerCustomer customer, SourceCompany company) {
        Party party = customer != null ? customer.party() : company.party();
        return party.taxId() != null ? "linked by tax id" : "linked by name and contacts";
    }

    private boolean unlinked(Pair pair, String companyId) {
        return records.linkBySource(pair.connection.id(), ENTITY, companyId).map(l -> l.ledgerId()).isEmpty();
    }

    private void store(Pair pair, String companyId, String customerId, Map<String, String> ledger,
            Map<String, String> crm, LedgerCustomer customer, SourceCompany company) {
        records.pair(pair.connection.id(), ENTITY, companyId, customerId, CustomerFields.fingerprint(crm),
                CustomerFields.fingerprint(ledger), company != null ? String.valueOf(company.updatedAt()) : null,
                customer != null ? String.valueOf(customer.updatedAt()) : null, snapshot(ledger, crm));
    }

    private String snapshot(Map<String, String> ledger, Map<String, String> crm) {
        try {
            return json.writeValueAsString(Map.of("ledger", ledger, "crm", crm));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A CRM company with the customer's tax id that is not linked yet: the same company, typed in by hand. */
    private Optional<SourceCompany> unlinked(Pair pair, Party party) {
        return pair.crm.findCompaniesByTaxId(party.taxId()).stream().filter(c -> unlinked(pair, c.id())).findFirst();
    }

    private Map<String, Map<String, String>> snapshot(Link link) {
        if (link == null || link.snapshot() == null) {
            return Map.of();
        }
        try {
            return json.readValue(link.snapshot(), SNAPSHOT);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("unreadable snapshot on link " + link.id(), e);
        }
    }

    private static Map<String, String> ledgerFields(LedgerCustomer customer) {
        return CustomerFields.of(customer.party(), customer.terms());
    }

    private Map<String, String> crmFields(Pair pair, SourceCompany company) {
        return CustomerFields.of(company.party(), mapping.fromCrm(pair.mappings, company.fields()));
    }

    // ---- a pair on its own: retries, and R31's send ------------------------------------------------------------

    @Override
    public JobResult run(Job job) throws Exception {
        Optional<ConnectionView> found = connections.activeOrWait(job.connectionId());
        if (found.isEmpty()) {
            return JobResult.skipped("the connection was deleted");
        }
        Pair pair = pair(found.get(), false);
        JsonNode payload = json.readTree(job.payload());
        String customerId = payload.path("customerId").asText(null);
        String companyId = payload.path("companyId").asText(null);
        // A customer whose company failed to be created may have been linked since (by a run, or by this job's
        // earlier attempt): its link, found by the customer, says which company it is.
        Link link = companyId != null ? records.linkBySource(pair.connection.id(), ENTITY, companyId).orElse(null)
                : customerId == null ? null : records.linksByLedgerIds(pair.connection.id(), ENTITY,
                        List.of(customerId)).stream().findFirst().orElse(null);
        if (link != null && link.ledgerId() == null) {
            link = null;
        }
        if (link != null) {
            companyId = link.sourceId();
        }
        LedgerCustomer customer = customerId == null ? null : pair.ledger.customer(customerId).orElse(null);
        SourceCompany company = companyId == null ? null : pair.crm.company(companyId).orElse(null);
        if (customer == null) {
            return JobResult.skipped("the ledger customer " + customerId + " no longer exists");
        }
        if (link != null && company == null) {
            return JobResult.skipped("the CRM company " + companyId + " no longer exists");
        }
        Outcome outcome = sync(pair, link, customer, company, new RunCounts());
        return JobResult.succeeded(outcome.name().toLowerCase(Locale.ROOT));
    }

    /**
     * R31: sends a CRM company to the ledger — answers the ledger customer it is linked to, found by tax id, or
     * created; a customer the ledger would refuse is refused here first, explained in {@code locale} (R37).
     */
    public Sent send(UUID connectionId, String companyId, Locale locale) {
        ConnectionView connection = connections.find(connectionId).orElseThrow();
        Pair pair = pair(connection, false);
        Optional<Link> linked = records.linkBySource(connectionId, ENTITY, companyId);
        if (linked.isPresent() && linked.get().ledgerId() != null) {
            return new Sent(linked.get().ledgerId(), false);
        }
        SourceCompany company = pair.crm.company(companyId).orElseThrow(() -> new RejectedFailure(
                "The CRM has no company " + companyId, List.of(new RejectedFailure.FieldError("companyId",
                        "unknown company"))));
        String owner = "send:" + UUID.randomUUID();
        var claim = records.claim(connectionId, ENTITY, companyId, owner, CLAIM_STALE_AFTER);
        if (claim.ledgerId() != null) {
            return new Sent(claim.ledgerId(), false);
        }
        if (claim.busy()) {
            throw new SendInProgress();
        }
        Party party = company.party();
        CustomerTerms terms = mapping.complete(connectionId, company.fields(), party, pair.ledger);
        Map<String, String> sent = CustomerFields.of(party, terms);
        // Without a tax id, an unlinked ledger customer of the same exact name and contacts is this company: one
        // typed in by hand, or one an earlier send created and lost the answer of.
        Supplier<Optional<LedgerCustomer>> same = () -> party.taxId() != null ? Optional.empty()
                : pair.ledger.findCustomersByName(party.name()).stream()
                        .filter(c -> records.linksByLedgerIds(connectionId, ENTITY, List.of(c.id())).isEmpty()
                                && CustomerFields.sameContact(ledgerFields(c), sent))
                        .findFirst();
        // The claim is given back unless this send's create may have made a customer Ponte does not know the id of
        // (its answer was lost, and looking for it failed): the claim then holds other sends off while it goes stale.
        boolean release = true;
        try {
            if (party.taxId() != null) {
                var existing = connections.ledger(connectionId, CustomerLedger.class).findCustomersByTaxId(party.taxId());
                if (!existing.isEmpty()) {
                    LedgerCustomer customer = pair.ledger.customer(existing.get(0).id()).orElseThrow();
                    sync(pair, null, customer, company, new RunCounts());
                    return new Sent(customer.id(), false);
                }
            }
            Optional<LedgerCustomer> found = same.get();
            if (found.isPresent()) {
                sync(pair, null, found.get(), company, new RunCounts());
                return new Sent(found.get().id(), false);
            }
            List<RejectedFailure.FieldError> refused = mapping.preflight(connectionId, party, terms, pair.ledger, locale);
            if (!refused.isEmpty()) {
                throw new RejectedFailure("The ledger would refuse this company; fill in the fields below in the CRM "
                        + "or set defaults in the mapping tables", refused);
            }
            LedgerCustomer created;
            try {
                created = createdOrFound(() -> pair.ledger.createCustomer(party, terms), same);
            } catch (RejectedFailure e) {
                throw mapping.explained(connectionId, e, party, locale);
            } catch (TransientFailure e) {
                release = e instanceof Postponed && claim.first();
                throw e;
            }
            store(pair, companyId, created.id(), ledgerFields(created), crmFields(pair, company), created, company);
            history(pair, companyId, created.id(), "SUCCEEDED", "ledger customer " + created.id()
                    + " created from the CRM company (sent by a user)");
            return new Sent(created.id(), true);
        } finally {
            if (release) {
                records.release(connectionId, ENTITY, companyId, owner);
            }
        }
    }

    /** R31's answer: the ledger customer's id and whether this call created it. */
    public record Sent(String customerId, boolean created) {
    }

    /** Another send of the same company is under way. */
    public static final class SendInProgress extends RuntimeException {
        SendInProgress() {
            super("the company is being sent by another request", null, false, false);
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private Pair pair(ConnectionView connection, boolean full) {
        return new Pair(connection, connections.source(connection.id(), CompanySource.class), connections.ledger(connection.id(), CustomerLedger.class),
                mapping.tables(connection.id()), full, new HashSet<>());
    }

    /**
     * One connection's two sides and mapping tables, for one run ({@code full}) or one record; {@code crmOnly} are the
     * ids of the run's unlinked CRM companies without a tax id (a count of those still waiting, not their data).
     */
    private record Pair(ConnectionView connection, CompanySource crm, CustomerLedger ledger, MappingTables mappings,
            boolean full, Set<String> crmOnly) {
    }

    private static Policy policy(ConnectionView connection) {
        return Policy.valueOf(connection.text("conflictPolicy", Policy.NEWEST_WINS.name()));
    }

    private static Map<String, Link> bySource(List<Link> links) {
        return links.stream().collect(Collectors.toMap(l -> l.sourceId(), Function.identity()));
    }

    private static String taxKey(Party party) {
        return party.taxId().kind() + ":" + party.taxId().value();
    }

    private static String subject(String companyId, String customerId) {
        return companyId != null ? "company:" + companyId : "customer:" + customerId;
    }

    private void history(Pair pair, String companyId, String customerId, String outcome, String message) {
        records.record(pair.connection.id(), subject(companyId, customerId), null, "customer.sync", outcome, message,
                null);
    }
}
