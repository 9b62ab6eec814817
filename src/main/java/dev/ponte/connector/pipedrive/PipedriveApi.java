package dev.ponte.connector.pipedrive;

import dev.ponte.connector.pipedrive.PipedriveDto.Deal;
import dev.ponte.connector.pipedrive.PipedriveDto.DealField;
import dev.ponte.connector.pipedrive.PipedriveDto.DealProduct;
import dev.ponte.connector.pipedrive.PipedriveDto.Envelope;
import dev.ponte.connector.pipedrive.PipedriveDto.NewDealField;
import dev.ponte.connector.pipedrive.PipedriveDto.NewWebhook;
import dev.ponte.connector.pipedrive.PipedriveDto.Organization;
import dev.ponte.connector.pipedrive.PipedriveDto.Person;
import dev.ponte.connector.pipedrive.PipedriveDto.Product;
import dev.ponte.connector.pipedrive.PipedriveDto.User;
import dev.ponte.connector.pipedrive.PipedriveDto.Webhook;
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
import java.util.concurrent.CompletionStage;

/**
 * Pipedrive's REST API as Ponte calls it: v2 for deals, persons, organizations and products; v1 for the current
 * user, deal fields and webhooks, which v2 does not offer (research-notes §2, risk 4). Built per connection by
 * {@link PipedriveConnector}; the API token travels in the {@code x-api-token} header. Closing releases the
 * client's HTTP connections. A deal's parties and products are read asynchronously, so the three reads overlap.
 */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface PipedriveApi extends Closeable {

    @GET
    @Path("/v1/users/me")
    Envelope<User> me();

    @GET
    @Path("/api/v2/deals/{id}")
    Envelope<Deal> deal(@PathParam("id") long id);

    /** Without {@code status} Pipedrive leaves deleted deals out. */
    @GET
    @Path("/api/v2/deals")
    Envelope<List<Deal>> deals(@QueryParam("updated_since") String updatedSince, @QueryParam("limit") int limit,
            @QueryParam("cursor") String cursor);

    @GET
    @Path("/api/v2/deals/{id}/products")
    CompletionStage<Envelope<List<DealProduct>>> dealProducts(@PathParam("id") long dealId,
            @QueryParam("limit") int limit, @QueryParam("cursor") String cursor);

    @GET
    @Path("/api/v2/organizations/{id}")
    CompletionStage<Envelope<Organization>> organization(@PathParam("id") long id);

    @GET
    @Path("/api/v2/persons/{id}")
    CompletionStage<Envelope<Person>> person(@PathParam("id") long id);

    @GET
    @Path("/api/v2/products/{id}")
    Envelope<Product> product(@PathParam("id") long id);

    @GET
    @Path("/v1/dealFields")
    Envelope<List<DealField>> dealFields(@QueryParam("start") int start, @QueryParam("limit") int limit);

    @POST
    @Path("/v1/dealFields")
    Envelope<DealField> addDealField(NewDealField field);

    @GET
    @Path("/v1/webhooks")
    Envelope<List<Webhook>> webhooks();

    @POST
    @Path("/v1/webhooks")
    Envelope<Webhook> addWebhook(NewWebhook webhook);

    @DELETE
    @Path("/v1/webhooks/{id}")
    void deleteWebhook(@PathParam("id") long id);

    /** Pipedrive's answers in Ponte's terms; a 404 is a {@code NotFound}, so a caller can tell "gone" from "refused". */
    @ClientExceptionMapper
    static RuntimeException toFailure(Response response) {
        return PipedriveFailures.ERRORS.toFailure(response);
    }
}
