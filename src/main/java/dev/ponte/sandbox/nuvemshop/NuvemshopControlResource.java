package dev.ponte.sandbox.nuvemshop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What happens in a shop, for tests and the demo: an order placed, an order marked paid (its {@code order/paid} delivered {@code copies}
 * times), the app uninstalled (its token revoked, {@code app/uninstalled} delivered, its subscriptions gone), a
 * privacy event sent to the URL given (in the Partner admin those URLs are app settings) with the body the vendor's
 * LGPD test tool builds from the store's orders, and the bucket's size and drain rate (stores on the top plans get ×10).
 */
@IfBuildProperty(name = "ponte.sandbox.included", stringValue = "true")
@Path("/sandbox/nuvemshop/_control")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NuvemshopControlResource {

    static final Set<String> PRIVACY_EVENTS = Set.of("store/redact", "customers/redact", "customers/data_request");

    private final Nuvemshop state;
    private final NuvemshopWebhookDispatcher webhooks;
    private final NuvemshopStoreResource stores;

    public NuvemshopControlResource(Nuvemshop state, NuvemshopWebhookDispatcher webhooks,
            NuvemshopStoreResource stores) {
        this.state = state;
        this.webhooks = webhooks;
        this.stores = stores;
    }

    /** An order placed in the shop (by a buyer, not through the app's token); the body as {@code POST /orders}. */
    @POST
    @Path("stores/{store}/orders")
    public jakarta.ws.rs.core.Response placeOrder(@PathParam("store") String store, ObjectNode body) {
        return stores.createOrder(store, body);
    }

    @POST
    @Path("stores/{store}/orders/{id}/pay")
    public Map<String, Object> pay(@PathParam("store") String store, @PathParam("id") String id,
            @QueryParam("copies") @DefaultValue("1") int copies) {
        ObjectNode order = state.of(state.orders, store).get(id);
        if (order == null) {
            throw state.failure(404, "Order not found");
        }
        synchronized (order) {
            String now = state.now();
            order.put("payment_status", "paid");
            order.put("paid_at", now);
            order.put("updated_at", now);
        }
        int sent = webhooks.publish(store, "order/paid", id, Math.max(1, copies));
        return Map.of("order", id, "deliveries", sent);
    }

    @POST
    @Path("stores/{store}/uninstall")
    public Map<String, Object> uninstall(@PathParam("store") String store) {
        state.tokens.values().removeIf(store::equals);
        int sent = webhooks.publish(store, "app/uninstalled", Nuvemshop.APP_ID, 1);
        state.of(state.webhooks, store).clear();
        return Map.of("store", store, "deliveries", sent);
    }

    /** {@code {url, event, store, customer_id}}: {@code customer_id} is needed by the two customer events. */
    @POST
    @Path("privacy")
    public Map<String, Object> privacy(JsonNode request) {
        String url = request == null ? null : request.path("url").asText(null);
        String event = request == null ? null : request.path("event").asText(null);
        String store = request == null ? null : request.path("store").asText(Nuvemshop.DEFAULT_STORE);
        if (url == null) {
            throw state.invalid("url", "can't be blank");
        }
        if (event == null || !PRIVACY_EVENTS.contains(event)) {
            throw state.invalid("event", "must be one of " + PRIVACY_EVENTS);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("store_id", Long.parseLong(store));
        if (!"store/redact".equals(event)) {
            String customer = request.path("customer_id").asText(null);
            List<ObjectNode> orders = state.of(state.orders, store).values().stream()
                    .filter(o -> o.path("customer").path("id").asText("").equals(customer))
                    .sorted((a, b) -> Long.compare(a.path("id").asLong(), b.path("id").asLong())).toList();
            if (orders.isEmpty()) {
                throw state.invalid("customer_id", "no order of this customer");
            }
            JsonNode c = orders.get(0).path("customer");
            Map<String, Object> who = new LinkedHashMap<>();
            who.put("id", c.path("id").asLong());
            who.put("email", c.path("email").asText(null));
            who.put("phone", c.path("phone").asText(null));
            who.put("identification", c.path("identification").asText(null));
            body.put("customer", who);
            List<Long> ids = orders.stream().map(o -> o.path("id").asLong()).toList();
            if ("customers/redact".equals(event)) {
                body.put("orders_to_redact", ids);
            } else {
                body.put("orders_requested", ids);
                body.put("checkouts_requested", List.of());
                body.put("drafts_orders_requested", List.of());
                body.put("data_request", Map.of("id", state.nextId()));
            }
        }
        webhooks.send(url, event, body);
        return body;
    }

    @POST
    @Path("limits")
    public Map<String, Object> limits(JsonNode request) {
        state.limits(request != null && request.has("capacity") ? request.get("capacity").asInt() : null,
                request != null && request.has("drain_per_second") ? request.get("drain_per_second").asDouble()
                        : null);
        return Map.of("ok", true);
    }

    @DELETE
    @Path("limits")
    public Map<String, Object> resetLimits() {
        state.limits(null, null);
        return Map.of("ok", true);
    }
}
