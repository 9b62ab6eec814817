package dev.ponte.sandbox.crmincloud;

import dev.ponte.sandbox.SandboxVendor;
import dev.ponte.sandbox.crmincloud.CrmInCloudModel.Article;
import dev.ponte.sandbox.crmincloud.CrmInCloudModel.Company;
import dev.ponte.sandbox.crmincloud.CrmInCloudModel.FieldDefinition;
import dev.ponte.sandbox.crmincloud.CrmInCloudModel.Quote;
import dev.ponte.sandbox.crmincloud.CrmInCloudModel.TableRow;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The CRM in Cloud emulator's state: one account with a Web API key, its companies (indexed by id and by last
 * modification, so a modified-since listing stays cheap at 100,000 companies), company additional fields, the
 * catalogue, the sales reference tables and quotes. A {@code @Singleton} (no client proxy) because the resources of
 * this package read its maps directly.
 */
@IfBuildProperty(name = "ponte.sandbox.included", stringValue = "true")
@Singleton
public class CrmInCloud implements SandboxVendor {

    public static final String NAME = "crmincloud";
    /** The Web API key the emulator accepts (a sandbox value, not a secret). */
    public static final String API_KEY = "sandbox-crm-api-key";
    /** The reference tables the Contabilità in Cloud connector fills (seed: aliquote, termini, modalità, unità). */
    static final List<String> TABLES = List.of("VatCode", "PaymentTerm", "PaymentMode", "UnitOfMeasure");
    static final String CIC = "CiC";
    static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

    /** Companies in (lastModifiedDate, id) order: the keyset of modified-since listings. */
    record Key(Instant modified, long id) implements Comparable<Key> {

        private static final Comparator<Key> ORDER = Comparator.comparing(Key::modified).thenComparingLong(Key::id);

        @Override
        public int compareTo(Key other) {
            return ORDER.compare(this, other);
        }
    }

    final NavigableMap<Long, Company> companies = new ConcurrentSkipListMap<>();
    private final NavigableMap<Key, Company> byModified = new ConcurrentSkipListMap<>();
    final Map<Long, FieldDefinition> fields = new ConcurrentHashMap<>();
    final NavigableMap<Long, Article> articles = new ConcurrentSkipListMap<>();
    final Map<String, NavigableMap<Long, TableRow>> tables = new ConcurrentHashMap<>();
    final NavigableMap<Long, Quote> quotes = new ConcurrentSkipListMap<>();
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final Clock clock;

    public CrmInCloud(Instance<Clock> clock) {
        this.clock = clock.isResolvable() ? clock.get() : Clock.systemUTC();
        reset();
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * The API runs on ASP.NET Web API (its DTOs are {@code Digita.Tustena.DTO.*}), so errors are guessed in that
     * framework's shape: {@code {"Message": …}}, with {@code ModelState} (field → messages) on a 400.
     */
    @Override
    public Response error(int status, String message) {
        return error(status, message, Map.of());
    }

    Response error(int status, String message, Map<String, List<String>> modelState) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Message", status == 401 ? "Authorization has been denied for this request." : message);
        if (!modelState.isEmpty()) {
            body.put("ModelState", modelState);
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }

    WebApplicationException failure(int status, String message) {
        return new WebApplicationException(error(status, message));
    }

    WebApplicationException invalid(Map<String, List<String>> modelState) {
        return new WebApplicationException(error(400, "The request is invalid.", modelState));
    }

    @Override
    public final synchronized void reset() {
        Stream.of(companies, byModified, fields, articles, tables, quotes, tokens).forEach(Map::clear);
        TABLES.forEach(t -> tables.put(t, new ConcurrentSkipListMap<>()));
        ids.set(0);
    }

    @Override
    public Map<String, Object> snapshot() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("api_key", API_KEY);
        state.put("companies", companies.size());
        state.put("fields", fields.values().stream().sorted(Comparator.comparingLong(FieldDefinition::id)).toList());
        state.put("articles", List.copyOf(articles.values()));
        TABLES.forEach(t -> state.put(t, List.copyOf(tables.get(t).values())));
        state.put("quotes", List.copyOf(quotes.values()));
        return state;
    }

    /** Exchanges the Web API key for a bearer token; null when the key is wrong. */
    String login(String apiKey) {
        if (!API_KEY.equals(apiKey)) {
            return null;
        }
        String token = UUID.randomUUID().toString().replace("-", "");
        tokens.put(token, clock.instant().plus(TOKEN_LIFETIME));
        return token;
    }

    boolean validToken(String token) {
        Instant expiry = token == null ? null : tokens.get(token);
        return expiry != null && clock.instant().isBefore(expiry);
    }

    long nextId() {
        return ids.incrementAndGet();
    }

    /** Every write sets the last-modified time; milliseconds, as .NET serialises them. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    synchronized Company save(Company company) {
        Company old = companies.put(company.id(), company);
        if (old != null) {
            byModified.remove(old.key());
        }
        byModified.put(company.key(), company);
        return company;
    }

    /**
     * One page of companies matching {@code filter}: in (lastModifiedDate, id) order when asked, starting inside the
     * index at the filter's lower bound, else in id order.
     */
    List<Company> companies(ODataFilter.Expr filter, boolean byModification, int skip, int top) {
        Iterable<Company> source;
        if (byModification) {
            Key from = ODataFilter.lowerBound(filter);
            source = (from == null ? byModified : byModified.tailMap(from, true)).values();
        } else {
            source = companies.values();
        }
        Predicate<Company> matches = filter == null ? c -> true : c -> filter.test(c::property);
        return java.util.stream.StreamSupport.stream(source.spliterator(), false)
                .filter(matches).skip(skip).limit(top).toList();
    }

    /**
     * Bulk seeding for benchmarks: {@code count} companies named "Azienda n" with valid Partite IVA, all modified at
     * {@code modified} (now when null); also callable in-process by a benchmark. Answers the first and last ids.
     */
    public synchronized long[] seedCompanies(int count, Instant modified) {
        Instant at = modified == null ? now() : modified.truncatedTo(ChronoUnit.MILLIS);
        long first = ids.get() + 1;
        for (int i = 0; i < count; i++) {
            long id = nextId();
            String serial = String.format("%07d", id % 8_000_000);
            save(new Company(id, "Azienda " + id, "C" + id, "Via Roma " + (1 + id % 200), "Milano", "MI", "20100",
                    "IT", partitaIva(serial + "001"), null, "info" + id + "@azienda.example", "02 " + (1000000 + id % 8999999),
                    null, List.of(), at, at));
        }
        return new long[] {first, ids.get()};
    }

    /** Appends the check digit (Luhn variant of the Agenzia delle Entrate) to ten digits. */
    static String partitaIva(String tenDigits) {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            int d = tenDigits.charAt(i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return tenDigits + (10 - sum % 10) % 10;
    }
}
