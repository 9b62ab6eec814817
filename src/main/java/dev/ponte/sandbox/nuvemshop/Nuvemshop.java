package dev.ponte.sandbox.nuvemshop;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponte.sandbox.SandboxVendor;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Nuvemshop emulator's state (wave2-contracts §2): one partner app ({@link #APP_ID}, {@link #APP_SECRET}) installed
 * in any number of stores, each store's orders, products and webhook subscriptions, the access tokens issued, the
 * deliveries made, and the leaky bucket of each store and app. Records are JSON objects in Nuvemshop's field names,
 * amounts as decimal strings; ids are numbers. A {@code @Singleton}: the resources of this package read its maps
 * directly and change a record under the record's lock.
 */
@IfBuildProperty(name = "ponte.sandbox.included", stringValue = "true")
@Singleton
public class Nuvemshop implements SandboxVendor {

    public static final String NAME = "nuvemshop";
    /** The sandbox app's id and secret (sandbox values, not secrets): the secret signs every webhook. */
    public static final String APP_ID = "4321";
    public static final String APP_SECRET = "sandbox-nuvemshop-app-secret";
    /** The store a consent installs the app in unless the authorize URL names another ({@code store}). */
    public static final String DEFAULT_STORE = "1001";
    /** The vendor's bucket: 40 requests, draining at 2 per second, per store and app [V README]. */
    static final int CAPACITY = 40;
    static final double DRAIN_PER_SECOND = 2;
    /** "2022-02-23T12:25:18+0000": the offset without a colon, as the vendor's examples write it. */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Store id → (record id → record). */
    final Map<String, Map<String, ObjectNode>> orders = new ConcurrentHashMap<>();
    final Map<String, Map<String, ObjectNode>> products = new ConcurrentHashMap<>();
    final Map<String, Map<String, ObjectNode>> webhooks = new ConcurrentHashMap<>();
    /** Access token → store id; a code → store id until exchanged. */
    final Map<String, String> tokens = new ConcurrentHashMap<>();
    final Map<String, String> codes = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<Map<String, Object>> deliveries = new ConcurrentLinkedQueue<>();
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private volatile int capacity = CAPACITY;
    private volatile double drainPerSecond = DRAIN_PER_SECOND;
    private final AtomicLong ids = new AtomicLong();
    private final Clock clock;
    final ObjectMapper json;

    public Nuvemshop(Instance<Clock> clock, ObjectMapper json) {
        this.clock = clock.isResolvable() ? clock.get() : Clock.systemUTC();
        this.json = json;
        reset();
    }

    @Override
    public String name() {
        return NAME;
    }

    /** {@code {code, message, description}}: the shape of the vendor's generic errors (a guess; 422 has its own). */
    @Override
    public Response error(int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", status);
        body.put("message", Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase());
        body.put("description", message);
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }

    WebApplicationException failure(int status, String message) {
        return new WebApplicationException(error(status, message));
    }

    /** 422 with a map of field → messages, e.g. {@code {"url": ["invalid url specified"]}} [V README, webhook.md]. */
    WebApplicationException invalid(String field, String message) {
        return new WebApplicationException(Response.status(422).type(MediaType.APPLICATION_JSON)
                .entity(Map.of(field, List.of(message))).build());
    }

    @Override
    public final void reset() {
        Stream.of(orders, products, webhooks).forEach(Map::clear);
        Stream.of(tokens, codes).forEach(Map::clear);
        deliveries.clear();
        buckets.clear();
        capacity = CAPACITY;
        drainPerSecond = DRAIN_PER_SECOND;
        ids.set(100);
    }

    @Override
    public Map<String, Object> snapshot() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("app_id", APP_ID);
        state.put("orders", all(orders));
        state.put("products", all(products));
        state.put("webhooks", all(webhooks));
        state.put("installed_stores", tokens.values().stream().distinct().sorted().toList());
        state.put("deliveries", List.copyOf(deliveries));
        state.put("limits", Map.of("capacity", capacity, "drain_per_second", drainPerSecond));
        return state;
    }

    private static List<ObjectNode> all(Map<String, Map<String, ObjectNode>> byStore) {
        return byStore.values().stream().flatMap(m -> m.values().stream())
                .sorted(Comparator.comparingLong(n -> n.path("id").asLong())).toList();
    }

    Map<String, ObjectNode> of(Map<String, Map<String, ObjectNode>> byStore, String store) {
        return byStore.computeIfAbsent(store, s -> new ConcurrentHashMap<>());
    }

    long nextId() {
        return ids.incrementAndGet();
    }

    String now() {
        return TIME.format(OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC));
    }

    String newToken() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The hex HMAC-SHA256 of the raw body keyed with the app's secret: {@code X-Linkedstore-HMAC-SHA256}. */
    static String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    void limits(Integer newCapacity, Double newDrain) {
        capacity = newCapacity == null ? CAPACITY : newCapacity;
        drainPerSecond = newDrain == null ? DRAIN_PER_SECOND : newDrain;
        buckets.clear();
    }

    /** Adds one request to the store's bucket; false when it is full (429). */
    boolean admit(String store) {
        return buckets.computeIfAbsent(store, s -> new Bucket()).admit(capacity, drainPerSecond);
    }

    /** {@code x-rate-limit-limit}, {@code -remaining} and {@code -reset} (ms until the bucket is empty) [V README]. */
    @Override
    public void decorate(ContainerRequestContext request, ContainerResponseContext response) {
        String store = NuvemshopAuthFilter.storeOf(request.getUriInfo().getPath());
        if (store == null) {
            return;
        }
        Bucket bucket = buckets.computeIfAbsent(store, s -> new Bucket());
        double level = bucket.level(drainPerSecond);
        var headers = response.getHeaders();
        headers.putSingle("x-rate-limit-limit", capacity);
        headers.putSingle("x-rate-limit-remaining", Math.max(0, (int) Math.floor(capacity - level)));
        headers.putSingle("x-rate-limit-reset", (long) Math.ceil(level / drainPerSecond * 1000));
    }

    /** A leaky bucket: each request adds one, and it drains continuously. */
    private static final class Bucket {

        private double level;
        private long at = System.nanoTime();

        synchronized boolean admit(int capacity, double drain) {
            drain(drain);
            if (level + 1 > capacity) {
                return false;
            }
            level += 1;
            return true;
        }

        synchronized double level(double drain) {
            drain(drain);
            return level;
        }

        private void drain(double drain) {
            long now = System.nanoTime();
            level = Math.max(0, level - (now - at) / 1e9 * drain);
            at = now;
        }
    }
}
