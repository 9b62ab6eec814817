package dev.ponte.sandbox.reviso;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;

/** Provinces ({@code /provinces/{country}}): Italy's, with the two-letter code and the number customers use. */
@IfBuildProperty(name = "ponte.sandbox.included", stringValue = "true")
@Path("/sandbox/reviso/provinces")
@Produces(MediaType.APPLICATION_JSON)
public class RevisoProvincesResource {

    private final Reviso state;

    public RevisoProvincesResource(Reviso state) {
        this.state = state;
    }

    /** Provinces of a country ({@code /provinces/IT}); the agreement keeps none for other countries. */
    @GET
    @Path("{country}")
    public Map<String, Object> provinces(@PathParam("country") String country, @QueryParam("filter") String filter,
            @QueryParam("skippages") @DefaultValue("0") int skipPages,
            @QueryParam("pagesize") @DefaultValue("20") int pageSize, @Context UriInfo uri) {
        return RevisoCatalogueResource.rows(state.reference("provinces/" + country.toUpperCase(java.util.Locale.ROOT)), filter, null,
                skipPages, pageSize, uri, null);
    }
}
