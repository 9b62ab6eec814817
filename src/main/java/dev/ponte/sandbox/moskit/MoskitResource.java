package dev.ponte.sandbox.moskit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Moskit API v2 (community contract, wave2-contracts §1): deals by offset ({@code start}, {@code sort=id},
 * {@code order}), lists by the {@code X-Moskit-Listing-Next-Page-Token} header, 10 items a page whatever is asked.
 * Creating records is not part of Ponte's contract but lets tests and the demo build data over HTTP; amounts are in
 * centavos.
 */
@IfBuildProperty(name = "ponte.sandbox.included", stringValue = "true")
@Path("/sandbox/moskit/v2")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MoskitResource {

    static final int PAGE = 10;
    static final String NEXT_PAGE_TOKEN = "X-Moskit-Listing-Next-Page-Token";
    static final String TOTAL = "X-Moskit-Listing-Total";
    private static final Set<String> STATUSES = Set.of("OPEN", "WON", "LOST");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final Moskit state;

    public MoskitResource(Moskit state) {
        this.state = state;
    }

    @GET
    @Path("users")
    public Response users(@QueryParam("nextPageToken") String token) {
        return cursored(sorted(state.users), token);
    }

    @GET
    @Path("stages")
    public Response stages(@QueryParam("nextPageToken") String token) {
        return cursored(sorted(state.stages), token);
    }

    /** The {@code module} filter is ignored, as the community measured. */
    @GET
    @Path("customFields")
    public Response customFields(@QueryParam("nextPageToken") String token) {
        return cursored(state.customFields.values().stream()
                .sorted(Comparator.comparing(n -> n.get("id").asText())).toList(), token);
    }

    /** {@code {name, module, type}}: the id is {@code CF_} and 16 characters. */
    @POST
    @Path("customFields")
    public ObjectNode addCustomField(ObjectNode body) {
        require(body, "name");
        StringBuilder id = new StringBuilder("CF_");
        for (int i = 0; i < 16; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        ObjectNode field = body.deepCopy().put("id", id.toString()).put("active", true);
        if (!field.hasNonNull("type")) {
            field.put("type", "TEXT");
        }
        state.customFields.put(id.toString(), field);
        return field;
    }

    /** Offset paging, sorted by id; {@code order=desc} is emulated too (and shows why Ponte reads ascending). */
    @GET
    @Path("deals")
    public Response deals(@QueryParam("start") @DefaultValue("0") int start, @QueryParam("sort") String sort,
            @QueryParam("order") @DefaultValue("asc") String order) {
        if (start < 0) {
            throw state.failure(400, "start must not be negative");
        }
        Comparator<ObjectNode> byId = Comparator.comparingLong(n -> n.get("id").asLong());
        List<ObjectNode> all = state.deals.values().stream()
                .sorted("desc".equalsIgnoreCase(order) ? byId.reversed() : byId).toList();
        List<ObjectNode> page = all.subList(Math.min(start, all.size()), Math.min(start + PAGE, all.size()));
        return Response.ok(page).header(TOTAL, all.size()).build();
    }

    @GET
    @Path("deals/{id}")
    public ObjectNode deal(@PathParam("id") long id) {
        return found(state.deals.get(id), "Deal");
    }

    /**
     * {@code {name, price, status, stage{id}, contacts[{id}], companies[{id}], entityCustomFields[],
     * dealProducts[{quantity, price, product{id}}]}}; a deal created WON or LOST is closed now.
     */
    @POST
    @Path("deals")
    public ObjectNode createDeal(ObjectNode body) {
        long id = state.nextId();
        ObjectNode deal = dealFrom(body, id, state.now(), null);
        state.deals.put(id, deal);
        return deal;
    }

    /** The full body from a previous GET, as Moskit wants it; a change of status closes or reopens the deal. */
    @PUT
    @Path("deals/{id}")
    public ObjectNode updateDeal(@PathParam("id") long id, ObjectNode body) {
        synchronized (state.deals) {
            ObjectNode old = deal(id);
            ObjectNode deal = dealFrom(body, id, old.get("dateCreated").asText(), old);
            state.deals.put(id, deal);
            return deal;
        }
    }

    private ObjectNode dealFrom(ObjectNode body, long id, String created, ObjectNode old) {
        if (body == null) {
            throw state.failure(400, "body is required");
        }
        require(body, "name");
        ObjectNode deal = body.deepCopy();
        String status = deal.path("status").asText("OPEN");
        if (!STATUSES.contains(status)) {
            throw state.failure(400, "status must be one of OPEN, WON, LOST");
        }
        deal.put("id", id).put("status", status).put("dateCreated", created);
        if (!deal.hasNonNull("stage")) {
            deal.putObject("stage").put("id", 11);
        } else if (!state.stages.containsKey(deal.get("stage").path("id").asLong())) {
            throw state.failure(400, "stage does not exist");
        }
        if (!deal.hasNonNull("createdBy")) {
            deal.putObject("createdBy").put("id", Moskit.USER_ID);
        }
        if (!deal.hasNonNull("responsible")) {
            deal.putObject("responsible").put("id", Moskit.USER_ID);
        }
        for (String list : List.of("contacts", "companies", "entityCustomFields", "dealProducts")) {
            if (!deal.path(list).isArray()) {
                deal.putArray(list);
            }
        }
        refs(deal, "contacts", state.contacts, "contact");
        refs(deal, "companies", state.companies, "company");
        for (JsonNode line : deal.get("dealProducts")) {
            long product = line.path("product").path("id").asLong();
            if (!state.products.containsKey(product)) {
                throw state.failure(400, "product " + product + " does not exist");
            }
            BigDecimal quantity = line.path("quantity").decimalValue();
            BigDecimal price = line.path("price").decimalValue();
            ((ObjectNode) line).put("finalPrice", quantity.multiply(price)).put("initialPrice", price);
        }
        String oldStatus = old == null ? "OPEN" : old.get("status").asText();
        if (status.equals("OPEN")) {
            deal.putNull("closeDate");
        } else if (!status.equals(oldStatus) || old == null) {
            deal.put("closeDate", state.now());
        } else {
            deal.set("closeDate", old.get("closeDate"));
        }
        return deal;
    }

    private void refs(ObjectNode deal, String list, Map<Long, ObjectNode> records, String what) {
        for (JsonNode ref : deal.get(list)) {
            if (!records.containsKey(ref.path("id").asLong())) {
                throw state.failure(400, what + " " + ref.path("id").asText() + " does not exist");
            }
        }
    }

    @GET
    @Path("contacts/{id}")
    public ObjectNode contact(@PathParam("id") long id) {
        return found(state.contacts.get(id), "Contact");
    }

    /** {@code {name, phones[{number}], emails[{address}], entityCustomFields[]}}; the first phone and e-mail are primary. */
    @POST
    @Path("contacts")
    public ObjectNode createContact(ObjectNode body) {
        return create(state.contacts, body);
    }

    @GET
    @Path("companies/{id}")
    public ObjectNode company(@PathParam("id") long id) {
        return found(state.companies.get(id), "Company");
    }

    @POST
    @Path("companies")
    public ObjectNode createCompany(ObjectNode body) {
        return create(state.companies, body);
    }

    @GET
    @Path("products/{id}")
    public ObjectNode product(@PathParam("id") long id) {
        return found(state.products.get(id), "Product");
    }

    /** {@code {name, description, price (centavos)}}; {@code code} is kept when given. */
    @POST
    @Path("products")
    public ObjectNode createProduct(ObjectNode body) {
        ObjectNode product = create(state.products, body);
        product.put("active", true).putObject("createdBy").put("id", Moskit.USER_ID);
        return product;
    }

    private ObjectNode create(Map<Long, ObjectNode> records, ObjectNode body) {
        require(body, "name");
        long id = state.nextId();
        ObjectNode record = body.deepCopy().put("id", id).put("dateCreated", state.now());
        for (String list : List.of("phones", "emails")) {
            if (record.path(list).isArray()) {
                for (JsonNode item : record.get(list)) {
                    ((ObjectNode) item).put("id", state.nextId());
                }
                if (!record.get(list).isEmpty()) {
                    record.putObject(list.equals("phones") ? "primaryPhone" : "primaryEmail")
                            .put("id", record.get(list).get(0).get("id").asLong());
                }
            }
        }
        if (!record.path("entityCustomFields").isArray()) {
            record.putArray("entityCustomFields");
        }
        records.put(id, record);
        return record;
    }

    private void require(ObjectNode body, String field) {
        if (body == null || !body.hasNonNull(field) || body.get(field).asText().isBlank()) {
            throw state.failure(400, field + " is required");
        }
    }

    private ObjectNode found(ObjectNode record, String what) {
        if (record == null) {
            throw state.failure(404, what + " not found");
        }
        return record;
    }

    private static List<ObjectNode> sorted(Map<Long, ObjectNode> records) {
        return records.values().stream().sorted(Comparator.comparingLong(n -> n.get("id").asLong())).toList();
    }

    /** A page of 10 and, when more follow, the next page's token in the header; an unknown token is a 400. */
    private Response cursored(List<ObjectNode> all, String token) {
        int start = token == null || token.isBlank() ? 0 : offset(token);
        List<ObjectNode> page = all.subList(Math.min(start, all.size()), Math.min(start + PAGE, all.size()));
        ArrayNode items = state.json.createArrayNode();
        page.forEach(items::add);
        Response.ResponseBuilder answer = Response.ok(items).header(TOTAL, all.size());
        if (start + PAGE < all.size()) {
            answer.header(NEXT_PAGE_TOKEN, Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(("offset:" + (start + PAGE)).getBytes(StandardCharsets.UTF_8)));
        }
        return answer.build();
    }

    private int offset(String token) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (decoded.startsWith("offset:")) {
                return Integer.parseInt(decoded.substring(7));
            }
        } catch (IllegalArgumentException e) {
            // Falls through to the refusal: an expired or made-up token.
        }
        throw state.failure(400, "nextPageToken is invalid or expired");
    }
}
