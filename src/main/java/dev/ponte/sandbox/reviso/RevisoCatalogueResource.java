package dev.ponte.sandbox.reviso;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Reference data ({@code /vat-zones}, {@code /vat-accounts}, {@code /payment-terms}, {@code /payment-types},
 * {@code /customer-groups}, {@code /price-groups}, {@code /currencies}, {@code /units}, {@code /product-groups},
 * {@code /layouts}); read-only, as the seed's connector only reads them.
 */
@IfBuildProperty(name = "ponte.sandbox.included", stringValue = "true")
@Path("/sandbox/reviso/{collection: " + RevisoCatalogueResource.COLLECTIONS + "}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RevisoCatalogueResource {

    static final String COLLECTIONS = "vat-zones|vat-accounts|payment-terms|payment-types|customer-groups"
            + "|price-groups|currencies|units|product-groups|layouts";

    private final Reviso state;

    public RevisoCatalogueResource(Reviso state) {
        this.state = state;
    }

    @GET
    public Map<String, Object> reference(@PathParam("collection") String collection,
            @QueryParam("filter") String filter, @QueryParam("sort") String sort,
            @QueryParam("skippages") @DefaultValue("0") int skipPages,
            @QueryParam("pagesize") @DefaultValue("20") int pageSize, @Context UriInfo uri) {
        return rows(state.reference(collection), filter, sort, skipPages, pageSize, uri, null);
    }

    @GET
    @Path("{id}")
    public Object one(@PathParam("collection") String collection, @PathParam("id") String id, @Context UriInfo uri) {
        Map<String, Object> row = state.reference(collection).stream()
                .filter(r -> r.get("self").equals("/" + collection + "/" + id)).findFirst()
                .orElseThrow(() -> RevisoErrors.notFound("Entity"));
        return Reviso.absolute(row, Reviso.root(uri));
    }

    static Map<String, Object> rows(List<Map<String, Object>> all, String filter, String sort, int skipPages,
            int pageSize, UriInfo uri, Comparator<Map<String, Object>> order) {
        RevisoQuery.Filter f = RevisoQuery.parse(filter);
        List<Map<String, Object>> matched = new ArrayList<>(all.stream()
                .filter(r -> f == null || f.test(r, Reviso::path)).toList());
        Comparator<Map<String, Object>> fallback = order != null ? order : (a, b) -> 0;
        matched.sort(RevisoQuery.sort(sort, Reviso::path, fallback));
        String root = Reviso.root(uri);
        return RevisoQuery.page(matched, all.size(), skipPages, pageSize, uri, r -> Reviso.absolute(r, root));
    }
}
