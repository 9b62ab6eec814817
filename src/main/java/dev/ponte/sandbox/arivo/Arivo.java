package dev.ponte.sandbox.arivo;

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
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The Arivo CRM emulator's state (wave2-contracts §3): contacts (persons and companies), products, deals with their
 * quote items, webhook subscriptions and the deliveries made. Records are kept as JSON objects in Arivo's field
 * names, ids as strings (as the vendor's fixtures mostly write them). A {@code @Singleton} (no client proxy): the
 * resources of this package read its maps directly, and change a record under the record's map lock.
 */
@IfBuildProperty(name = "ponte.sandbox.included", stringValue = "true")
@Singleton
public class Arivo implements SandboxVendor {

    public static final String NAME = "arivo";
    /** The API key the emulator accepts (a sandbox value, not a secret). */
    public static final String API_KEY = "sandbox-arivo-key";
    /** Arivo's limits are unpublished; the headers show this guess, the emulator does not enforce it. */
    static final int LIMIT = 120;

    final Map<String, ObjectNode> contacts = new ConcurrentHashMap<>();
    final Map<String, ObjectNode> products = new ConcurrentHashMap<>();
    final Map<String, ObjectNode> deals = new ConcurrentHashMap<>();
    final Map<String, ObjectNode> webhooks = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<Map<String, Object>> deliveries = new ConcurrentLinkedQueue<>();
    private final AtomicLong ids = new AtomicLong();
    private final Clock clock;
    final ObjectMapper json;

    public Arivo(Instance<Clock> clock, ObjectMapper json) {
        this.clock = clock.isResolvable() ? clock.get() : Clock.systemUTC();
        this.json = json;
        reset();
    }

    @Override
    public String name() {
        return NAME;
    }

    /** {@code {message}}, one of the bodies the vendor's client accepts; 422 uses {@link #invalid}. */
    @Override
    public Response error(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("message", message)).build();
    }

    WebApplicationException failure(int status, String message) {
        return new WebApplicationException(error(status, message));
    }

    /** 422 with {@code {errors:{field:[messages]}}}, the shape the contract assumes for validation. */
    WebApplicationException invalid(String field, String message) {
        return new WebApplicationException(Response.status(422).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("errors", Map.of(field, List.of(message)))).build());
    }

    @Override
    public final void reset() {
        Stream.of(contacts, products, deals, webhooks).forEach(Map::clear);
        deliveries.clear();
        ids.set(0);
    }

    @Override
    public Map<String, Object> snapshot() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("api_key", API_KEY);
        state.put("contacts", sorted(contacts));
        state.put("products", sorted(products));
        state.put("deals", sorted(deals));
        state.put("webhooks", sorted(webhooks));
        state.put("deliveries", List.copyOf(deliveries));
        return state;
    }

    private static List<ObjectNode> sorted(Map<String, ObjectNode> map) {
        return map.values().stream().sorted(Comparator.comparingLong(n -> n.path("id").asLong())).toList();
    }

    /** {@code x-ratelimit-remaining} and {@code x-ratelimit-reset} (epoch seconds), the headers the vendor's node reads. */
    @Override
    public void decorate(ContainerRequestContext request, ContainerResponseContext response) {
        var headers = response.getHeaders();
        headers.putSingle("x-ratelimit-remaining", response.getStatus() == 429 ? 0 : LIMIT - 1);
        headers.putSingle("x-ratelimit-reset", clock.instant().getEpochSecond() + 60);
    }

    String nextId() {
        return String.valueOf(ids.incrementAndGet());
    }

    /** ISO with the {@code -03:00} offset, whole seconds, as the vendor's fixtures write times. */
    String now() {
        return OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.ofHours(-3))
                .toString();
    }

    ObjectNode record(String object) {
        ObjectNode node = json.createObjectNode();
        node.put("id", nextId());
        node.put("object", object);
        String now = now();
        node.put("created_at", now);
        node.put("updated_at", now);
        return node;
    }
}
