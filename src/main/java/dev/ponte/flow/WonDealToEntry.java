package dev.ponte.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ponte.connector.CustomerDirectory;
import dev.ponte.connector.DealSource;
import dev.ponte.connector.FinancialLedger;
import dev.ponte.connector.RejectedFailure;
import dev.ponte.connector.SalesLedger;
import dev.ponte.engine.Job;
import dev.ponte.engine.JobHandler;
import dev.ponte.engine.JobResult;
import dev.ponte.engine.Records;
import dev.ponte.flow.ConnectionDirectory.ConnectionView;
import dev.ponte.flow.LedgerMatching.PartyBook;
import dev.ponte.flow.SettingDefinition.SettingType;
import dev.ponte.mapping.EntryMapping;
import dev.ponte.mapping.EntryMapping.Field;
import dev.ponte.mapping.EntryTemplate;
import dev.ponte.model.Deal;
import dev.ponte.model.FinancialEntry;
import dev.ponte.model.FinancialEntry.Instalment;
import dev.ponte.model.LedgerParty;
import dev.ponte.model.Money;
import dev.ponte.model.Party;
import dev.ponte.model.PartyKind;
import dev.ponte.model.TaxId;
import dev.ponte.model.TaxIdKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A won deal becomes exactly one account receivable (R21) or payable (R22) in the ledger, every mandatory field filled
 * from the connection's {@link EntryMapping} of that kind; the two flows are this one class with its kind
 * ({@link WonDealToReceivable}, {@link WonDealToPayable}). A deal is skipped by the rules of every flow on won deals
 * ({@link WonDeals#notCaptured}, no value, no customer); its counterparty — a customer or a supplier, as the mapping's
 * role says — is the deal's customer (with its CPF/CNPJ) when the mapped name is the deal's customer's, else a party of
 * the mapped name and type, found or created by {@link LedgerMatching}; the entry is created once through
 * {@link ExactlyOnce}, found again by its reference {@code ponte:<connection>:deal:<key>} after a lost answer. Due
 * dates and instalments follow the connection's payment settings: monthly from {@code dueInDays} after the
 * competence date, the value split in exact cents with the remainder on the last. Every decision is in the deal's
 * history (R62), under the action {@code receivable} or {@code payable}.
 */
abstract class WonDealToEntry implements JobHandler, WonDeals {

    /**
     * How long a connection's financial accounts, as read, serve its entries: each entry's account is checked before
     * it is sent, and an account closed in the ledger is refused by the ledger itself meanwhile.
     */
    static final Duration ACCOUNTS_FOR = Duration.ofMinutes(1);

    /** Each connection's financial accounts (id → name), as read within {@link #ACCOUNTS_FOR}. */
    private final Cache<UUID, Map<String, String>> accounts = Caffeine.newBuilder().expireAfterWrite(ACCOUNTS_FOR)
            .maximumSize(10_000).build();
    private final FinancialEntry.Kind kind;
    private final ConnectionDirectory connections;
    private final Records records;
    private final LedgerMatching matching;
    private final ExactlyOnce once;
    private final ObjectMapper json;

    WonDealToEntry(FinancialEntry.Kind kind, ConnectionDirectory connections, Records records,
            LedgerMatching matching, ExactlyOnce once, ObjectMapper json) {
        this.kind = kind;
        this.connections = connections;
        this.records = records;
        this.matching = matching;
        this.once = once;
        this.json = json;
    }

    /** {@code receivable} or {@code payable}: the action's name in links, history and the mapping's path. */
    final String action() {
        return kind == FinancialEntry.Kind.RECEIVABLE ? "receivable" : "payable";
    }

    @Override
    public Set<Class<?>> sourceCapabilities() {
        return Set.of(DealSource.class);
    }

    @Override
    public void prepare(ConnectionView connection) {
        // Nothing to create in the CRM: the mapping names its fields by label.
    }

    @Override
    public List<SettingDefinition> settings() {
        List<SettingDefinition> settings = new ArrayList<>(DEAL_SETTINGS);
        settings.addAll(PAYMENT_SETTINGS);
        settings.add(new SettingDefinition("dueInDays", SettingType.INTEGER, null, 0,
                "R21, R22: the first instalment of a receivable or payable is due this many days after its "
                        + "competence date, the next ones monthly after it"));
        return settings;
    }

    @Override
    public JobResult run(Job job) throws Exception {
        JsonNode payload = json.readTree(job.payload());
        String dealId = payload.path("dealId").asText();
        Optional<ConnectionView> found = connections.activeOrWait(job.connectionId());
        if (found.isEmpty()) {
            return skip(job, "the connection was deleted");
        }
        ConnectionView connection = found.get();
        Optional<Deal> read = connections.source(connection.id(), DealSource.class).deal(dealId);
        if (read.isEmpty()) {
            return skip(job, "the deal no longer exists in the CRM");
        }
        Deal deal = read.get();
        Optional<String> notCaptured = WonDeals.notCaptured(connection, deal, Backfill.of(payload));
        if (notCaptured.isPresent()) {
            return skip(job, notCaptured.get());
        }
        String key = WonDeals.captureKey(connection, deal);
        Optional<String> linked = once.linked(connection.id(), action(), key);
        if (linked.isPresent()) {
            return skip(job, "a " + action() + " (" + linked.get() + ") was already created for this deal");
        }
        if (!deal.hasValue()) {
            return skip(job, "the deal has no value");
        }
        Optional<Party> customer = matching.dealCustomer(job, connection, deal);
        if (customer.isEmpty()) {
            return skip(job, "the deal has neither a company nor a contact");
        }
        EntryMapping mapping = mapping(connection);
        FinancialLedger ledger = connections.ledger(connection.id(), FinancialLedger.class);
        Values values = values(connection, deal, customer.get());
        Draft draft = draft(connection, mapping, values, deal, ledger);
        String partyId = party(job, connection, counterparty(mapping, values, customer.get()), ledger);
        List<Instalment> instalments = instalments(draft.competence(), draft.value(),
                Math.max(1, connection.integer("instalments", 1)), connection.integer("dueInDays", 0));
        String reference = "ponte:" + connection.id() + ":deal:" + key;
        FinancialEntry entry = new FinancialEntry(kind, reference, partyId, draft.competence(), draft.value(),
                draft.description(), draft.notes(), draft.account(), draft.category(), instalments,
                connection.text("paymentMethod", null));
        ExactlyOnce.Outcome outcome = once.create(job, connection.id(), action(), key, () -> ledger.findEntry(entry),
                () -> ledger.createEntry(entry));
        switch (outcome.how()) {
            case ALREADY_LINKED -> {
                return skip(job, "a " + action() + " (" + outcome.id() + ") was already created for this deal");
            }
            case FOUND_BY_MARKER -> history(job, "SUCCEEDED", action() + " " + outcome.id()
                    + " found by its reference " + reference + " (created by an earlier attempt)");
            case CREATED -> history(job, "SUCCEEDED", action() + " " + outcome.id() + " created: "
                    + draft.value().amount() + " " + draft.value().currency() + ", competence " + draft.competence()
                    + ", " + instalments.size() + (instalments.size() == 1 ? " instalment due " : " monthly instalments from ")
                    + instalments.get(0).due() + ", \"" + draft.description() + "\"");
        }
        return JobResult.succeeded(action() + " " + outcome.id());
    }

    /** The same decisions as {@link #run}, each previewed: nothing claimed, created or recorded. */
    @Override
    public Preview preview(ConnectionView connection, Deal deal, Backfill range) {
        Preview.Steps steps = previewOf(connection, deal);
        WonDeals.PreviewStart start = WonDeals.previewStart(steps, connection, deal, range, once, matching, action());
        if (start.ended() != null) {
            return start.ended();
        }
        try {
            EntryMapping mapping = mapping(connection);
            FinancialLedger ledger = connections.ledger(connection.id(), FinancialLedger.class);
            Values values = values(connection, deal, start.customer());
            Draft draft = draft(connection, mapping, values, deal, ledger);
            Counterparty counterparty = counterparty(mapping, values, start.customer());
            steps.add(counterparty.customer()
                    ? matching.previewParty(connection, "customer", PartyBook.customers(customers(connection)),
                            counterparty.party())
                    : matching.previewParty(connection, "supplier", suppliers(ledger), counterparty.party()));
            return steps.end(Preview.Outcome.CREATE, "a " + action() + " of " + draft.value().amount() + " "
                    + draft.value().currency() + ", competence " + draft.competence() + ", \"" + draft.description()
                    + "\" would be created");
        } catch (RejectedFailure | dev.ponte.connector.ReviewNeeded e) {
            return steps.stopped(e);
        }
    }

    private EntryMapping mapping(ConnectionView connection) {
        return connections.entryMapping(connection.id(), kind).orElseThrow(() -> refused(
                "The connection has no " + action() + " mapping: save one (PUT /api/v1/connections/" + connection.id()
                        + "/entry-mappings/" + action() + "), then retry", "mapping", "missing"));
    }

    private Values values(ConnectionView connection, Deal deal, Party customer) {
        ZoneId zone = connections.ledgerIfOffered(connection.id(), SalesLedger.class).map(SalesLedger::zone)
                .orElse(ZoneOffset.UTC);
        return new Values(deal, customer, zone);
    }

    /** The entry's fields as the mapping renders them for this deal, each checked (refused with the field at fault). */
    private record Draft(LocalDate competence, Money value, String description, String notes, String category,
            String account) {
    }

    private Draft draft(ConnectionView connection, EntryMapping mapping, Values values, Deal deal,
            FinancialLedger ledger) {
        LocalDate competence = EntryMapping.date(values.render(mapping, Field.COMPETENCE)).orElseThrow(() -> refused(
                "The competence date \"" + values.render(mapping, Field.COMPETENCE) + "\" is not a date",
                Field.COMPETENCE));
        String currency = deal.value().currency();
        Money value = EntryMapping.decimal(values.render(mapping, Field.VALUE)).filter(v -> v.signum() > 0)
                .map(v -> Money.of(v, currency)).orElseThrow(() -> refused("The value \""
                        + values.render(mapping, Field.VALUE) + "\" is not a positive amount", Field.VALUE));
        String description = values.render(mapping, Field.DESCRIPTION);
        if (description.isBlank()) {
            throw refused("The description is empty for this deal", Field.DESCRIPTION);
        }
        String notes = values.render(mapping, Field.NOTES);
        String category = ledgerId(mapping, values, Field.CATEGORY, mapping.categoryId(), ledger.categories(kind)
                .stream().collect(LinkedHashMap::new, (m, c) -> m.put(c.id(), c.name()), Map::putAll), "category");
        String account = ledgerId(mapping, values, Field.FINANCIAL_ACCOUNT, mapping.financialAccountId(),
                accounts.get(connection.id(), id -> ledger.financialAccounts().stream().collect(LinkedHashMap::new,
                        (m, a) -> m.put(a.id(), a.name()), Map::putAll)), "active financial account");
        return new Draft(competence, value, description, notes, category, account);
    }

    /**
     * The ledger id of the mapped category or account: a constant's id resolved when the mapping was saved, which
     * must still be among the ledger's; a template's name, rendered for this deal, looked up by name.
     */
    private String ledgerId(EntryMapping mapping, Values values, Field field, String savedId, Map<String, String> byId,
            String what) {
        String fix = ": choose another in the connection's " + action() + " mapping (PUT /api/v1/connections/…/"
                + "entry-mappings/" + action() + ") or restore it in the ledger, then retry";
        if (savedId != null) {
            if (!byId.containsKey(savedId)) {
                throw refused("The ledger no longer has the " + what + " \"" + mapping.field(field).text() + "\" ("
                        + savedId + ") of the mapping" + fix, field);
            }
            return savedId;
        }
        String name = values.render(mapping, field);
        return EntryMapping.idOf(name, byId).orElseThrow(() -> refused("The ledger has no " + what + " named \""
                + name + "\" (its " + field.apiName() + " for this deal)" + fix + "; known: "
                + EntryMapping.names(byId.values()), field));
    }

    /**
     * The ledger party of the entry: the deal's customer (with its CPF/CNPJ) when the mapped name is its name, else a
     * party of the mapped name; of the mapped type; a customer or a supplier as the mapped role says.
     */
    private String party(Job job, ConnectionView connection, Counterparty counterparty, FinancialLedger ledger) {
        return counterparty.customer()
                ? matching.customer(job, connection, customers(connection), counterparty.party())
                : matching.party(job, connection, "supplier", suppliers(ledger), counterparty.party());
    }

    private CustomerDirectory customers(ConnectionView connection) {
        return connections.ledgerIfOffered(connection.id(), CustomerDirectory.class)
                .orElseThrow(() -> refused("The ledger has no customers for the role Cliente", Field.ROLE));
    }

    /** The entry's counterparty as the mapping renders it, and whether it is a customer (else a supplier). */
    private record Counterparty(Party party, boolean customer) {
    }

    private Counterparty counterparty(EntryMapping mapping, Values values, Party customer) {
        String name = values.render(mapping, Field.CUSTOMER_NAME);
        if (name.isBlank()) {
            throw refused("The customer name is empty for this deal", Field.CUSTOMER_NAME);
        }
        String typed = values.render(mapping, Field.CUSTOMER_TYPE);
        PartyKind partyKind = EntryMapping.customerType(typed).map(t -> t.equals("PF") ? PartyKind.PERSON
                : PartyKind.COMPANY).orElseThrow(() -> refused("The customer type \"" + typed + "\" is neither PF "
                        + "nor PJ", Field.CUSTOMER_TYPE));
        String roleText = values.render(mapping, Field.ROLE);
        String role = EntryMapping.role(roleText).orElseThrow(() -> refused("The role \"" + roleText
                + "\" is neither Cliente nor Fornecedor", Field.ROLE));
        boolean dealsCustomer = EntryMapping.comparable(name).equals(EntryMapping.comparable(customer.name()));
        Party party = dealsCustomer
                ? new Party(partyKind, customer.name(), customer.taxId(), customer.email(), customer.businessPhone(),
                        customer.mobilePhone(), customer.countryCode(), customer.origin(), customer.address(),
                        customer.sourceId())
                : new Party(partyKind, name, null, null, null, null, null, customer.origin(), null, null);
        return new Counterparty(party, role.equals("Cliente"));
    }

    private static PartyBook suppliers(FinancialLedger ledger) {
        return new PartyBook() {
            @Override
            public List<LedgerParty> findByTaxId(TaxId taxId) {
                return ledger.findSuppliersByTaxId(taxId);
            }

            @Override
            public List<LedgerParty> findByName(String name) {
                return ledger.findSuppliersByName(name);
            }

            @Override
            public LedgerParty create(Party party) {
                return ledger.createSupplier(party);
            }
        };
    }

    /**
     * {@code count} monthly instalments, the first due {@code dueInDays} after the competence date; the value split
     * in whole cents, the remainder on the last, so they add up to it exactly; never more instalments than cents, so
     * none is of zero.
     */
    static List<Instalment> instalments(LocalDate competence, Money value, int wanted, int dueInDays) {
        BigDecimal cents = value.amount().movePointRight(2);
        int count = (int) Math.max(1, Math.min(wanted, cents.longValue()));
        BigDecimal share = cents.divide(BigDecimal.valueOf(count), 0, RoundingMode.DOWN);
        BigDecimal last = cents.subtract(share.multiply(BigDecimal.valueOf(count - 1L)));
        LocalDate first = competence.plusDays(dueInDays);
        List<Instalment> result = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            BigDecimal amount = (i == count - 1 ? last : share).movePointLeft(2);
            result.add(new Instalment(first.plusMonths(i), Money.of(amount, value.currency())));
        }
        return result;
    }

    /** The placeholders' values for one deal (see {@link EntryTemplate}). */
    private record Values(Deal deal, Party customer, ZoneId zone) {

        String render(EntryMapping mapping, Field field) {
            return mapping.field(field).render(this::value);
        }

        String value(EntryTemplate.Part part) {
            if (part.scope() != null) {
                String prefix = switch (part.scope()) {
                    case "company.field" -> "org.";
                    case "contact.field" -> "person.";
                    default -> "";
                };
                return field(prefix, part.label());
            }
            return switch (part.placeholder()) {
                case "deal.id" -> deal.id();
                case "deal.title" -> deal.title();
                case "deal.value" -> deal.value() == null ? "" : deal.value().amount().toPlainString();
                case "deal.wonDate" -> deal.wonTime() == null ? "" : LocalDate.ofInstant(deal.wonTime(), zone)
                        .toString();
                case "customer.name" -> customer.name();
                case "customer.type" -> type(customer);
                case "customer.document" -> customer.taxId() == null ? "" : customer.taxId().value();
                case "company.name" -> deal.organization() == null ? "" : deal.organization().name();
                case "contact.name" -> deal.person() == null ? "" : deal.person().name();
                default -> "";
            };
        }

        /** A custom field by its label (the source keeps each under its key and its label), case aside. */
        private String field(String prefix, String label) {
            String exact = deal.customFields().get(prefix + label);
            if (exact != null) {
                return exact;
            }
            String wanted = EntryMapping.comparable(label);
            return deal.customFields().entrySet().stream().filter(e -> e.getKey().startsWith(prefix)
                    && EntryMapping.comparable(e.getKey().substring(prefix.length())).equals(wanted)
                    && (!prefix.isEmpty() || !e.getKey().startsWith("org.") && !e.getKey().startsWith("person.")))
                    .map(Map.Entry::getValue).findFirst().orElse("");
        }

        /** PF for a CPF or a person, PJ for a CNPJ or a company. */
        private static String type(Party party) {
            if (party.taxId() != null && party.taxId().kind() == TaxIdKind.CPF) {
                return "PF";
            }
            if (party.taxId() != null && party.taxId().kind() == TaxIdKind.CNPJ) {
                return "PJ";
            }
            return party.kind() == PartyKind.PERSON ? "PF" : "PJ";
        }
    }

    private RejectedFailure refused(String message, Field field) {
        return refused(message + ": fix the deal in the CRM or the connection's " + action() + " mapping, then retry",
                "mapping." + field.apiName(), message);
    }

    private static RejectedFailure refused(String message, String field, String detail) {
        return new RejectedFailure(message, List.of(new RejectedFailure.FieldError(field, detail)));
    }

    private JobResult skip(Job job, String reason) {
        history(job, "SKIPPED", "skipped: " + reason);
        return JobResult.skipped(reason);
    }

    private void history(Job job, String outcome, String message) {
        records.record(job.connectionId(), job.subject(), job.id(), action(), outcome, message, null);
    }
}
