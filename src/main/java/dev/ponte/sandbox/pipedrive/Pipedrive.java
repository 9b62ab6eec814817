package dev.ponte.sandbox.pipedrive;

import dev.ponte.sandbox.SandboxVendor;
import dev.ponte.sandbox.pipedrive.PipedriveModel.Deal;
import dev.ponte.sandbox.pipedrive.PipedriveModel.DealField;
import dev.ponte.sandbox.pipedrive.PipedriveModel.DealProduct;
import dev.ponte.sandbox.pipedrive.PipedriveModel.Delivery;
import dev.ponte.sandbox.pipedrive.PipedriveModel.Organization;
import dev.ponte.sandbox.pipedrive.PipedriveModel.Person;
import dev.ponte.sandbox.pipedrive.PipedriveModel.Product;
import dev.ponte.sandbox.pipedrive.PipedriveModel.Webhook;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The Pipedrive emulator's state: one company with an admin and a regular user, and its records. A {@code @Singleton} (no client proxy) because the resources of
 * this package read its maps directly.
 */
@IfBuildProperty(name = "ponte.sandbox.included", stringValue = "true")
@Singleton
public class Pipedrive implements SandboxVendor {

    public static final String NAME = "pipedrive";
    /** API tokens the emulator accepts (sandbox values, not secrets). */
    public static final String ADMIN_TOKEN = "sandbox-admin-token";
    public static final String USER_TOKEN = "sandbox-user-token";
    static final long COMPANY_ID = 12882925;
    static final long ADMIN_USER_ID = 1;
    static final long REGULAR_USER_ID = 2;
    static final String HOST = "sandbox.pipedrive.com";
    /**
     * Burst limit per token per 2-second window: the older docs give 20–120 for API tokens by plan, so 80 is a
     * guess; the daily budget likewise. Headers only — the emulator does not enforce them (inject 429 instead).
     */
    static final int BURST_LIMIT = 80;
    static final long WINDOW_MILLIS = 2000;
    static final int DAILY_BUDGET = 10_000;
    private static final DateTimeFormatter V1_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private record Window(long start, int used, int daily) {
    }

    final Map<Long, Deal> deals = new ConcurrentHashMap<>();
    final Map<Long, List<DealProduct>> dealProducts = new ConcurrentHashMap<>();
    final Map<Long, Person> persons = new ConcurrentHashMap<>();
    final Map<Long, Organization> organizations = new ConcurrentHashMap<>();
    final Map<Long, Product> products = new ConcurrentHashMap<>();
    final Map<Long, DealField> dealFields = new ConcurrentHashMap<>();
    final Map<Long, Webhook> webhooks = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<Delivery> deliveries = new ConcurrentLinkedQueue<>();
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final Clock clock;

    public Pipedrive(Instance<Clock> clock) {
        this.clock = clock.isResolvable() ? clock.get() : Clock.systemUTC();
        reset();
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Pipedrive's error body: {@code {success:false, error, error_info, data:null, additional_data:null}}
     * (openapi-v1.yaml, e.g. the 400 of /activities); the 401 examples also carry {@code errorCode}.
     */
    @Override
    public Response error(int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", false);
        body.put("error", message);
        if (status == 401) {
            body.put("errorCode", 401);
        }
        body.put("error_info", "Please check developers.pipedrive.com for more information about Pipedrive API.");
        body.put("data", null);
        body.put("additional_data", null);
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }

    WebApplicationException failure(int status, String message) {
        return new WebApplicationException(error(status, message));
    }

    @Override
    public final void reset() {
        Stream.of(deals, dealProducts, persons, organizations, products, dealFields, webhooks, windows)
                .forEach(Map::clear);
        deliveries.clear();
        ids.set(0);
        // Standard deal fields have readable keys; custom ones get 40-char hashes (openapi-v1.yaml /dealFields).
        List.of(new String[] {"title", "Title", "varchar"}, new String[] {"value", "Value", "monetary"},
                new String[] {"status", "Status", "status"}, new String[] {"won_time", "Won time", "date"})
                .forEach(f -> {
                    long id = nextId();
                    dealFields.put(id, new DealField(id, f[0], f[1], (int) id, f[2], v1Time(), v1Time(), true,
                            false, "title".equals(f[0]), null));
                });
    }

    @Override
    public Map<String, Object> snapshot() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("admin_token", ADMIN_TOKEN);
        state.put("user_token", USER_TOKEN);
        state.put("deals", sorted(deals, Deal::id));
        state.put("persons", sorted(persons, Person::id));
        state.put("organizations", sorted(organizations, Organization::id));
        state.put("products", sorted(products, Product::id));
        state.put("deal_fields", sorted(dealFields, DealField::id));
        state.put("webhooks", sorted(webhooks, Webhook::id));
        state.put("deliveries", List.copyOf(deliveries));
        return state;
    }

    private static <V> List<V> sorted(Map<Long, V> map, java.util.function.ToLongFunction<V> id) {
        return map.values().stream().sorted(Comparator.comparingLong(id)).toList();
    }

    /** Adds {@code x-ratelimit-*} and {@code x-daily-requests-left} (names from the older rate-limit docs). */
    @Override
    public void decorate(ContainerRequestContext request, ContainerResponseContext response) {
        Object token = request.getProperty(PipedriveAuthFilter.TOKEN_PROPERTY);
        String key = token == null ? "anonymous" : token.toString();
        long now = clock.millis();
        Window w = windows.compute(key, (k, old) -> old == null ? new Window(now, 1, 1)
                : now - old.start() >= WINDOW_MILLIS ? new Window(now, 1, old.daily() + 1)
                : new Window(old.start(), old.used() + 1, old.daily() + 1));
        boolean limited = response.getStatus() == 429;
        var headers = response.getHeaders();
        headers.putSingle("x-ratelimit-limit", BURST_LIMIT);
        headers.putSingle("x-ratelimit-remaining", limited ? 0 : Math.max(0, BURST_LIMIT - w.used()));
        headers.putSingle("x-ratelimit-reset", Math.max(1, (w.start() + WINDOW_MILLIS - now + 999) / 1000));
        headers.putSingle("x-daily-requests-left", Math.max(0, DAILY_BUDGET - w.daily()));
    }

    long nextId() {
        return ids.incrementAndGet();
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    String v1Time() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).format(V1_TIME);
    }

    List<DealProduct> productsOf(long dealId) {
        return dealProducts.getOrDefault(dealId, Collections.emptyList());
    }

    void attach(long dealId, DealProduct product) {
        dealProducts.compute(dealId, (id, list) -> {
            List<DealProduct> copy = list == null ? new ArrayList<>() : new ArrayList<>(list);
            copy.add(product);
            return List.copyOf(copy);
        });
    }
}
