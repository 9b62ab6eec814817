package dev.ponte.connector.arivo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponte.connector.arivo.ArivoDto.Contact;
import dev.ponte.connector.arivo.ArivoDto.Deal;
import dev.ponte.connector.arivo.ArivoDto.NewWebhook;
import dev.ponte.connector.arivo.ArivoDto.Product;
import dev.ponte.connector.arivo.ArivoDto.Webhook;
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
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Arivo's API v2 as Ponte calls it (paths of the vendor's n8n node, wave2-contracts §3). Built per connection by
 * {@link ArivoConnector}; the key travels as {@code Authorization: Token token=<key>}. Listings answer a bare array or
 * {@code {data:[…]}}, so they are read as trees; the next page is in the {@code X-Next-Page} header.
 */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface ArivoApi extends Closeable {

    /** The vendor's own credential test. */
    @GET
    @Path("/teams")
    JsonNode teams(@QueryParam("per_page") int perPage);

    @GET
    @Path("/deals/{id}")
    Deal deal(@PathParam("id") String id);

    /** No updated-since filter exists: newest change first, and the reader stops at its watermark. */
    @GET
    @Path("/deals")
    RestResponse<JsonNode> deals(@QueryParam("sort_field") String sortField, @QueryParam("sort_order") String order,
            @QueryParam("per_page") int perPage, @QueryParam("page") Integer page);

    @GET
    @Path("/contacts/{id}")
    Contact contact(@PathParam("id") String id);

    @GET
    @Path("/products/{id}")
    Product product(@PathParam("id") String id);

    @GET
    @Path("/webhooks")
    JsonNode webhooks();

    @POST
    @Path("/webhooks")
    Webhook addWebhook(NewWebhook webhook);

    @DELETE
    @Path("/webhooks/{id}")
    void deleteWebhook(@PathParam("id") String id);

    @ClientExceptionMapper
    static RuntimeException toFailure(Response response) {
        return ArivoFailures.ERRORS.toFailure(response);
    }
}
