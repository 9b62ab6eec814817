package dev.ponte.connector.nuvemshop;

import dev.ponte.connector.nuvemshop.NuvemshopDto.NewWebhook;
import dev.ponte.connector.nuvemshop.NuvemshopDto.Order;
import dev.ponte.connector.nuvemshop.NuvemshopDto.Webhook;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.Closeable;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * A store's API as Ponte calls it ({@code /{store_id}/…}, wave2-contracts §2). Built per connection by
 * {@link NuvemshopConnector} with {@code Authentication: bearer <token>} and Ponte's {@code User-Agent}; writes are
 * {@code application/json; charset=utf-8} (415 otherwise).
 */
@Path("/{store}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes("application/json; charset=utf-8")
interface NuvemshopApi extends Closeable {

    /** The credential test. */
    @GET
    @Path("/store")
    Response store(@PathParam("store") String store);

    @GET
    @Path("/orders/{id}")
    Order order(@PathParam("store") String store, @PathParam("id") String id);

    @GET
    @Path("/orders")
    RestResponse<List<Order>> orders(@PathParam("store") String store, @QueryParam("updated_at_min") String updatedMin,
            @QueryParam("per_page") int perPage, @QueryParam("page") Integer page);

    @GET
    @Path("/webhooks")
    List<Webhook> webhooks(@PathParam("store") String store, @QueryParam("url") String url);

    @POST
    @Path("/webhooks")
    Webhook subscribe(@PathParam("store") String store, NewWebhook webhook);

    @DELETE
    @Path("/webhooks/{id}")
    Response unsubscribe(@PathParam("store") String store, @PathParam("id") String id);

    @ClientExceptionMapper
    static RuntimeException toFailure(Response response) {
        return NuvemshopFailures.ERRORS.toFailure(response);
    }
}
