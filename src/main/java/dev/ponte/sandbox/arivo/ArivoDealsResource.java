package dev.ponte.sandbox.arivo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Deals and their quote items ({@code /deals}, {@code /deals/{id}/quote_items}). Winning a deal (status set to
 * {@code won}, also at creation) sets {@code closed_at} and publishes {@code deal.won}; a deal changed publishes
 * {@code deal.updated}. Listings page by {@code page}/{@code per_page} with the next page's URL in
 * {@code X-Next-Page}.
 */
@IfBuildProperty(name = "ponte.sandbox.included", stringValue = "true")
@Path("/sandbox/arivo/deals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ArivoDealsResource {

    private static final Set<String> STATUSES = Set.of("open", "won", "lost");
    private static final Set<String> SORT_FIELDS = Set.of("created_at", "estimated_close_date", "name", "opened_at",
            "updated_at", "value");

    private final Arivo state;
    private final ArivoWebhookDispatcher webhooks;

    public ArivoDealsResource(Arivo state, ArivoWebhookDispatcher webhooks) {
        this.state = state;
        this.webhooks = webhooks;
    }

    @GET
    public Response list(@QueryParam("status") String status, @QueryParam("sort_field") String sortField,
            @QueryParam("sort_order") String sortOrder, @QueryParam("per_page") Integer perPage,
            @QueryParam("page") Integer page, @Context UriInfo uri) {
        String field = sortField == null ? "created_at" : sortField;
        if (!SORT_FIELDS.contains(field)) {
            throw state.invalid("sort_field", "is not included in the list");
        }
        Comparator<ObjectNode> order = Comparator.comparing((ObjectNode d) -> d.path(field).asText(""))
                .thenComparingLong(d -> d.path("id").asLong());
        if ("desc".equals(sortOrder)) {
            order = order.reversed();
        }
        List<ObjectNode> all = state.deals.values().stream()
                .filter(d -> status == null || status.equals(d.path("status").asText()))
                .map(ObjectNode::deepCopy).sorted(order).toList();
        int size = perPage == null || perPage < 1 ? 50 : Math.min(perPage, 100);
        int number = page == null || page < 1 ? 1 : page;
        int from = Math.min(all.size(), (number - 1) * size);
        int to = Math.min(all.size(), from + size);
        ObjectNode body = state.json.createObjectNode();
        body.set("data", state.json.valueToTree(all.subList(from, to)));
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("current_page", number);
        meta.put("per_page", size);
        meta.put("total", all.size());
        body.set("meta", state.json.valueToTree(meta));
        Response.ResponseBuilder answer = Response.ok(body);
        if (to < all.size()) {
            answer.header("X-Next-Page", uri.getRequestUriBuilder().replaceQueryParam("page", number + 1).build());
        }
        return answer.build();
    }

    @GET
    @Path("{id}")
    public ObjectNode get(@PathParam("id") String id) {
        return deal(id).deepCopy();
    }

    @POST
    public Response create(ObjectNode body) {
        String name = body.path("name").asText(null);
        if (name == null || name.isBlank()) {
            throw state.invalid("name", "can't be blank");
        }
        ObjectNode deal = state.record("deal");
        deal.put("name", name);
        deal.set("value", body.has("value") ? body.get("value") : state.json.getNodeFactory().numberNode(0));
        deal.set("company_id", body.path("company_id").isMissingNode() ? null : body.get("company_id"));
        deal.set("contact_id", body.path("contact_id").isMissingNode() ? null : body.get("contact_id"));
        deal.put("status", "open");
        deal.put("temperature", body.path("temperature").asText("warm"));
        deal.put("opened_at", deal.path("created_at").asText());
        deal.putNull("closed_at");
        deal.put("pipeline_id", body.path("pipeline_id").asText("1"));
        deal.put("pipeline_step_id", body.path("pipeline_step_id").asText("1"));
        deal.putArray("quote_items");
        deal.set("tags", body.has("tags") ? body.get("tags") : state.json.createArrayNode());
        deal.set("custom_fields", body.has("custom_fields") ? body.get("custom_fields") : state.json.createObjectNode());
        deal.put("user_id", "1");
        deal.put("team_id", "1");
        state.deals.put(deal.path("id").asText(), deal);
        String status = body.path("status").asText("open");
        if (!"open".equals(status)) {
            return Response.status(201).entity(change(deal.path("id").asText(), Map.of("status", status))).build();
        }
        return Response.status(201).entity(deal.deepCopy()).build();
    }

    @PUT
    @Path("{id}")
    public ObjectNode update(@PathParam("id") String id, ObjectNode body) {
        Map<String, JsonNode> changes = new LinkedHashMap<>();
        body.fields().forEachRemaining(e -> changes.put(e.getKey(), e.getValue()));
        return change(id, changes);
    }

    private ObjectNode change(String id, Map<String, ?> changes) {
        ObjectNode deal = deal(id);
        boolean won;
        ObjectNode copy;
        synchronized (deal) {
            String before = deal.path("status").asText();
            changes.forEach((key, value) -> {
                if (!Set.of("id", "object", "created_at", "updated_at", "quote_items").contains(key)) {
                    deal.set(key, state.json.valueToTree(value));
                }
            });
            String after = deal.path("status").asText();
            if (!STATUSES.contains(after)) {
                deal.put("status", before);
                throw state.invalid("status", "is not included in the list");
            }
            won = "won".equals(after) && !"won".equals(before);
            if (!after.equals(before)) {
                if ("open".equals(after)) {
                    deal.putNull("closed_at");
                } else {
                    deal.put("closed_at", state.now());
                }
            }
            deal.put("updated_at", state.now());
            copy = deal.deepCopy();
        }
        webhooks.publish("deal.updated", copy);
        if (won) {
            webhooks.publish("deal.won", copy);
        }
        return copy;
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        ObjectNode deal = deal(id);
        state.deals.remove(id);
        webhooks.publish("deal.deleted", deal);
        return Response.noContent().build();
    }

    /**
     * A quote item: the product's name, numbers as strings ("100.00"); {@code discount} is an amount off the line
     * here (its unit is not documented), and {@code total_price} is what the line costs after it.
     */
    @POST
    @Path("{id}/quote_items")
    public Response addItem(@PathParam("id") String id, ObjectNode body) {
        ObjectNode deal = deal(id);
        ObjectNode product = state.products.get(body.path("product_id").asText(""));
        if (product == null) {
            throw state.invalid("product_id", "must exist");
        }
        BigDecimal quantity = new BigDecimal(body.path("quantity").asText("1"));
        if (quantity.signum() <= 0) {
            throw state.invalid("quantity", "must be greater than 0");
        }
        BigDecimal price = new BigDecimal(body.path("price").asText(product.path("price").asText("0")));
        BigDecimal discount = new BigDecimal(body.path("discount").asText("0"));
        ObjectNode item = state.record("quote_item");
        item.put("name", product.path("name").asText());
        item.put("deal_id", id);
        item.put("product_id", product.path("id").asText());
        item.put("price", money(price));
        item.put("quantity", quantity.stripTrailingZeros().toPlainString());
        item.put("discount", money(discount));
        item.put("total_price", money(price.multiply(quantity).subtract(discount)));
        synchronized (deal) {
            ((ArrayNode) deal.withArray("quote_items")).add(item);
            deal.put("updated_at", state.now());
        }
        return Response.status(201).entity(item).build();
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }

    private ObjectNode deal(String id) {
        ObjectNode deal = state.deals.get(id);
        if (deal == null) {
            throw state.failure(404, "Deal not found");
        }
        return deal;
    }
}
