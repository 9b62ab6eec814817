package dev.ponte.connector.crmincloud;

import dev.ponte.connector.CompanySource;
import dev.ponte.connector.CredentialsFailure;
import dev.ponte.connector.RejectedFailure;
import dev.ponte.connector.RejectedFailure.FieldError;
import dev.ponte.connector.RemotePage;
import dev.ponte.connector.Port;
import dev.ponte.connector.support.Paging;
import dev.ponte.connector.support.VendorCalls;
import dev.ponte.connector.crmincloud.CrmInCloudConnector.Client;
import dev.ponte.connector.crmincloud.CrmInCloudDto.Article;
import dev.ponte.connector.crmincloud.CrmInCloudDto.Company;
import dev.ponte.connector.crmincloud.CrmInCloudDto.ExternalReference;
import dev.ponte.connector.crmincloud.CrmInCloudDto.FieldDefinition;
import dev.ponte.connector.crmincloud.CrmInCloudDto.Login;
import dev.ponte.connector.crmincloud.CrmInCloudDto.NewField;
import dev.ponte.connector.crmincloud.CrmInCloudDto.Option;
import dev.ponte.connector.crmincloud.CrmInCloudDto.TableRow;
import dev.ponte.connector.crmincloud.CrmInCloudDto.Token;
import dev.ponte.model.Item;
import dev.ponte.model.ItemKind;
import dev.ponte.model.Party;
import dev.ponte.model.TaxId;
import dev.ponte.model.Quote;
import dev.ponte.model.ReferenceData;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * One CRM in Cloud connection. It has no deals, so {@link SourcePort}'s deal methods keep their defaults; the work
 * is {@link CompanySource}'s. Companies are listed in (lastModifiedDate, id) order with a keyset cursor, so a company
 * changed while a listing runs moves behind the cursor instead of shifting the pages.
 */
final class CrmInCloudSourcePort implements Port, CompanySource {

    static final String API_KEY = "apiKey";
    /** The largest page the emulator serves; CRM in Cloud's own maximum is not documented where we looked. */
    static final int PAGE = 100;
    /** The reference to Contabilità in Cloud that makes the CRM show a quote as "(CiC)" (R36). */
    static final String CIC = "CiC";
    private static final Duration RENEW_EARLY = Duration.ofMinutes(1);
    private static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofMinutes(20);
    private static final String COMPANY_ORDER = "lastModifiedDate,id";

    private static final VendorCalls CALLS = new VendorCalls(CrmInCloudFailures.ERRORS);

    private final Client client;
    private final CrmInCloudApi api;
    private final Clock clock;

    CrmInCloudSourcePort(Client client, Clock clock) {
        this.client = client;
        this.api = client.api;
        this.clock = clock;
    }

    /** Logs in with the key and reads one company: the key works and its user may read companies. */
    @Override
    public List<FieldError> test() {
        if (client.apiKey == null || client.apiKey.isBlank()) {
            return List.of(new FieldError("credentials.apiKey", "the CRM in Cloud Web API key is required"));
        }
        try {
            call(() -> api.companies(null, null, 1, null));
            return List.of();
        } catch (CredentialsFailure refused) {
            return List.of(new FieldError("credentials.apiKey", "CRM in Cloud refused the Web API key: "
                    + refused.getMessage()));
        }
    }

    @Override
    public RemotePage<SourceCompany> companies(Instant since, String cursor) {
        String filter;
        if (cursor != null) {
            String[] at = cursor.split("\\|", 2);
            String instant = "datetime'" + Instant.parse(at[0]) + "'";
            filter = "lastModifiedDate gt " + instant + " or (lastModifiedDate eq " + instant + " and id gt "
                    + Long.parseLong(at[1]) + ")";
        } else {
            // Rounded down to milliseconds: .NET keeps 100 ns ticks at most, and nothing at the boundary is missed.
            filter = since == null ? null
                    : "lastModifiedDate ge datetime'" + since.truncatedTo(ChronoUnit.MILLIS) + "'";
        }
        List<Company> page = call(() -> api.companies(filter, COMPANY_ORDER, PAGE, null));
        List<SourceCompany> companies = page.stream().map(c -> mapped("company " + c.id(),
                () -> CrmInCloudMapping.company(c))).toList();
        Company last = page.isEmpty() ? null : page.get(page.size() - 1);
        String next = page.size() < PAGE ? null : last.lastModifiedDate() + "|" + last.id();
        return new RemotePage<>(companies, next);
    }

