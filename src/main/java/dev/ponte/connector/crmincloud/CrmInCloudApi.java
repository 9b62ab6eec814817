package dev.ponte.connector.crmincloud;

import dev.ponte.connector.crmincloud.CrmInCloudDto.Article;
import dev.ponte.connector.crmincloud.CrmInCloudDto.Company;
import dev.ponte.connector.crmincloud.CrmInCloudDto.CompanyWrite;
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

    /** CRM in Cloud's answers in Ponte's terms; a 404 is a {@code NotFound}, so a caller can tell "gone" from "refused". */
    @ClientExceptionMapper
    static RuntimeException toFailure(Response response) {
        return CrmInCloudFailures.ERRORS.toFailure(response);
    }
}
