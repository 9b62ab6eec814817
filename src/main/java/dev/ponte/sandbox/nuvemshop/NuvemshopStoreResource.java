package dev.ponte.sandbox.nuvemshop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A store's API under {@code /v1/{store_id}} (wave2-contracts §2): orders (listed by {@code updated_at_min},
 * {@code payment_status}, {@code page}/{@code per_page} up to 200, with {@code Link} and {@code X-Total-Count}),
 * products, and webhook subscriptions ({@code {event, url}}, 422 naming the field). Creating an order takes a
 * simplified body (customer, products by name with price and quantity, {@code shipping_cost_customer}); the answer is
 * an order in the vendor's fields, amounts and quantities as decimal strings. The vendor refuses webhook URLs that are
 * not HTTPS or point to localhost; the emulator must deliver to a local Ponte, so it takes any http(s) URL.
 */
@IfBuildProperty(name = "ponte.sandbox.included", stringValue = "true")
@Path("/sandbox/nuvemshop/v1/{store}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NuvemshopStoreResource {

    /** The 2022 list of events [V webhook.md]. */
    static final Set<String> EVENTS = Set.of("app/uninstalled", "app/suspended", "app/resumed", "category/created",
            "category/updated", "category/deleted", "order/created", "order/updated", "order/paid", "order/packed",
            "order/fulfilled", "order/cancelled", "product/created", "product/updated", "product/deleted",
            "domain/updated", "theme/updated");
    static final Set<String> PAYMENT_STATUSES = Set.of("pending", "authorized", "paid", "abandoned", "refunded",
            "voided");

    private final Nuvemshop state;

    public NuvemshopStoreResource(Nuvemshop state) {
        this.state = state;
    }

    /** The store itself (the vendor's LGPD test tool reads it): here only its id and a name. */
    @GET
    @Path("store")
    public Map<String, Object> store(@PathParam("store") String store) {
        return Map.of("id", Long.parseLong(store), "name", Map.of("pt", "Loja " + store));
    }

    @GET
    @Path("orders")
    public Response orders(@PathParam("store") String store, @QueryParam("updated_at_min") String updatedMin,
            @QueryParam("payment_status") String paymentStatus, @QueryParam("page") Integer page,
            @QueryParam("per_page") Integer perPage, @Context UriInfo uri) {
        OffsetDateTime min = updatedMin == null ? null : time(updatedMin, "updated_at_min");
        if (paymentStatus != null && !"any".equals(paymentStatus) && !PAYMENT_STATUSES.contains(paymentStatus)) {
            throw state.invalid("payment_status", "is not included in the list");
        }
        Predicate<ObjectNode> keep = o -> (min == null || !time(o.path("updated_at").asText(), "updated_at")
                .isBefore(min)) && (paymentStatus == null || "any".equals(paymentStatus)
                        || paymentStatus.equals(o.path("payment_status").asText()));
        return page(state.of(state.orders, store), keep, page, perPage, uri);
    }

    @GET
    @Path("orders/{id}")
    public ObjectNode order(@PathParam("store") String store, @PathParam("id") String id) {
        return find(state.of(state.orders, store), id, "Order");
    }

    @POST
    @Path("orders")
    public Response createOrder(@PathParam("store") String store, ObjectNode body) {
        JsonNode lines = body == null ? null : body.path("products");
        if (lines == null || !lines.isArray() || lines.isEmpty()) {
            throw state.invalid("products", "can't be blank");
        }
        ObjectNode order = state.json.createObjectNode();
        long id = state.nextId();
        order.put("id", id);
        order.put("number", id - 100);
        order.put("token", state.newToken());
        order.put("store_id", store);
        order.put("status", "open");
        String payment = body.path("payment_status").asText("pending");
        if (!PAYMENT_STATUSES.contains(payment)) {
            throw state.invalid("payment_status", "is not included in the list");
        }
        order.put("payment_status", payment);
        order.put("shipping_status", "unpacked");
        order.put("currency", "BRL");
        order.put("gateway", "offline");
        BigDecimal subtotal = BigDecimal.ZERO;
        ArrayNode products = order.putArray("products");
        for (JsonNode line : lines) {
            String name = line.path("name").asText("");
            if (name.isBlank()) {
                throw state.invalid("products.name", "can't be blank");
            }
            BigDecimal price = decimal(line.path("price"), "products.price");
            BigDecimal quantity = decimal(line.path("quantity"), "products.quantity");
            ObjectNode p = products.addObject();
            p.put("id", state.nextId());
            p.put("product_id", line.path("product_id").asLong(state.nextId()));
            p.put("variant_id", state.nextId());
            p.put("name", name);
            p.put("price", money(price));
            p.put("quantity", quantity.stripTrailingZeros().toPlainString());
            p.put("sku", line.path("sku").isTextual() ? line.path("sku").asText() : null);
            p.put("free_shipping", false);
            subtotal = subtotal.add(price.multiply(quantity));
        }
        BigDecimal shipping = body.has("shipping_cost_customer")
                ? decimal(body.path("shipping_cost_customer"), "shipping_cost_customer") : BigDecimal.ZERO;
        // The three discounts are taken off one after the other: that they do not overlap is inferred (the docs list
        // the fields, not how they add up); the coupon's code goes in coupon[].
        BigDecimal off = BigDecimal.ZERO;
        for (String field : List.of("discount", "discount_coupon", "discount_gateway")) {
            BigDecimal amount = body.has(field) ? decimal(body.path(field), field) : BigDecimal.ZERO;
            order.put(field, money(amount));
            off = off.add(amount);
        }
        if (off.compareTo(subtotal.add(shipping)) > 0) {
            throw state.invalid("discount", "must be less than or equal to the order's products and shipping");
        }
        ArrayNode coupons = order.putArray("coupon");
        if (body.path("coupon").isTextual()) {
            coupons.addObject().put("code", body.path("coupon").asText());
        }
        order.put("subtotal", money(subtotal));
        order.put("shipping_cost_owner", money(shipping));
        order.put("shipping_cost_customer", money(shipping));
        order.put("total", money(subtotal.add(shipping).subtract(off)));
        JsonNode customer = body.path("customer");
        ObjectNode c = order.putObject("customer");
        c.put("id", customer.path("id").asLong(state.nextId()));
        for (String field : List.of("name", "email", "identification", "phone")) {
            c.put(field, customer.path(field).isTextual() ? customer.path(field).asText() : null);
        }
        order.put("billing_name", c.path("name").asText(null));
        order.put("billing_phone", body.path("billing_phone").isTextual() ? body.path("billing_phone").asText()
                : c.path("phone").asText(null));
        order.put("contact_email", c.path("email").asText(null));
        String now = state.now();
        order.put("created_at", now);
        order.put("updated_at", now);
        order.putNull("paid_at");
        if ("paid".equals(payment)) {
            order.put("paid_at", now);
        }
        order.putNull("closed_at");
        order.putNull("cancelled_at");
        state.of(state.orders, store).put(String.valueOf(id), order);
        return Response.status(201).entity(order.deepCopy()).build();
    }

    @GET
    @Path("products")
    public Response products(@PathParam("store") String store, @QueryParam("page") Integer page,
            @QueryParam("per_page") Integer perPage, @Context UriInfo uri) {
        return page(state.of(state.products, store), p -> true, page, perPage, uri);
    }

    @GET
    @Path("products/{id}")
    public ObjectNode product(@PathParam("store") String store, @PathParam("id") String id) {
        return find(state.of(state.products, store), id, "Product");
    }

    /** {@code name} a string or a map of language → name, as the vendor's products carry it; variants' prices. */
    @POST
    @Path("products")
    public Response createProduct(@PathParam("store") String store, ObjectNode body) {
        JsonNode name = body == null ? null : body.path("name");
        if (name == null || name.isMissingNode() || name.isNull() || (name.isTextual() && name.asText().isBlank())) {
            throw state.invalid("name", "can't be blank");
        }
        ObjectNode product = state.json.createObjectNode();
        long id = state.nextId();
        product.put("id", id);
        product.set("name", name.isTextual() ? state.json.createObjectNode().put("pt", name.asText()) : name);
        product.set("variants", body.has("variants") ? body.get("variants") : state.json.createArrayNode());
        String now = state.now();
        product.put("created_at", now);
        product.put("updated_at", now);
        state.of(state.products, store).put(String.valueOf(id), product);
        return Response.status(201).entity(product.deepCopy()).build();
    }

    @GET
    @Path("webhooks")
    public List<ObjectNode> webhooks(@PathParam("store") String store, @QueryParam("url") String url,
            @QueryParam("event") String event) {
        return state.of(state.webhooks, store).values().stream()
                .filter(w -> url == null || url.equals(w.path("url").asText()))
                .filter(w -> event == null || event.equals(w.path("event").asText()))
                .sorted(Comparator.comparingLong(w -> w.path("id").asLong())).map(ObjectNode::deepCopy).toList();
    }

    @POST
    @Path("webhooks")
    public Response subscribe(@PathParam("store") String store, ObjectNode body) {
        String event = body == null ? null : body.path("event").asText(null);
        String url = body == null ? null : body.path("url").asText(null);
        if (event == null || !EVENTS.contains(event)) {
            throw state.invalid("event", "Invalid event specified. Events allowed: " + String.join(", ",
                    EVENTS.stream().sorted().toList()));
        }
        if (url == null || !validUrl(url)) {
            throw state.invalid("url", "invalid url specified");
        }
        ObjectNode webhook = state.json.createObjectNode();
        webhook.put("id", state.nextId());
        webhook.put("event", event);
        webhook.put("url", url);
        String now = state.now();
        webhook.put("created_at", now);
        webhook.put("updated_at", now);
        state.of(state.webhooks, store).put(webhook.path("id").asText(), webhook);
        return Response.status(201).entity(webhook.deepCopy()).build();
    }

    @DELETE
    @Path("webhooks/{id}")
    public Response unsubscribe(@PathParam("store") String store, @PathParam("id") String id) {
        if (state.of(state.webhooks, store).remove(id) == null) {
            throw state.failure(404, "Webhook not found");
        }
        return Response.ok(state.json.createObjectNode()).build();
    }

    private ObjectNode find(Map<String, ObjectNode> records, String id, String what) {
        ObjectNode found = records.get(id);
        if (found == null) {
            throw state.failure(404, what + " not found");
        }
        synchronized (found) {
            return found.deepCopy();
        }
    }

    /** A page of a listing, oldest id first, with {@code Link} (next, last, first, prev) and {@code X-Total-Count}. */
    private Response page(Map<String, ObjectNode> records, Predicate<ObjectNode> keep, Integer page, Integer perPage,
            UriInfo uri) {
        if (perPage != null && (perPage < 1 || perPage > 200)) {
            throw state.invalid("per_page", "must be between 1 and 200");
        }
        int size = perPage == null ? 30 : perPage;
        int number = page == null || page < 1 ? 1 : page;
        List<ObjectNode> all = new ArrayList<>();
        for (ObjectNode record : records.values()) {
            synchronized (record) {
                if (keep.test(record)) {
                    all.add(record.deepCopy());
                }
            }
        }
        all.sort(Comparator.comparingLong(o -> o.path("id").asLong()));
        int from = Math.min(all.size(), (number - 1) * size);
        int to = Math.min(all.size(), from + size);
        int last = Math.max(1, (all.size() + size - 1) / size);
        List<String> links = new ArrayList<>();
        if (number < last) {
            links.add(link(uri, number + 1, "next"));
            links.add(link(uri, last, "last"));
        }
        if (number > 1) {
            links.add(link(uri, 1, "first"));
            links.add(link(uri, number - 1, "prev"));
        }
        Response.ResponseBuilder answer = Response.ok(all.subList(from, to)).header("X-Total-Count", all.size());
        if (!links.isEmpty()) {
            answer.header("Link", String.join(", ", links));
        }
        return answer.build();
    }

    private static String link(UriInfo uri, int page, String rel) {
        return "<" + uri.getRequestUriBuilder().replaceQueryParam("page", page).build() + ">; rel=\"" + rel + "\"";
    }

    private BigDecimal decimal(JsonNode value, String field) {
        try {
            BigDecimal d = new BigDecimal(value.asText(""));
            if (d.signum() < 0) {
                throw state.invalid(field, "must be greater than or equal to 0");
            }
            return d;
        } catch (NumberFormatException e) {
            throw state.invalid(field, "is not a number");
        }
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** ISO 8601 with or without a colon in the offset. */
    OffsetDateTime time(String text, String field) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text, Nuvemshop.TIME);
            } catch (DateTimeParseException again) {
                throw state.invalid(field, "is not an ISO 8601 time");
            }
        }
    }

    private static boolean validUrl(String url) {
        try {
            URI uri = URI.create(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