    @Override
    public Optional<SourceCompany> company(String id) {
        if (id == null || !id.matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return find(() -> api.company(Long.parseLong(id)))
                .map(c -> mapped("company " + c.id(), () -> CrmInCloudMapping.company(c)));
    }

    @Override
    public List<SourceCompany> findCompaniesByTaxId(TaxId taxId) {
        String value = taxId.value().replace("'", "''");
        String filter = "vatId eq '" + value + "' or taxIdentificationNumber eq '" + value + "'";
        return call(() -> api.companies(filter, COMPANY_ORDER, PAGE, null)).stream()
                .map(c -> mapped("company " + c.id(), () -> CrmInCloudMapping.company(c))).toList();
    }

    @Override
    public List<SourceCompany> findCompaniesByName(String name) {
        String filter = "companyName eq '" + name.replace("'", "''") + "'";
        return call(() -> api.companies(filter, COMPANY_ORDER, PAGE, null)).stream()
                .map(c -> mapped("company " + c.id(), () -> CrmInCloudMapping.company(c)))
                .filter(c -> name.equals(c.party().name())).toList();
    }

    @Override
    public SourceCompany createCompany(Party party, Map<String, String> fields) {
        Company created = call(() -> api.createCompany(CrmInCloudMapping.write(party, fields, null)));
        return mapped("company " + created.id(), () -> CrmInCloudMapping.company(created));
    }

    @Override
    public SourceCompany updateCompany(String id, Party party, Map<String, String> fields) {
        long companyId = numericId(id);
        Company current = call(() -> api.company(companyId));
        Company updated = call(() -> api.updateCompany(companyId, CrmInCloudMapping.write(party, fields, current)));
        return mapped("company " + updated.id(), () -> CrmInCloudMapping.company(updated));
    }

    /** Labels are matched without case; options by their value (the ledger's code). */
    @Override
    public void ensureCompanyFields(Map<String, List<FieldOption>> fields) {
        Map<String, FieldDefinition> existing = new HashMap<>();
        call(api::companyFields).forEach(f -> existing.putIfAbsent(key(f.label()), f));
        fields.forEach((label, wanted) -> {
            List<Option> options = wanted.stream().map(o -> new Option(o.code(), o.label())).toList();
            FieldDefinition field = existing.get(key(label));
            if (field == null) {
                existing.put(key(label), call(() -> api.addCompanyField(new NewField(label, "Select", options))));
                return;
            }
            List<Option> missing = options.stream().filter(o -> field.options() == null
                    || field.options().stream().noneMatch(old -> old.value().equals(o.value()))).toList();
            if (!missing.isEmpty()) {
                call(() -> api.addOptions(field.id(), missing));
            }
        });
    }

    private static String key(String label) {
        return label.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * One table at a time: each is read whole (they are short) and only new or changed rows are written; the API
     * has no batch write that we know of.
     */
    @Override
    public ImportCount importReferenceData(ReferenceData data) {
        return upsertRows("VatCode", data.taxRates().stream()
                        .map(r -> new TableRow(null, r.code(), r.name(), r.ratePercent(), null)).toList())
                .plus(upsertRows("PaymentTerm", data.paymentTerms().stream()
                        .map(t -> new TableRow(null, t.code(), t.name(), null, t.days())).toList()))
                .plus(upsertRows("PaymentMode", data.paymentModes().stream()
                        .map(m -> new TableRow(null, m.code(), m.name(), null, null)).toList()))
                .plus(upsertRows("UnitOfMeasure", data.units().stream()
                        .map(u -> new TableRow(null, u.code(), u.name(), null, null)).toList()));
    }

    private ImportCount upsertRows(String table, List<TableRow> wanted) {
        if (wanted.isEmpty()) {
            return new ImportCount(0, 0, 0);
        }
        Map<String, TableRow> byCode = byCode(call(() -> api.rows(table)), TableRow::code);
        return upsert(wanted, TableRow::code, byCode, CrmInCloudSourcePort::sameRow,
                row -> api.createRow(table, row), (old, row) -> api.updateRow(table, old.id(), row));
    }

    private static boolean sameRow(TableRow a, TableRow b) {
        return Objects.equals(a.description(), b.description()) && sameAmount(a.rate(), b.rate())
                && Objects.equals(a.days(), b.days());
    }

    /** Items need a code: it is the catalogue's key and the join with quote rows (R34). */
    @Override
    public ImportCount importProducts(List<Item> items) {
        List<FieldError> missing = IntStream.range(0, items.size()).filter(i -> items.get(i).code() == null)
                .mapToObj(i -> new FieldError("items[" + i + "].code", "an article needs a code")).toList();
        if (!missing.isEmpty()) {
            throw new RejectedFailure("articles without a code cannot be imported", missing);
        }
        List<Article> current = Paging.numbered(0, Paging.MAX_PAGES,
                page -> Paging.Slice.sized(call(() -> api.articles(PAGE, page * PAGE)), PAGE)).toList();
        List<Article> wanted = items.stream().map(i -> new Article(null, i.code(), i.name(),
                i.price() == null ? null : i.price().amount(), i.unitCode(),
                i.kind() == ItemKind.SERVICE ? "Service" : "Product")).toList();
        return upsert(wanted, Article::code, byCode(current, Article::code), CrmInCloudSourcePort::sameArticle,
                api::createArticle, (old, article) -> api.updateArticle(old.id(), article));
    }

    private static boolean sameArticle(Article a, Article b) {
        return Objects.equals(a.description(), b.description()) && sameAmount(a.price(), b.price())
                && Objects.equals(a.unitOfMeasure(), b.unitOfMeasure()) && Objects.equals(a.type(), b.type());
    }

    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static <T> Map<String, T> byCode(List<T> rows, Function<T, String> code) {
        Map<String, T> byCode = new HashMap<>();
        rows.forEach(r -> byCode.putIfAbsent(code.apply(r), r));
        return byCode;
    }

    private <T> ImportCount upsert(List<T> wanted, Function<T, String> code, Map<String, T> existing,
            java.util.function.BiPredicate<T, T> same, Function<T, T> create, java.util.function.BinaryOperator<T> update) {
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (T row : wanted) {
            T old = existing.get(code.apply(row));
            if (old == null) {
                existing.put(code.apply(row), call(() -> create.apply(row)));
                created++;
            } else if (same.test(old, row)) {
                unchanged++;
            } else {
                call(() -> update.apply(old, row));
                updated++;
            }
        }
        return new ImportCount(created, updated, unchanged);
    }

    @Override
    public Optional<Quote> quote(String id) {
        if (id == null || !id.matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return find(() -> api.quote(Long.parseLong(id))).map(q -> mapped("quote " + q.id(),
                () -> CrmInCloudMapping.quote(q)));
    }

    /** Reads the quote first, so that marking it again with the same document changes nothing. */
    @Override
    public void markQuoteSent(String quoteId, String ledgerDocumentId) {
        long id = numericId(quoteId);
        CrmInCloudDto.Quote quote = call(() -> api.quote(id));
        boolean marked = quote.externalReferences() != null && quote.externalReferences().stream()
                .anyMatch(r -> CIC.equals(r.system()) && ledgerDocumentId.equals(r.externalId()));
        if (!marked) {
            call(() -> api.linkQuote(id, new ExternalReference(CIC, ledgerDocumentId)));
        }
    }

    private static long numericId(String id) {
        if (id == null || !id.matches("\\d{1,18}")) {
            throw new RejectedFailure("CRM in Cloud has no record " + id, List.of(new FieldError("id", "not a CRM in Cloud id")));
        }
        return Long.parseLong(id);
    }

    /** A record the model refuses (e.g. a quote row with quantity 0) is a problem with the data, not a bug. */
    private static <T> T mapped(String what, Supplier<T> mapping) {
        try {
            return mapping.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new RejectedFailure("CRM in Cloud " + what + " cannot be read: " + e.getMessage(),
                    List.of(new FieldError(what, String.valueOf(e.getMessage()))));
        }
    }

    /** Calls CRM in Cloud; a 404 is a rejection here (see {@link #find} where absence is an answer). */
    private <T> T call(Supplier<T> request) {
        return CALLS.call(() -> authenticated(request));
    }

    private <T> Optional<T> find(Supplier<T> request) {
        return CALLS.find(() -> authenticated(request));
    }

    /** A 401 with a token that looked valid (revoked, or the CRM restarted) earns one fresh login and one retry. */
    private <T> T authenticated(Supplier<T> request) {
        boolean fresh = ensureToken();
        try {
            return unwrapped(request);
        } catch (CredentialsFailure e) {
            if (fresh) {
                throw e;
            }
            client.token = null;
            ensureToken();
            return unwrapped(request);
        }
    }

    /** Answers whether it had to log in. */
    private boolean ensureToken() {
        if (client.apiKey == null) {
            throw new CredentialsFailure("no CRM in Cloud Web API key is stored for this connection");
        }
        if (client.token != null && clock.instant().isBefore(client.renewAt)) {
            return false;
        }
        synchronized (client) {
            if (client.token != null && clock.instant().isBefore(client.renewAt)) {
                return false;
            }
            client.token = null;
            Token token = unwrapped(() -> api.login(new Login(client.apiKey)));
            Duration lifetime = token.expiresIn() == null ? DEFAULT_TOKEN_LIFETIME : Duration.ofSeconds(token.expiresIn());
            client.renewAt = clock.instant().plus(lifetime).minus(RENEW_EARLY);
            client.token = token.accessToken();
            return true;
        }
    }

    private static <T> T unwrapped(Supplier<T> request) {
        return CALLS.unwrapped(request);
    }
}
