package dev.ponte.sandbox.reviso;

import dev.ponte.sandbox.SandboxVendor;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The Reviso emulator's state: one Italian agreement, its reference data, customers, products and quotations. A
 * {@code @Singleton} (no client proxy) because the resources of this package read it directly.
 *
 * <p>Customers are kept twice under one lock: by number, and ordered by {@code lastUpdated} then number, so a
 * {@code lastUpdated$gt:} filter reads only the customers changed since, even among 100,000.
 */
@IfBuildProperty(name = "ponte.sandbox.included", stringValue = "true")
@Singleton
public class Reviso implements SandboxVendor {

    public static final String NAME = "reviso";
    /** The tokens the emulator accepts (a sandbox's, not secrets); {@code demo} for both reads only. */
    public static final String APP_SECRET_TOKEN = "sandbox-app-secret-token";
    public static final String AGREEMENT_GRANT_TOKEN = "sandbox-agreement-grant-token";
    static final String DEMO = "demo";
    static final String AGREEMENT_COUNTRY = "IT";
    static final Set<String> EU = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU",
            "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");

    /** A customer as stored; the JSON shape is drawn by {@link #render(Customer)}. */
    record Customer(int customerNumber, String name, String currency, Integer customerGroupNumber,
            Integer paymentTermsNumber, Integer vatZoneNumber, Integer paymentTypeNumber, Integer priceGroupNumber,
            String vatNumber, String corporateIdentificationNumber, String email, String telephoneAndFaxNumber,
            String mobilePhone, String address, String city, String zip, String countryCode, Integer provinceNumber,
            String italianCertifiedEmail, Instant lastUpdated) {

        Object field(String field) {
            return switch (field) {
                case "customerNumber" -> customerNumber;
                case "name" -> name;
                case "currency" -> currency;
                case "customerGroup.customerGroupNumber" -> customerGroupNumber;
                case "paymentTerms.paymentTermsNumber" -> paymentTermsNumber;
                case "vatZone.vatZoneNumber" -> vatZoneNumber;
                case "vatNumber" -> vatNumber;
                case "corporateIdentificationNumber" -> corporateIdentificationNumber;
                case "email" -> email;
                case "city" -> city;
                case "zip" -> zip;
                case "countryCode.code" -> countryCode;
                case "lastUpdated" -> lastUpdated;
                default -> throw RevisoErrors.badRequest(String.format(RevisoErrors.BAD_FILTER, field));
            };
        }
    }

    private record UpdatedKey(Instant lastUpdated, int customerNumber) implements Comparable<UpdatedKey> {
        @Override
        public int compareTo(UpdatedKey o) {
            int c = lastUpdated.compareTo(o.lastUpdated);
            return c != 0 ? c : Integer.compare(customerNumber, o.customerNumber);
        }
    }

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final TreeMap<Integer, Customer> customers = new TreeMap<>();
    private final TreeMap<UpdatedKey, Customer> byUpdated = new TreeMap<>();
    final Map<String, Map<String, Object>> products = new ConcurrentHashMap<>();
    final Map<Integer, Map<String, Object>> quotations = new ConcurrentHashMap<>();
    private final AtomicInteger quotationNumbers = new AtomicInteger();
    private final Clock clock;

    /** Reference data by collection path, e.g. {@code vat-zones}; rows carry relative {@code self} links. */
    final Map<String, List<Map<String, Object>>> reference = RevisoSeeds.reference();

    public Reviso(Instance<Clock> clock) {
        this.clock = clock.isResolvable() ? clock.get() : Clock.systemUTC();
        reset();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Response error(int status, String message) {
        return RevisoErrors.body(status, status == 401 ? RevisoErrors.LOGIN_FAILED : message);
    }

    @Override
    public void reset() {
        lock.writeLock().lock();
        try {
            customers.clear();
            byUpdated.clear();
            products.clear();
            quotations.clear();
            quotationNumbers.set(20000);
            RevisoSeeds.customers(now()).forEach(this::put);
            RevisoSeeds.products(now()).forEach(p -> products.put((String) p.get("productNumber"), p));
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public Map<String, Object> snapshot() {
        Map<String, Object> state = new LinkedHashMap<>();
        lock.readLock().lock();
        try {
            state.put("customers", customers.size());
            state.put("lastCustomers", customers.descendingMap().values().stream().limit(20).map(this::render)
                    .toList());
        } finally {
            lock.readLock().unlock();
        }
        state.put("products", products.keySet().stream().sorted().toList());
        state.put("quotations", quotations.values().stream()
                .sorted(java.util.Comparator.comparing(q -> (Integer) q.get("id"))).toList());
        return state;
    }

    /** Now, to the second: Reviso's {@code lastUpdated} has no fractions (community example). */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    // --- customers ---

    Customer customer(int number) {
        lock.readLock().lock();
        try {
            return customers.get(number);
        } finally {
            lock.readLock().unlock();
        }
    }

    int customerCount() {
        lock.readLock().lock();
        try {
            return customers.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Customers passing {@code filter}, in number order or, under a lower bound on lastUpdated, in that order. */
    List<Customer> customers(RevisoQuery.Filter filter) {
        lock.readLock().lock();
        try {
            Instant from = filter == null ? null : filter.lowerBound("lastUpdated");
            Collection<Customer> source = from == null ? customers.values()
                    : byUpdated.tailMap(new UpdatedKey(from, Integer.MIN_VALUE), true).values();
            List<Customer> matched = new ArrayList<>();
            for (Customer c : source) {
                if (filter == null || filter.test(c, Customer::field)) {
                    matched.add(c);
                }
            }
            return matched;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Creates (number 0: the next free one) or replaces a customer, stamping lastUpdated unless given. */
    Customer save(Customer draft, boolean keepLastUpdated) {
        lock.writeLock().lock();
        try {
            int number = draft.customerNumber() > 0 ? draft.customerNumber()
                    : customers.isEmpty() ? 1 : customers.lastKey() + 1;
            Instant updated = keepLastUpdated && draft.lastUpdated() != null ? draft.lastUpdated() : now();
            Customer saved = new Customer(number, draft.name(), draft.currency(), draft.customerGroupNumber(),
                    draft.paymentTermsNumber(), draft.vatZoneNumber(), draft.paymentTypeNumber(),
                    draft.priceGroupNumber(), draft.vatNumber(), draft.corporateIdentificationNumber(), draft.email(),
                    draft.telephoneAndFaxNumber(), draft.mobilePhone(), draft.address(), draft.city(), draft.zip(),
                    draft.countryCode(), draft.provinceNumber(), draft.italianCertifiedEmail(), updated);
            put(saved);
            return saved;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Many customers at once under one lock (bulk seeding). */
    int saveAll(List<Customer> drafts) {
        lock.writeLock().lock();
        try {
            drafts.forEach(d -> save(d, true));
            return drafts.size();
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void put(Customer c) {
        Customer old = customers.put(c.customerNumber(), c);
        if (old != null) {
            byUpdated.remove(new UpdatedKey(old.lastUpdated(), old.customerNumber()));
        }
        byUpdated.put(new UpdatedKey(c.lastUpdated(), c.customerNumber()), c);
    }

    /** The customer's JSON, as in specs/reviso/customer.get.example.community.json; self links relative. */
    Map<String, Object> render(Customer c) {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "address", c.address());
        m.put("balance", BigDecimal.ZERO);
        m.put("barred", false);
        put(m, "city", c.city());
        m.put("contacts", "/customers/" + c.customerNumber() + "/contacts");
        put(m, "corporateIdentificationNumber", c.corporateIdentificationNumber());
        if (c.countryCode() != null) {
            m.put("country", new Locale("", c.countryCode()).getDisplayCountry(Locale.ITALIAN).toUpperCase(Locale.ROOT));
            m.put("countryCode", ref("code", c.countryCode(), "/country-codes/"));
        }
        m.put("currency", c.currency());
        m.put("customerGroup", ref("customerGroupNumber", c.customerGroupNumber(), "/customer-groups/"));
        put(m, "email", c.email());
        put(m, "italianCertifiedEmail", c.italianCertifiedEmail());
        m.put("italianCustomerType", "none");
        m.put("lastUpdated", c.lastUpdated());
        put(m, "mobilePhone", c.mobilePhone());
        m.put("paymentTerms", ref("paymentTermsNumber", c.paymentTermsNumber(), "/payment-terms/"));
        if (c.paymentTypeNumber() != null) {
            m.put("paymentType", ref("paymentTypeNumber", c.paymentTypeNumber(), "/payment-types/"));
        }
        if (c.priceGroupNumber() != null) {
            m.put("priceGroup", ref("priceGroupNumber", c.priceGroupNumber(), "/price-groups/"));
        }
        if (c.provinceNumber() != null) {
            Map<String, Object> province = new LinkedHashMap<>();
            if (c.countryCode() != null) {
                province.put("countryCode", ref("code", c.countryCode(), "/country-codes/"));
            }
            province.put("provinceNumber", c.provinceNumber());
            province.put("self", "/provinces/" + c.countryCode() + "/" + c.provinceNumber());
            m.put("province", province);
        }
        m.put("splitPayment", false);
        put(m, "telephoneAndFaxNumber", c.telephoneAndFaxNumber());
        put(m, "vatNumber", c.vatNumber());
        m.put("vatZone", ref("vatZoneNumber", c.vatZoneNumber(), "/vat-zones/"));
        put(m, "zip", c.zip());
        m.put("customerNumber", c.customerNumber());
        m.put("name", c.name());
        m.put("self", "/customers/" + c.customerNumber());
        return m;
    }

    private static void put(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    static Map<String, Object> ref(String key, Object value, String path) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key, value);
        m.put("self", path + value);
        return m;
    }

    // --- reference data ---

    List<Map<String, Object>> reference(String path) {
        return reference.getOrDefault(path, List.of());
    }

    Map<String, Object> find(String path, String key, Object value) {
        if (value == null) {
            return null;
        }
        return reference(path).stream().filter(row -> String.valueOf(value).equals(String.valueOf(row.get(key))))
                .findFirst().orElse(null);
    }

    int nextQuotationNumber() {
        return quotationNumbers.incrementAndGet();
    }

    // --- JSON helpers ---

    /** The value at a dotted path of nested maps, or null. */
    @SuppressWarnings("unchecked")
    static Object path(Map<String, Object> row, String field) {
        Object node = row;
        for (String part : field.split("\\.")) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = ((Map<String, Object>) map).get(part);
        }
        return node;
    }

    /** A deep copy with every relative {@code self}-like link made absolute under the sandbox's root. */
    @SuppressWarnings("unchecked")
    static Object absolute(Object value, String root) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> copy.put(k, v instanceof String s && s.startsWith("/")
                    && (k.equals("self") || k.equals("contacts") || k.equals("download")) ? root + s
                    : absolute(v, root)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(v -> absolute(v, root)).toList();
        }
        return value;
    }

    static String root(UriInfo uri) {
        return uri.getBaseUriBuilder().path("sandbox").path(NAME).build().toString();
    }
}
