package dev.ponte.sandbox.moskit;

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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The Moskit CRM emulator's state (API v2 as community clients read it, wave2-contracts §1): one account with one
 * user and two pipelines, and its records kept as the JSON Moskit answers. A {@code @Singleton} (no client proxy)
 * because the resources of this package read its maps directly.
 */
@IfBuildProperty(name = "ponte.sandbox.included", stringValue = "true")
@Singleton
public class Moskit implements SandboxVendor {

    public static final String NAME = "moskit";
    /** The API key the emulator accepts (a sandbox value, not a secret). */
    public static final String API_KEY = "sandbox-moskit-key";
    /** Pipeline 1 ("Vendas") has stages 11 and 12, pipeline 2 ("Parcerias") stage 21. */
    static final long PIPELINE_SALES = 1;
    static final long PIPELINE_PARTNERS = 2;
    static final long USER_ID = 1;
    /**
     * The community's observed v2 limits (about 6/s and 240/min per account), enforced on {@code /v2/} by default and
     * reported in the headers Moskit sends; tests that lift them say why.
     */
    static final int LIMIT_SECOND = 6;
    static final int LIMIT_MINUTE = 240;
    private final dev.ponte.sandbox.RateLimit limits = new dev.ponte.sandbox.RateLimit("/v2/",
            new dev.ponte.sandbox.RateLimit.Limits(LIMIT_SECOND, LIMIT_MINUTE));

    @Override
    public java.util.Optional<dev.ponte.sandbox.RateLimit> rateLimit() {
        return java.util.Optional.of(limits);
    }

    final ObjectMapper json = new ObjectMapper();
    final Map<Long, ObjectNode> deals = new ConcurrentHashMap<>();
    final Map<Long, ObjectNode> contacts = new ConcurrentHashMap<>();
    final Map<Long, ObjectNode> companies = new ConcurrentHashMap<>();
    final Map<Long, ObjectNode> products = new ConcurrentHashMap<>();
    final Map<String, ObjectNode> customFields = new ConcurrentHashMap<>();
    final Map<Long, ObjectNode> stages = new ConcurrentHashMap<>();
    final Map<Long, ObjectNode> users = new ConcurrentHashMap<>();
    final List<Map<String, Object>> deliveries = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private final Clock clock;

    public Moskit(Instance<Clock> clock) {
        this.clock = clock.isResolvable() ? clock.get() : Clock.systemUTC();
        reset();
    }

    @Override
    public String name() {
        return NAME;
    }

    /** No error body is documented; {@code {status, message}} is a guess that community clients would log. */
    @Override
    public Response error(int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("message", message);
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }

    WebApplicationException failure(int status, String message) {
        return new WebApplicationException(error(status, message));
    }

    @Override
    public final void reset() {
        Stream.of(deals, contacts, companies, products, customFields, stages, users).forEach(Map::clear);
        deliveries.clear();
        ids.set(100);
        stage(11, "Prospecção", PIPELINE_SALES);
        stage(12, "Negociação", PIPELINE_SALES);
        stage(21, "Contato", PIPELINE_PARTNERS);
        ObjectNode user = json.createObjectNode().put("id", USER_ID).put("name", "Ana Souza")
                .put("username", "ana@example.com");
        users.put(USER_ID, user);
    }

    private void stage(long id, String name, long pipeline) {
        ObjectNode stage = json.createObjectNode().put("id", id).put("name", name);
        stage.putObject("pipeline").put("id", pipeline);
        stages.put(id, stage);
    }

    @Override
    public Map<String, Object> snapshot() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("api_key", API_KEY);
        state.put("deals", sorted(deals));
        state.put("contacts", sorted(contacts));
        state.put("companies", sorted(companies));
        state.put("products", sorted(products));
        state.put("custom_fields", List.copyOf(customFields.values()));
        state.put("deliveries", List.copyOf(deliveries));
        return state;
    }

    private static List<ObjectNode> sorted(Map<Long, ObjectNode> map) {
        return map.values().stream().sorted(Comparator.comparingLong(n -> n.get("id").asLong())).toList();
    }

    /** The rate-limit headers the community saw on v2 (numbers as observed, not a countdown). */
    @Override
    public void decorate(ContainerRequestContext request, ContainerResponseContext response) {
        var headers = response.getHeaders();
        headers.putSingle("x-ratelimit-limit-second", LIMIT_SECOND);
        headers.putSingle("x-ratelimit-limit-minute", LIMIT_MINUTE);
        headers.putSingle("x-ratelimit-remaining-second", response.getStatus() == 429 ? 0 : LIMIT_SECOND - 1);
        headers.putSingle("x-ratelimit-remaining-minute", response.getStatus() == 429 ? 0 : LIMIT_MINUTE - 1);
        headers.putSingle("ratelimit-reset", 1);
    }

    long nextId() {
        return ids.incrementAndGet();
    }

    /** ISO-8601 in UTC with milliseconds, as v2 dates are written. */
    String now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
    }

    Instant instant() {
        return clock.instant();
    }
}
