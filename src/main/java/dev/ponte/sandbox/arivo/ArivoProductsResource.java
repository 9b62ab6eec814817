package dev.ponte.sandbox.arivo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Products ({@code {id, name, code, description, price, available, product_category_id, tags}}). */
@IfBuildProperty(name = "ponte.sandbox.included", stringValue = "true")
@Path("/sandbox/arivo/products")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ArivoProductsResource {

    private final Arivo state;

    public ArivoProductsResource(Arivo state) {
        this.state = state;
    }

    @GET
    public List<ObjectNode> list() {
        return state.products.values().stream().map(ObjectNode::deepCopy).toList();
    }

    @GET
    @Path("{id}")
    public ObjectNode get(@PathParam("id") String id) {
        ObjectNode product = state.products.get(id);
        if (product == null) {
            throw state.failure(404, "Product not found");
        }
        return product.deepCopy();
    }

    @POST
    public Response create(ObjectNode body) {
        if (body.path("name").asText("").isBlank()) {
            throw state.invalid("name", "can't be blank");
        }
        ObjectNode product = state.record("product");
        product.put("name", body.path("name").asText());
        product.set("code", body.has("code") ? body.get("code") : null);
        product.set("description", body.has("description") ? body.get("description") : null);
        product.set("price", body.has("price") ? body.get("price") : state.json.getNodeFactory().numberNode(0));
        product.put("available", body.path("available").asBoolean(true));
        product.putNull("product_category_id");
        product.set("tags", body.has("tags") ? body.get("tags") : state.json.createArrayNode());
        state.products.put(product.path("id").asText(), product);
        return Response.status(201).entity(product.deepCopy()).build();
    }
}
