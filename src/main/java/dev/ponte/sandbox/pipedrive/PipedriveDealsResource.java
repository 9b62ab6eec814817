package dev.ponte.sandbox.pipedrive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponte.sandbox.pipedrive.PipedriveModel.Deal;
import dev.ponte.sandbox.pipedrive.PipedriveModel.DealProduct;
import dev.ponte.sandbox.pipedrive.PipedriveModel.Envelope;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.ResponseStatus;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Deals, API v2 (specs/pipedrive/openapi-v2.yaml: /deals, /deals/{id}, /deals/{id}/products). */
@IfBuildProperty(name = "ponte.sandbox.included", stringValue = "true")
@Path("/sandbox/pipedrive/api/v2/deals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PipedriveDealsResource {

    private static final Set<String> STATUSES = Set.of("open", "won", "lost", "deleted");
    private static final int MAX_LIMIT = 500;

    private final Pipedrive state;
    private final WebhookDispatcher webhooks;
    private final ObjectMapper mapper;

    public PipedriveDealsResource(Pipedrive state, WebhookDispatcher webhooks, ObjectMapper mapper) {
        this.state = state;
        this.webhooks = webhooks;
        this.mapper = mapper;
    }

    /**
     * Sorted by id ascending (the default {@code sort_by}); other sort orders are not emulated. Without
     * {@code status}, deleted deals are left out (spec).
     */
    @GET
    public Envelope<List<Deal>> list(@QueryParam("status") String status,
                                     @QueryParam("updated_since") String updatedSince,
                                     @QueryParam("updated_until") String updatedUntil,
                                     @QueryParam("person_id") Long personId,
                                     @QueryParam("org_id") Long orgId,
                                     @QueryParam("limit") @DefaultValue("100") int limit,
                                     @QueryParam("cursor") String cursor) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw state.failure(400, "Parameter 'limit' must be between 1 and 500");
        }
        Set<String> statuses = status == null ? Set.of("open", "won", "lost") : Set.of(status.split(","));
        if (!STATUSES.containsAll(statuses)) {
            throw state.failure(400, "Invalid status: " + status);
        }
        Instant since = instant("updated_since", updatedSince);
        Instant until = instant("updated_until", updatedUntil);
        long after = cursor == null ? 0 : decodeCursor(cursor);
        List<Deal> matching = state.deals.values().stream()
                .filter(d -> statuses.contains(d.status()))
                .filter(d -> since == null || !d.updateTime().isBefore(since))
                .filter(d -> until == null || d.updateTime().isBefore(until))
                .filter(d -> personId == null || personId.equals(d.personId()))
                .filter(d -> orgId == null || orgId.equals(d.orgId()))
                .filter(d -> d.id() > after)
                .sorted(Comparator.comparingLong(Deal::id))
                .limit(limit + 1L)
                .toList();
        List<Deal> page = matching.subList(0, Math.min(limit, matching.size()));
        String next = matching.size() > limit ? encodeCursor(page.get(page.size() - 1).id()) : null;
        return new Envelope<>(true, page, nextCursor(next));
    }

    static Map<String, Object> nextCursor(String next) {
        Map<String, Object> additional = new HashMap<>();
        additional.put("next_cursor", next);
        return additional;
    }

    /** Cursors look like the spec's example: base64 of {"field":"id","fieldValue":7,"sortDirection":"asc","id":7}. */
    static String encodeCursor(long id) {
        String json = "{\"field\":\"id\",\"fieldValue\":" + id + ",\"sortDirection\":\"asc\",\"id\":" + id + "}";
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private long decodeCursor(String cursor) {
        try {
            JsonNode json = mapper.readTree(Base64.getUrlDecoder().decode(cursor));
            return json.get("id").asLong();
        } catch (Exception e) {
            throw state.failure(400, "Invalid cursor");
        }
    }

    private Instant instant(String field, String value) {
        try {
            return value == null ? null : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw state.failure(400, "Parameter '" + field + "' must be in RFC3339 format");
        }
    }

    @GET
    @Path("{id}")
    public Envelope<Deal> get(@PathParam("id") long id) {
        return Envelope.of(deal(id));
    }

    private Deal deal(long id) {
        Deal deal = state.deals.get(id);
        if (deal == null) {
            throw state.failure(404, "Deal not found");
        }
        return deal;
    }

    /** Creating deals is not part of Ponte's contract but lets tests and the demo build data over HTTP. */
    @POST
    public Envelope<Deal> create(JsonNode body, @Context ContainerRequestContext request) {
        String title = PipedriveJson.text(body, "title");
        if (title == null || title.isBlank()) {
            throw state.failure(400, "Validation failed: title: Parameter 'title' is required");
        }
        Instant now = state.now();
        long id = state.nextId();
        Deal deal = new Deal(id, title, userId(request), userId(request),
                Objects.requireNonNullElse(PipedriveJson.decimal(body, "value"), BigDecimal.ZERO),
                PipedriveJson.id(body, "person_id"), PipedriveJson.id(body, "org_id"), 1, 1,
                Objects.requireNonNullElse(PipedriveJson.text(body, "currency"), "BRL"), now, now, null, "open",
                false, null, null, 3, null, null, null, null, List.of(), PipedriveJson.customFields(body));
        Deal created = applyStatus(deal, Objects.requireNonNullElse(PipedriveJson.text(body, "status"), "open"), now);
        state.deals.put(id, created);
        webhooks.publish("create", "deal", id, created, null, userId(request));
        return Envelope.of(created);
    }

    /**
     * Updates title, value, currency, status, person/org/pipeline/stage/owner, lost_reason, expected_close_date
     * and custom fields ({@code null} clears one). Moving to won/lost stamps won_time/lost_time and close_time.
     * The webhook's {@code previous} carries the old values of the changed fields only (inferred, research-notes §2).
     */
    @PATCH
    @Path("{id}")
    public Envelope<Deal> update(@PathParam("id") long id, JsonNode body, @Context ContainerRequestContext request) {
        if (body == null || !body.isObject()) {
            throw state.failure(400, "Request body must be a JSON object");
        }
        String status = PipedriveJson.text(body, "status");
        if (status != null && !STATUSES.contains(status)) {
            throw state.failure(400, "Validation failed: status: must be one of open, won, lost, deleted");
        }
        Map<String, Object> previous = new LinkedHashMap<>();
        Deal updated;
        synchronized (state.deals) {
            Deal old = deal(id);
            Instant now = state.now();
            Map<String, Object> custom = new LinkedHashMap<>(old.customFields());
            Map<String, Object> changedCustom = new LinkedHashMap<>();
            PipedriveJson.customFields(body).forEach((key, value) -> {
                if (!Objects.equals(custom.get(key), value)) {
                    changedCustom.put(key, custom.get(key));
                }
                custom.put(key, value);
            });
            Deal patched = new Deal(old.id(),
                    or(body, "title", PipedriveJson::text, old.title()), old.creatorUserId(),
                    or(body, "owner_id", PipedriveJson::id, old.ownerId()),
                    or(body, "value", PipedriveJson::decimal, old.value()),
                    or(body, "person_id", PipedriveJson::id, old.personId()),
                    or(body, "org_id", PipedriveJson::id, old.orgId()),
                    or(body, "stage_id", PipedriveJson::id, old.stageId()),
                    or(body, "pipeline_id", PipedriveJson::id, old.pipelineId()),
                    or(body, "currency", PipedriveJson::text, old.currency()), old.addTime(), now,
                    body.has("stage_id") ? now : old.stageChangeTime(), old.status(), old.isDeleted(),
                    old.probability(), or(body, "lost_reason", PipedriveJson::text, old.lostReason()),
                    old.visibleTo(), old.closeTime(), old.wonTime(), old.lostTime(),
                    body.hasNonNull("expected_close_date")
                            ? LocalDate.parse(body.get("expected_close_date").asText()) : old.expectedCloseDate(),
                    old.labelIds(), custom);
            updated = status == null || status.equals(old.status()) ? patched : applyStatus(patched, status, now);
            Map<String, Object> before = mapper.convertValue(old, Map.class);
            Map<String, Object> after = mapper.convertValue(updated, Map.class);
            before.forEach((key, value) -> {
                if (!key.equals("update_time") && !key.equals("custom_fields") && !Objects.equals(value, after.get(key))) {
                    previous.put(key, value);
                }
            });
            if (!changedCustom.isEmpty()) {
                previous.put("custom_fields", changedCustom);
            }
            state.deals.put(id, updated);
        }
        webhooks.publish("change", "deal", id, updated, previous.isEmpty() ? null : previous, userId(request));
        return Envelope.of(updated);
    }

    private static <T> T or(JsonNode body, String field, java.util.function.BiFunction<JsonNode, String, T> read,
                            T fallback) {
        T value = read.apply(body, field);
        return value == null ? fallback : value;
    }

    private static Deal applyStatus(Deal d, String status, Instant now) {
        Instant won = "won".equals(status) ? now : null;
        Instant lost = "lost".equals(status) ? now : null;
        Instant close = won != null || lost != null ? now : null;
        return new Deal(d.id(), d.title(), d.creatorUserId(), d.ownerId(), d.value(), d.personId(), d.orgId(),
                d.stageId(), d.pipelineId(), d.currency(), d.addTime(), now, d.stageChangeTime(), status,
                "deleted".equals(status), d.probability(), d.lostReason(), d.visibleTo(), close, won, lost,
                d.expectedCloseDate(), d.labelIds(), d.customFields());
    }

    @GET
    @Path("{id}/products")
    public Envelope<List<DealProduct>> products(@PathParam("id") long id,
                                                @QueryParam("limit") @DefaultValue("100") int limit,
                                                @QueryParam("cursor") String cursor) {
        deal(id);
        long after = cursor == null ? 0 : decodeCursor(cursor);
        List<DealProduct> matching = state.productsOf(id).stream().filter(p -> p.id() > after)
                .limit(Math.min(limit, MAX_LIMIT) + 1L).toList();
        List<DealProduct> page = matching.subList(0, Math.min(limit, matching.size()));
        String next = matching.size() > limit ? encodeCursor(page.get(page.size() - 1).id()) : null;
        return new Envelope<>(true, page, nextCursor(next));
    }

    /** Attach a product: {@code product_id}, {@code item_price}, {@code quantity} required; 201 (addDealProduct). */
    @POST
    @Path("{id}/products")
    @ResponseStatus(201)
    public Envelope<DealProduct> attach(@PathParam("id") long id, JsonNode body) {
        Deal deal = deal(id);
        Long productId = PipedriveJson.id(body, "product_id");
        BigDecimal price = PipedriveJson.decimal(body, "item_price");
        BigDecimal quantity = PipedriveJson.decimal(body, "quantity");
        if (productId == null || price == null || quantity == null) {
            throw state.failure(400, "Validation failed: product_id, item_price and quantity are required");
        }
        var product = state.products.get(productId);
        if (product == null) {
            throw state.failure(404, "Product not found");
        }
        BigDecimal discount = Objects.requireNonNullElse(PipedriveJson.decimal(body, "discount"), BigDecimal.ZERO);
        String discountType = Objects.requireNonNullElse(PipedriveJson.text(body, "discount_type"), "percentage");
        BigDecimal tax = Objects.requireNonNullElse(PipedriveJson.decimal(body, "tax"), BigDecimal.ZERO);
        String taxMethod = Objects.requireNonNullElse(PipedriveJson.text(body, "tax_method"), "inclusive");
        BigDecimal gross = price.multiply(quantity);
        BigDecimal net = discount.signum() == 0 ? gross : "amount".equals(discountType) ? gross.subtract(discount)
                : gross.subtract(gross.multiply(discount).movePointLeft(2));
        BigDecimal sum = tax.signum() != 0 && "exclusive".equals(taxMethod)
                ? net.add(net.multiply(tax).movePointLeft(2)) : net;
        Instant now = state.now();
        DealProduct attached = new DealProduct(state.nextId(), sum, tax, id, product.name(), productId, null,
                state.productsOf(id).size() + 1, now, now, PipedriveJson.text(body, "comments"), deal.currency(),
                discount, quantity, price, taxMethod, discountType,
                !body.path("is_enabled").isBoolean() || body.path("is_enabled").booleanValue(), "one-time", null,
                null);
        state.attach(id, attached);
        return Envelope.of(attached);
    }

    static long userId(ContainerRequestContext request) {
        return Pipedrive.ADMIN_TOKEN.equals(request.getProperty(PipedriveAuthFilter.TOKEN_PROPERTY))
                ? Pipedrive.ADMIN_USER_ID : Pipedrive.REGULAR_USER_ID;
    }
}
