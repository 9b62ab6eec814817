package dev.ponte.connector.moskit;

import dev.ponte.connector.moskit.MoskitDto.Company;
import dev.ponte.connector.moskit.MoskitDto.Contact;
import dev.ponte.connector.moskit.MoskitDto.CustomField;
import dev.ponte.connector.moskit.MoskitDto.Deal;
import dev.ponte.connector.moskit.MoskitDto.Product;
import dev.ponte.connector.moskit.MoskitDto.Stage;
import dev.ponte.connector.moskit.MoskitDto.User;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.GET;
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
 * Moskit's API v2 as Ponte reads it (community contract, wave2-contracts §1); the key travels in the {@code apikey}
 * header. Two paging styles: {@code /deals} by offset ({@code start}, ascending by id, so a deal created during a
 * scan cannot shift one out), the lists by the {@code X-Moskit-Listing-Next-Page-Token} response header sent back as
 * {@code nextPageToken}; pages hold 10 items whatever is asked.
 */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
interface MoskitApi extends Closeable {

    String NEXT_PAGE_TOKEN = "X-Moskit-Listing-Next-Page-Token";

    @GET
    @Path("/users")
    RestResponse<List<User>> users(@QueryParam("nextPageToken") String nextPageToken);

    @GET
    @Path("/deals/{id}")
    Deal deal(@PathParam("id") long id);

    @GET
    @Path("/deals")
    List<Deal> deals(@QueryParam("start") int start, @QueryParam("sort") String sort,
            @QueryParam("order") String order);

    @GET
    @Path("/contacts/{id}")
    Contact contact(@PathParam("id") long id);

    @GET
    @Path("/companies/{id}")
    Company company(@PathParam("id") long id);

    @GET
    @Path("/products/{id}")
    Product product(@PathParam("id") long id);

    @GET
    @Path("/customFields")
    RestResponse<List<CustomField>> customFields(@QueryParam("nextPageToken") String nextPageToken);

    @GET
    @Path("/stages")
    RestResponse<List<Stage>> stages(@QueryParam("nextPageToken") String nextPageToken);

    /** Moskit's answers in Ponte's terms; a 404 is a {@code NotFound}, so a caller can tell "gone" from "refused". */
    @ClientExceptionMapper
    static RuntimeException toFailure(Response response) {
        return MoskitFailures.ERRORS.toFailure(response);
    }
}
