package dev.ponte.connector.crmincloud;

import dev.ponte.connector.CredentialsFailure;
import dev.ponte.connector.RejectedFailure;
import dev.ponte.connector.RejectedFailure.FieldError;
import dev.ponte.connector.TransientFailure;
import dev.ponte.connector.crmincloud.CrmInCloudDto.Article;
import dev.ponte.connector.crmincloud.CrmInCloudDto.Company;
import dev.ponte.connector.crmincloud.CrmInCloudDto.CompanyWrite;
import dev.ponte.connector.crmincloud.CrmInCloudDto.Error;
import dev.ponte.connector.crmincloud.CrmInCloudDto.ExternalReference;
import dev.ponte.connector.crmincloud.CrmInCloudDto.FieldDefinition;
import dev.ponte.connector.crmincloud.CrmInCloudDto.Login;
import dev.ponte.connector.crmincloud.CrmInCloudDto.NewField;
import dev.ponte.connector.crmincloud.CrmInCloudDto.Option;
import dev.ponte.connector.crmincloud.CrmInCloudDto.Quote;
import dev.ponte.connector.crmincloud.CrmInCloudDto.TableRow;
import dev.ponte.connector.crmincloud.CrmInCloudDto.Token;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.Closeable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * CRM in Cloud's REST API as Ponte calls it, after the documented routing grammar
 * {@code /api/{version}/{controller}/{action}/{id}} (package-info: which controllers and shapes are verified and
 * which guessed). Built per connection by {@link CrmInCloudConnector}; the bearer token from {@link #login} travels
 * in the {@code Authorization} header. Closing releases the client's HTTP connections.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface CrmInCloudApi extends Closeable {

    @POST
    @Path("/Auth/Login")
    Token login(Login login);

    @GET
    @Path("/Company/Search")
    List<Company> companies(@QueryParam("$filter") String filter, @QueryParam("$orderby") String orderBy,
            @QueryParam("$top") int top, @QueryParam("$skip") Integer skip);

    @GET
    @Path("/Company/{id}")
    Company company(@PathParam("id") long id);

    @POST
    @Path("/Company")
    Company createCompany(CompanyWrite company);

    @PUT
    @Path("/Company/{id}")
    Company updateCompany(@PathParam("id") long id, CompanyWrite company);

    @GET
    @Path("/FreeField/Company")
    List<FieldDefinition> companyFields();

    @POST
    @Path("/FreeField/Company")
    FieldDefinition addCompanyField(NewField field);

    @POST
    @Path("/FreeField/Company/{id}/Options")
    FieldDefinition addOptions(@PathParam("id") long fieldId, List<Option> options);

    @GET
    @Path("/CatalogArticle/Search")
    List<Article> articles(@QueryParam("$top") int top, @QueryParam("$skip") int skip);

    @POST
    @Path("/CatalogArticle")
    Article createArticle(Article article);

    @PUT
    @Path("/CatalogArticle/{id}")
    Article updateArticle(@PathParam("id") long id, Article article);

    /** {@code table}: VatCode, PaymentTerm, PaymentMode or UnitOfMeasure. */
    @GET
    @Path("/{table}")
    List<TableRow> rows(@PathParam("table") String table);

    @POST
    @Path("/{table}")
    TableRow createRow(@PathParam("table") String table, TableRow row);

    @PUT
    @Path("/{table}/{id}")
    TableRow updateRow(@PathParam("table") String table, @PathParam("id") long id, TableRow row);

    @GET
    @Path("/Quote/{id}")
    Quote quote(@PathParam("id") long id);

    @POST
    @Path("/Quote/{id}/ExternalReference")
    Quote linkQuote(@PathParam("id") long id, ExternalReference reference);

    /**
     * CRM in Cloud's answers in Ponte's terms. 404 becomes {@link NotFound} so that a caller can tell "gone" from
     * "refused"; it never leaves this package.
     */
    @ClientExceptionMapper
    static RuntimeException toFailure(Response response) {
        int status = response.getStatus();
        if (status == 401) {
            return new CredentialsFailure("CRM in Cloud refused the Web API key (401): give a valid key");
        }
        if (status == 429) {
            return TransientFailure.rateLimited(retryAfter(response));
        }
        if (status >= 500) {
            return new TransientFailure("CRM in Cloud answered " + status, retryAfter(response), null);
        }
        if (status == 404) {
            return new NotFound();
        }
        Error error = error(response);
        List<FieldError> fields = new ArrayList<>();
        if (error != null && error.modelState() != null) {
            error.modelState().forEach((field, messages) -> messages.forEach(m -> fields.add(new FieldError(field, m))));
        }
        String detail = error == null || error.message() == null ? "" : ": " + error.message();
        return new RejectedFailure("CRM in Cloud refused the request (" + status + ")" + detail, fields);
    }

    /** {@code Retry-After} in seconds (no CRM in Cloud rate-limit docs found). */
    private static Duration retryAfter(Response response) {
        return TransientFailure.parseRetryAfter(response.getHeaderString("Retry-After"));
    }

    private static Error error(Response response) {
        try {
            return response.hasEntity() ? response.readEntity(Error.class) : null;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    /** A 404: the record does not exist (or no longer does). */
    final class NotFound extends RuntimeException {

        NotFound() {
            super("not found in CRM in Cloud", null, false, false);
        }
    }
}
