package dev.ponte.flow;

import dev.ponte.connector.CustomerDirectory;
import dev.ponte.connector.ItemCatalog;
import dev.ponte.connector.ItemCatalog.LedgerItem;
import dev.ponte.connector.Postponed;
import dev.ponte.connector.RejectedFailure;
import dev.ponte.connector.ReviewNeeded;
import dev.ponte.connector.ReviewNeeded.Candidate;
import dev.ponte.connector.SalesLedger;
import dev.ponte.engine.Job;
import dev.ponte.engine.JobService;
import dev.ponte.engine.Records;
import dev.ponte.flow.ConnectionDirectory.ConnectionView;
import dev.ponte.matching.CustomerPolicy;
import dev.ponte.model.Deal;
import dev.ponte.model.InvalidTaxIdException;
import dev.ponte.model.Item;
import dev.ponte.model.ItemKind;
import dev.ponte.model.LedgerParty;
import dev.ponte.model.Party;
import dev.ponte.model.TaxId;
import jakarta.enterprise.context.ApplicationScoped;
import java.text.Normalizer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The customer, supplier, item and seller rules every flow that writes to a ledger shares (R4–R8, R11), whatever its
 * source (a won deal, a paid order): a party by CPF/CNPJ then optionally by exact name, an item by code then name,
 * the seller who activated the connection. Every decision is written to the job's history (R62).
 *
 * <p>Parties and items are claimed through match keys (a CNPJ, a code, a name) before they are created, so concurrent
 * jobs never create the same CNPJ or product code twice: a job that finds one claimed waits for its match, briefly in
 * its thread (woken as soon as a job of this instance settles the key) and then {@link Postponed} (which costs it no
 * attempt); the keys then spare the lookups of later jobs.
 * Several keys may lead to one ledger record (a product found by name that another job knows by its code): match keys
 * are not identity links. A claim whose create was refused is given back at once.
 */
@ApplicationScoped
public class LedgerMatching {

    static final Duration CLAIM_STALE_AFTER = Duration.ofMinutes(2);
    /**
     * How long a job waits in its thread for another job that is creating the same party or item (as long as the
     * request pacer lets a caller wait); then it is postponed, at most {@link #CLAIM_RECHECK_MAX} at a time. Claims go
     * stale after {@link #CLAIM_STALE_AFTER}, when a waiting job takes them over, so the wait is bounded.
     */
    static final Duration CLAIM_WAIT = Duration.ofSeconds(2);
    /**
     * How often a waiting job looks at a claim held by another instance; one of this instance wakes it when it has
     * matched the key or given it back.
     */
    private static final Duration CLAIM_POLL = Duration.ofMillis(250);
    static final Duration CLAIM_RECHECK_MAX = Duration.ofSeconds(30);

    private final Records records;
    /** Jobs of this instance waiting for a claimed key (connection, type, key), woken when it is settled. */
    private final Map<String, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();

    LedgerMatching(Records records) {
        this.records = records;
    }

    /** Where a ledger keeps one kind of party (customers, suppliers): found by tax id or exact name, or created. */
    public interface PartyBook {

        List<LedgerParty> findByTaxId(TaxId taxId);

        List<LedgerParty> findByName(String name);

        LedgerParty create(Party party);

        static PartyBook customers(CustomerDirectory ledger) {
            return new PartyBook() {
                @Override
                public List<LedgerParty> findByTaxId(TaxId taxId) {
                    return ledger.findCustomersByTaxId(taxId);
                }

                @Override
                public List<LedgerParty> findByName(String name) {
                    return ledger.findCustomersByName(name);
                }

                @Override
                public LedgerParty create(Party party) {
                    return ledger.createCustomer(party);
                }
            };
        }
    }

    /** The ledger customer of this party (R4–R6): matched per the connection's policy, else created. */
    public String customer(Job job, ConnectionView connection, CustomerDirectory ledger, Party customer) {
        return party(job, connection, "customer", PartyBook.customers(ledger), customer);
    }

