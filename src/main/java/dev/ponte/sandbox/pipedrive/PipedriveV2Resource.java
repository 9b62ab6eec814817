package dev.ponte.sandbox.pipedrive;

import dev.ponte.sandbox.pipedrive.PipedriveModel.Envelope;
import dev.ponte.sandbox.pipedrive.PipedriveModel.Organization;
import dev.ponte.sandbox.pipedrive.PipedriveModel.Person;
import dev.ponte.sandbox.pipedrive.PipedriveModel.Product;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** API v2 reads other than deals (specs/pipedrive/openapi-v2.yaml). */
@IfBuildProperty(name = "ponte.sandbox.included", stringValue = "true")
@Path("/sandbox/pipedrive/api/v2")
@Produces(MediaType.APPLICATION_JSON)
public class PipedriveV2Resource {

    private final Pipedrive state;
    private final PipedriveV1Resource v1;

    public PipedriveV2Resource(Pipedrive state, PipedriveV1Resource v1) {
        this.state = state;
        this.v1 = v1;
    }

    @GET
    @Path("persons/{id}")
    public Envelope<Person> person(@PathParam("id") long id) {
        return v1.person(id);
    }

    @GET
    @Path("organizations/{id}")
    public Envelope<Organization> organization(@PathParam("id") long id) {
        return v1.organization(id);
    }

    @GET
    @Path("products/{id}")
    public Envelope<Product> product(@PathParam("id") long id) {
        return v1.product(id);
    }

    /**
     * {@code term}, {@code fields} (code, name, custom_fields; all by default), {@code exact_match} (not case
     * sensitive). Answers {@code data.items[{result_score, item}]}; scores are 1 for exact and 0.5 otherwise (guess).
     */
    @GET
    @Path("products/search")
    public Envelope<Map<String, Object>> searchProducts(@QueryParam("term") String term,
                                                        @QueryParam("fields") String fields,
                                                        @QueryParam("exact_match") @DefaultValue("false") boolean exact,
                                                        @QueryParam("limit") @DefaultValue("100") int limit) {
        if (term == null || term.length() < (exact ? 1 : 2)) {
            throw state.failure(400, "Parameter 'term' must be at least 2 characters (1 with exact_match)");
        }
        Set<String> where = fields == null ? Set.of("code", "name", "custom_fields") : Set.of(fields.split(","));
        String t = term.toLowerCase(Locale.ROOT);
        List<Map<String, Object>> items = state.products.values().stream()
                .sorted(Comparator.comparingLong(Product::id))
                .map(p -> {
                    double score = Math.max(Math.max(
                            where.contains("code") ? score(p.code(), t, exact) : 0,
                            where.contains("name") ? score(p.name(), t, exact) : 0),
                            where.contains("custom_fields") ? p.customFields().values().stream()
                                    .mapToDouble(v -> score(v == null ? null : v.toString(), t, exact)).max()
                                    .orElse(0) : 0);
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("id", p.id());
                    item.put("type", "product");
                    item.put("name", p.name());
                    item.put("code", p.code());
                    item.put("visible_to", p.visibleTo());
                    item.put("owner", Map.of("id", p.ownerId()));
                    item.put("custom_fields", List.of());
                    return Map.<String, Object>of("result_score", score, "item", item);
                })
                .filter(m -> (double) m.get("result_score") > 0)
                .limit(limit)
                .toList();
        return new Envelope<>(true, Map.of("items", items), PipedriveDealsResource.nextCursor(null));
    }

    private static double score(String value, String term, boolean exact) {
        if (value == null) {
            return 0;
        }
        String v = value.toLowerCase(Locale.ROOT);
        if (v.equals(term)) {
            return 1;
        }
        return !exact && v.contains(term) ? 0.5 : 0;
    }

    @GET
    @Path("itemSearch/field")
    public Envelope<List<Map<String, Object>>> itemSearchField(@QueryParam("term") String term,
                                                               @QueryParam("entity_type") String entityType,
                                                               @QueryParam("field") String field,
                                                               @QueryParam("match") @DefaultValue("exact") String match,
                                                               @QueryParam("limit") @DefaultValue("100") int limit) {
        List<Map<String, Object>> all = PipedriveV1Resource.searchField(state, term, entityType, field, match);
        return new Envelope<>(true, all.stream().limit(limit).toList(), PipedriveDealsResource.nextCursor(null));
    }
}
