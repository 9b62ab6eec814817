package dev.ponte.connector.reviso;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponte.connector.reviso.RevisoDto.Currency;
import dev.ponte.connector.reviso.RevisoDto.Customer;
import dev.ponte.connector.reviso.RevisoDto.CustomerGroup;
import dev.ponte.connector.reviso.RevisoDto.Layout;
import dev.ponte.connector.reviso.RevisoDto.NewProduct;
import dev.ponte.connector.reviso.RevisoDto.NewQuotation;
import dev.ponte.connector.reviso.RevisoDto.Page;
import dev.ponte.connector.reviso.RevisoDto.PaymentTerms;
import dev.ponte.connector.reviso.RevisoDto.PaymentType;
import dev.ponte.connector.reviso.RevisoDto.PriceGroup;
import dev.ponte.connector.reviso.RevisoDto.Product;
import dev.ponte.connector.reviso.RevisoDto.ProductGroup;
import dev.ponte.connector.reviso.RevisoDto.ProvinceEntry;
import dev.ponte.connector.reviso.RevisoDto.Quotation;
import dev.ponte.connector.reviso.RevisoDto.Self;
import dev.ponte.connector.reviso.RevisoDto.Unit;
import dev.ponte.connector.reviso.RevisoDto.VatAccount;
import dev.ponte.connector.reviso.RevisoDto.VatZone;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Reviso's REST API (https://rest.reviso.com), as far as Ponte uses it. Built per connection by
 * {@link RevisoConnector}; both tokens go on every call (revisohq/api-samples). Null query parameters are left out.
 */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface RevisoApi {

    String APP = "X-AppSecretToken";
    String GRANT = "X-AgreementGrantToken";

    @GET
    @Path("/self")
    Self self(@HeaderParam(APP) String app, @HeaderParam(GRANT) String grant);

    @GET
    @Path("/customers")
    Page<Customer> customers(@HeaderParam(APP) String app, @HeaderParam(GRANT) String grant,
            @QueryParam("filter") String filter, @QueryParam("sort") String sort,
            @QueryParam("skippages") int skipPages, @QueryParam("pagesize") int pageSize);

    /** The whole stored customer, so a replace (PUT) can keep the fields Ponte does not sync. */
    @GET
    @Path("/customers/{number}")
    ObjectNode customer(@HeaderParam(APP) String app, @HeaderParam(GRANT) String grant,
            @PathParam("number") int number);

    @POST
    @Path("/customers")
    Customer createCustomer(@HeaderParam(APP) String app, @HeaderParam(GRANT) String grant, ObjectNode customer);

    @PUT
    @Path("/customers/{number}")
    Customer replaceCustomer(@HeaderParam(APP) String app, @HeaderParam(GRANT) String grant,
            @PathParam("number") int number, ObjectNode customer);

    @GET
    @Path("/vat-zones")
    Page<VatZone> vatZones(@HeaderParam(APP) String app, @HeaderParam(GRANT) String grant,
            @QueryParam("skippages") int skipPages, @QueryParam("pagesize") int pageSize);

    @GET
    @Path("/vat-accounts")
    Page<VatAccount> vatAccounts(@HeaderParam(APP) String app, @HeaderParam(GRANT) String grant,
            @QueryParam("skippages") int skipPages, @QueryParam("pagesize") int pageSize);

    @GET
    @Path("/payment-terms")
    Page<PaymentTerms> paymentTerms(@HeaderParam(APP) String app, @HeaderParam(GRANT) String grant,
            @QueryParam("skippages") int skipPages, @QueryParam("pagesize") int pageSize);

    @GET
    @Path("/payment-types")
    Page<PaymentType> paymentTypes(@HeaderParam(APP) String app, @HeaderParam(GRANT) String grant,
            @QueryParam("skippages") int skipPages, @QueryParam("pagesize") int pageSize);

    @GET
    @Path("/customer-groups")
    Page<CustomerGroup> customerGroups(@HeaderParam(APP) String app, @HeaderParam(GRANT) String grant,
            @QueryParam("skippages") int skipPages, @QueryParam("pagesize") int pageSize);

    @GET
    @Path("/price-groups")
    Page<PriceGroup> priceGroups(@HeaderParam(APP) String app, @HeaderParam(GRANT) String grant,
            @QueryParam("skippages") int skipPages, @QueryParam("pagesize") int pageSize);

    @GET
    @Path("/currencies")
    Page<Currency> currencies(@HeaderParam(APP) String app, @HeaderParam(GRANT) String grant,
            @QueryParam("skippages") int skipPages, @QueryParam("pagesize") int pageSize);

    @GET
    @Path("/units")
    Page<Unit> units(@HeaderParam(APP) String app, @HeaderParam(GRANT) String grant,
            @QueryParam("skippages") int skipPages, @QueryParam("pagesize") int pageSize);

    @GET
    @Path("/layouts")
    Page<Layout> layouts(@HeaderParam(APP) String app, @HeaderParam(GRANT) String grant,
            @QueryParam("skippages") int skipPages, @QueryParam("pagesize") int pageSize);

    @GET
    @Path("/product-groups")
    Page<ProductGroup> productGroups(@HeaderParam(APP) String app, @HeaderParam(GRANT) String grant,
            @QueryParam("skippages") int skipPages, @QueryParam("pagesize") int pageSize);

    @GET
    @Path("/provinces/{country}")
    Page<ProvinceEntry> provinces(@HeaderParam(APP) String app, @HeaderParam(GRANT) String grant,
            @PathParam("country") String country, @QueryParam("skippages") int skipPages,
            @QueryParam("pagesize") int pageSize);

    @GET
    @Path("/products")
    Page<Product> products(@HeaderParam(APP) String app, @HeaderParam(GRANT) String grant,
            @QueryParam("filter") String filter, @QueryParam("sort") String sort,
            @QueryParam("skippages") int skipPages, @QueryParam("pagesize") int pageSize);

    @POST
    @Path("/products")
    Product createProduct(@HeaderParam(APP) String app, @HeaderParam(GRANT) String grant, NewProduct product);

    @GET
    @Path("/quotations")
    Page<Quotation> quotations(@HeaderParam(APP) String app, @HeaderParam(GRANT) String grant,
            @QueryParam("filter") String filter, @QueryParam("skippages") int skipPages,
            @QueryParam("pagesize") int pageSize);

    @POST
    @Path("/quotations")
    Quotation createQuotation(@HeaderParam(APP) String app, @HeaderParam(GRANT) String grant,
            NewQuotation quotation);

    @GET
    @Path("/quotations/{id}/pdf")
    @Produces("application/pdf")
    byte[] quotationPdf(@HeaderParam(APP) String app, @HeaderParam(GRANT) String grant, @PathParam("id") int id);

    @ClientExceptionMapper
    static RuntimeException toFailure(Response response) {
        return RevisoFailures.ERRORS.toFailure(response);
    }
}