    /**
     * The ledger party of this kind ({@code type}, e.g. customer or supplier, names its match keys and history
     * lines), matched by CPF/CNPJ and then, when the connection allows, by exact name (R5); else created. Between
     * equally good candidates the job waits in the review list (R60) until a person picks one or a new party: that
     * choice is linked, so the party's next jobs reuse it.
     */
    public String party(Job job, ConnectionView connection, String type, PartyBook book, Party party) {
        String key = partyKey(party);
        String owner = "job:" + job.id();
        Records.Claim claim = records.claimMatch(connection.id(), type, key, owner, CLAIM_STALE_AFTER);
        if (claim.ledgerId() != null) {
            history(job, type, "SUCCEEDED", type + " " + claim.ledgerId() + " already linked");
            return claim.ledgerId();
        }
        if (claim.busy()) {
            String linked = awaitMatch(job, connection, type, key, "another job is creating this " + type);
            history(job, type, "SUCCEEDED", type + " " + linked + " linked by another job");
            return linked;
        }
        boolean creating = false;
        try {
            Optional<String> chosen = JobService.choice(job, type);
            boolean createNew = chosen.map(JobService.CREATE_NEW::equals).orElse(false);
            if (chosen.isPresent() && !createNew) {
                history(job, type, "SUCCEEDED", "the one a person chose in the review list (" + chosen.get() + ")");
                matched(connection, type, key, chosen.get());
                return chosen.get();
            }
            CustomerPolicy.Decision decision = createNew ? null : decide(connection, book, party);
            if (decision != null && decision.ambiguous()) {
                throw review(decision.reason(), type, decision.candidates());
            }
            if ((decision == null || decision.match().isEmpty()) && !claim.first() && party.taxId() == null) {
                // An earlier attempt of this claim sent a create whose answer was lost: with no document to find it
                // by, a customer of the same name may be that one, or not: a person says which.
                List<LedgerParty> named = book.findByName(party.name());
                if (!named.isEmpty()) {
                    throw review("an earlier attempt may have created this " + type + " (its answer was lost) and "
                            + named.size() + " " + type + (named.size() > 1 ? "s have" : " has") + " exactly this name",
                            type, named);
                }
            }
            creating = decision == null || decision.match().isEmpty();
            String id = creating ? book.create(party).id() : decision.match().get().id();
            history(job, type, "SUCCEEDED", decision == null ? "created, as a person chose in the review list (" + id
                    + ")" : decision.reason() + (creating ? ": created (" : " (") + id + ")");
            matched(connection, type, key, id);
            return id;
        } catch (RuntimeException e) {
            // Refused, told to wait (nothing sent), or failed before any create: nothing was created, so other jobs of this party need not
            // wait for the claim to go stale, and the next attempt's claim is a first one again.
            if (!creating || e instanceof RejectedFailure || e instanceof Postponed) {
                released(connection, type, key, owner);
            }
            throw e;
        }
    }

    private static String partyKey(Party party) {
        return party.taxId() != null ? party.taxId().kind() + ":" + party.taxId().value() : "name:" + party.name();
    }

    /**
     * Dry run (R61): what {@link #party} would decide for this party, claiming and creating nothing; a choice
     * between equally good candidates is thrown as the {@link ReviewNeeded} the job would wait with.
     */
    public String previewParty(ConnectionView connection, String type, PartyBook book, Party party) {
        Optional<String> linked = records.matched(connection.id(), type, partyKey(party));
        if (linked.isPresent()) {
            return type + " " + linked.get() + " already linked";
        }
        CustomerPolicy.Decision decision = decide(connection, book, party);
        if (decision.ambiguous()) {
            throw review(decision.reason(), type, decision.candidates());
        }
        return decision.match().map(m -> decision.reason() + " (" + m.id() + ")")
                .orElseGet(() -> decision.reason() + ": would be created");
    }

    private static CustomerPolicy.Decision decide(ConnectionView connection, PartyBook book, Party party) {
        CustomerPolicy policy = CustomerPolicy.valueOf(connection.text("customerMatching", "DOCUMENT_THEN_NAME"));
        List<LedgerParty> byTaxId = party.taxId() == null ? List.of() : book.findByTaxId(party.taxId());
        return policy.decide(party, byTaxId, connection.flag("matchByName", false), () -> book.findByName(party.name()));
    }

    private static ReviewNeeded review(String reason, String type, List<LedgerParty> candidates) {
        return new ReviewNeeded(reason + ": choose one of them, or a new " + type + ", in the connection's review list",
                type, candidates.stream().map(c -> new Candidate(c.id(), c.name(),
                        c.taxId() == null ? null : c.taxId().kind() + " " + c.taxId().masked())).toList());
    }

    /**
     * The deal's customer (the company when there is one, R4) with the CPF/CNPJ from the bound custom field — the
     * company's {@code taxIdField}, the contact's {@code personTaxIdField} (else {@code taxIdField}) — validated (R7);
     * an invalid one is never sent, and the history says why.
     */
    public Optional<Party> dealCustomer(Job job, ConnectionView connection, Deal deal) {
        return dealCustomer(connection, deal, warning -> history(job, "customer", "WARNING", warning));
    }

    /** The deal's customer as {@link #dealCustomer(Job, ConnectionView, Deal)} finds it, telling {@code warn} why a CPF/CNPJ is not sent. */
    public Optional<Party> dealCustomer(ConnectionView connection, Deal deal, java.util.function.Consumer<String> warn) {
        return deal.customer().map(customer -> withTaxId(connection, deal, customer, warn));
    }

