package dev.ponte.sandbox.reviso;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.ponte.sandbox.reviso.RevisoErrors.PropertyError;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Products ({@code /products}), keyed by {@code productNumber}, the article code. */
@IfBuildProperty(name = "ponte.sandbox.included", stringValue = "true")
@Path("/sandbox/reviso/products")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RevisoProductsResource {

    private final Reviso state;

    public RevisoProductsResource(Reviso state) {
        this.state = state;
    }

    @GET
    public Map<String, Object> products(@QueryParam("filter") String filter, @QueryParam("sort") String sort,
            @QueryParam("skippages") @DefaultValue("0") int skipPages,
            @QueryParam("pagesize") @DefaultValue("20") int pageSize, @Context UriInfo uri) {
        return RevisoCatalogueResource.rows(new ArrayList<>(state.products.values()), filter, sort, skipPages, pageSize, uri,
                Comparator.comparing(p -> (String) p.get("productNumber")));
    }

    @GET
    @Path("{number}")
    public Object product(@PathParam("number") String number, @Context UriInfo uri) {
        Map<String, Object> p = state.products.get(number);
        if (p == null) {
            throw RevisoErrors.notFound("Product");
        }
        return Reviso.absolute(p, Reviso.root(uri));
    }

    /** The official sample's body: {@code productNumber, name, salesPrice, productGroup{productGroupNumber}}. */
    @POST
    public Response createProduct(JsonNode json, @Context UriInfo uri) {
        JsonNode body = json == null ? NullNode.getInstance() : json;
        String number = RevisoCustomersResource.text(body, "productNumber");
        String name = RevisoCustomersResource.text(body, "name");
        JsonNode group = body.path("productGroup").get("productGroupNumber");
        List<PropertyError> schema = new ArrayList<>();
        if (number == null) {
            schema.add(new PropertyError("productNumber", RevisoErrors.REQUIRED));
        }
        if (name == null) {
            schema.add(new PropertyError("name", RevisoErrors.REQUIRED));
        }
        if (group == null || !group.canConvertToInt()) {
            schema.add(new PropertyError("productGroup", RevisoErrors.REQUIRED));
        }
        JsonNode price = body.get("salesPrice");
        if (price != null && !price.isNull() && !price.isNumber()) {
            schema.add(new PropertyError("salesPrice", "Value must be a number."));
        }
        if (!schema.isEmpty()) {
            throw RevisoErrors.schema(schema);
        }
        if (state.find("product-groups", "productGroupNumber", group.asInt()) == null) {
            throw RevisoErrors.invalid("productGroup", String.format(RevisoErrors.NOT_FOUND, "Product group"));
        }
        JsonNode unit = body.path("unit").get("unitNumber");
        if (unit != null && state.find("units", "unitNumber", unit.asInt()) == null) {
            throw RevisoErrors.invalid("unit", String.format(RevisoErrors.NOT_FOUND, "Unit"));
        }
        Map<String, Object> product = RevisoSeeds.product(number, name,
                price == null || price.isNull() ? "0" : price.decimalValue().toPlainString(), group.asInt(),
                unit == null ? 1 : unit.asInt(), state.now());
        if (unit == null) {
            product.remove("unit");
        }
        if (state.products.putIfAbsent(number, product) != null) {
            throw RevisoErrors.invalid("productNumber", String.format(RevisoErrors.DUPLICATE_PRODUCT, number));
        }
        return Response.status(201).entity(Reviso.absolute(product, Reviso.root(uri))).build();
    }
}