    private static Party withTaxId(ConnectionView connection, Deal deal, Party customer,
            java.util.function.Consumer<String> warn) {
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
            warn.accept("CPF/CNPJ not sent: " + e.getMessage());
            return customer;
        }
    }

    /** R8: products by code then name, then services by code then name; a tagged service never creates a product. */
    public LedgerItem item(Job job, ConnectionView connection, ItemCatalog ledger, Item item) {
        String key = itemKey(item);
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
            // Refused means nothing was created: other jobs of this item need not wait for the claim to go stale.
            released(connection, "item", key, owner);
            throw refused;
        }
    }

    private LedgerItem findOrCreate(Job job, ConnectionView connection, ItemCatalog ledger, Item item, String key) {
        Optional<LedgerItem> match = find(ledger, item);
        if (match.isPresent()) {
            history(job, "item", "SUCCEEDED", matchedMessage(item, match.get()));
            matched(connection, "item", key, match.get().id());
            return match.get();
        }
        LedgerItem created = ledger.createItem(item);
        history(job, "item", "SUCCEEDED", "product \"" + item.name() + "\" created: no code or name match ("
                + created.id() + ")");
        matched(connection, "item", key, created.id());
        return created;
    }

    /**
     * The ledger item of this line by code then name, a product before a service (only a service for one tagged as
     * such); empty when a product is to be created. A tagged service the ledger lacks is refused: it never creates a
     * product.
     */
    private static Optional<LedgerItem> find(ItemCatalog ledger, Item item) {
        boolean service = ledger.alwaysService(item);
        for (ItemKind kind : service ? List.of(ItemKind.SERVICE) : ledger.kinds()) {
            Optional<LedgerItem> match = one(item.code() == null ? List.of() : ledger.findItemsByCode(kind, item.code()))
                    .or(() -> one(ledger.findItemsByName(kind, item.name())));
            if (match.isPresent()) {
                return match;
            }
        }
        if (service) {
            throw new RejectedFailure("Service \"" + item.name() + "\" (code " + item.code() + ") does not exist in "
                    + "the ledger, and a product tagged as a service never creates a product: create the service, "
                    + "then retry", List.of(new RejectedFailure.FieldError("products", item.name())));
        }
        return Optional.empty();
    }

    private static String matchedMessage(Item item, LedgerItem match) {
        return match.kind().name().toLowerCase() + " \"" + item.name() + "\" matched (" + match.id() + ")";
    }

    /** Dry run (R61): what {@link #item} would decide for this line, claiming and creating nothing. */
    public String previewItem(ConnectionView connection, ItemCatalog ledger, Item item) {
        Optional<String> linked = records.matched(connection.id(), "item", itemKey(item));
        if (linked.isPresent()) {
            return "item \"" + item.name() + "\" already linked (" + linked.get() + ")";
        }
        return find(ledger, item).map(match -> matchedMessage(item, match))
                .orElseGet(() -> "product \"" + item.name() + "\" would be created: no code or name match");
    }

    private static String itemKey(Item item) {
        return item.code() != null ? "code:" + item.code() : "name:" + item.name();
    }

    /**
     * R11: the configured seller, else the ledger's seller named as the user who activated the connection; none (and
     * the reason in the job's history) when that user is not recorded or no single seller has their name.
     */
    public String seller(Job job, ConnectionView connection, SalesLedger ledger) {
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
     * The ledger id another job matches to a claimed party or item within {@link #CLAIM_WAIT}: when many jobs of one
     * new customer or product run together, the others wait for the first to create it. Not matched by then, or the
     * claim given up: the job is postponed (no attempt spent) and claims again when it comes back.
     */
    private String awaitMatch(Job job, ConnectionView connection, String type, String key, String why) {
        long deadline = System.nanoTime() + CLAIM_WAIT.toNanos();
        String waitKey = waitKey(connection, type, key);
        CompletableFuture<Void> settled = null;
        try {
            while (System.nanoTime() - deadline < 0) {
                settled = waiting.computeIfAbsent(waitKey, k -> new CompletableFuture<>());
                Optional<String> matched = records.matched(connection.id(), type, key);
                if (matched.isPresent()) {
                    return matched.get();
                }
                if (!records.matchClaimed(connection.id(), type, key)) {
                    break;
                }
                try {
                    settled.get(CLAIM_POLL.toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    // held by a job of another instance, which cannot wake this one: look again
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        } finally {
            // settled by another instance's job, or given up: no job of this one will remove it
            if (settled != null) {
                waiting.remove(waitKey, settled);
            }
        }
        throw new Postponed(why, recheck(job));
    }

    /** The key is matched now: its record, then the jobs of this instance waiting for it are woken. */
    private void matched(ConnectionView connection, String type, String key, String ledgerId) {
        records.match(connection.id(), type, key, ledgerId);
        wake(connection, type, key);
    }

    /** Nothing was created: the claim is given back, and the jobs waiting for it claim it themselves. */
    private void released(ConnectionView connection, String type, String key, String owner) {
        records.releaseMatch(connection.id(), type, key, owner);
        wake(connection, type, key);
    }

    private void wake(ConnectionView connection, String type, String key) {
        CompletableFuture<Void> settled = waiting.remove(waitKey(connection, type, key));
        if (settled != null) {
            settled.complete(null);
        }
    }

    private static String waitKey(ConnectionView connection, String type, String key) {
        return connection.id() + " " + type + " " + key;
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

    private void history(Job job, String action, String outcome, String message) {
        records.record(job.connectionId(), job.subject(), job.id(), action, outcome, message, null);
    }
}
