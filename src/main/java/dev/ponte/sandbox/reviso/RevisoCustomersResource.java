package dev.ponte.sandbox.reviso;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.ponte.sandbox.reviso.Reviso.Customer;
import dev.ponte.sandbox.reviso.RevisoErrors.PropertyError;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Customers ({@code /customers}): list with filter, sort and paging, read, create
 * (the next {@code customerNumber}) and replace (PUT: absent fields are cleared). Every write stamps
 * {@code lastUpdated}. Validation follows the official sample and the seed's errors (see {@link RevisoErrors}).
 */
@IfBuildProperty(name = "ponte.sandbox.included", stringValue = "true")
@Path("/sandbox/reviso/customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RevisoCustomersResource {

    private final Reviso state;

    public RevisoCustomersResource(Reviso state) {
        this.state = state;
    }

    @GET
    public Map<String, Object> list(@QueryParam("filter") String filter, @QueryParam("sort") String sort,
            @QueryParam("skippages") @DefaultValue("0") int skipPages,
            @QueryParam("pagesize") @DefaultValue("20") int pageSize, @Context UriInfo uri) {
        List<Customer> matched = new ArrayList<>(state.customers(RevisoQuery.parse(filter)));
        matched.sort(RevisoQuery.sort(sort, Customer::field, Comparator.comparingInt(Customer::customerNumber)));
        String root = Reviso.root(uri);
        return RevisoQuery.page(matched, state.customerCount(), skipPages, pageSize, uri,
                c -> Reviso.absolute(state.render(c), root));
    }

    @GET
    @Path("{number}")
    public Object get(@PathParam("number") int number, @Context UriInfo uri) {
        Customer c = state.customer(number);
        if (c == null) {
            throw RevisoErrors.notFound("Customer");
        }
        return Reviso.absolute(state.render(c), Reviso.root(uri));
    }

    @POST
    public Response create(JsonNode body, @Context UriInfo uri) {
        Customer saved = state.save(draft(body, 0, true), false);
        return Response.status(201).entity(Reviso.absolute(state.render(saved), Reviso.root(uri))).build();
    }

    @PUT
    @Path("{number}")
    public Object replace(@PathParam("number") int number, JsonNode body, @Context UriInfo uri) {
        if (state.customer(number) == null) {
            throw RevisoErrors.notFound("Customer");
        }
        return Reviso.absolute(state.render(state.save(draft(body, number, false), false)), Reviso.root(uri));
    }

    /** Validates a customer body in the order Reviso answers: schema, references, then the business rules. */
    Customer draft(JsonNode json, int number, boolean create) {
        JsonNode body = json == null ? NullNode.getInstance() : json;
        List<PropertyError> schema = new ArrayList<>();
        String name = text(body, "name");
        if (name == null) {
            schema.add(new PropertyError("name", RevisoErrors.REQUIRED));
        }
        String currency = text(body, "currency");
        if (currency == null) {
            schema.add(new PropertyError("currency", RevisoErrors.REQUIRED));
        }
        Integer group = number(body, "customerGroup", "customerGroupNumber", schema, true);
        Integer terms = number(body, "paymentTerms", "paymentTermsNumber", schema, true);
        Integer zone = number(body, "vatZone", "vatZoneNumber", schema, true);
        Integer type = number(body, "paymentType", "paymentTypeNumber", schema, false);
        Integer priceGroup = number(body, "priceGroup", "priceGroupNumber", schema, false);
        Integer province = number(body, "province", "provinceNumber", schema, false);
        if (!schema.isEmpty()) {
            throw RevisoErrors.schema(schema);
        }
        List<PropertyError> refs = new ArrayList<>();
        reference(refs, "currency", "currencies", "code", currency, "Currency");
        reference(refs, "customerGroup", "customer-groups", "customerGroupNumber", group, "Customer group");
        reference(refs, "paymentTerms", "payment-terms", "paymentTermsNumber", terms, "Payment terms");
        reference(refs, "paymentType", "payment-types", "paymentTypeNumber", type, "Payment type");
        reference(refs, "priceGroup", "price-groups", "priceGroupNumber", priceGroup, "Price group");
        String country = text(body.path("countryCode"), "code");
        if (country != null && !country.matches("[A-Za-z]{2}")) {
            refs.add(new PropertyError("countryCode", "Country code not found."));
        }
        country = country == null ? null : country.toUpperCase(Locale.ROOT);
        if (!refs.isEmpty()) {
            throw new jakarta.ws.rs.WebApplicationException(
                    RevisoErrors.body(400, RevisoErrors.VALIDATION_FAILED, "E04300", refs));
        }
        if (province != null && country == null) {
            throw RevisoErrors.customerRule(RevisoErrors.PROVINCE_WITHOUT_COUNTRY, create);
        }
        if (province != null && state.find("provinces/" + country, "provinceNumber", province) == null) {
            throw RevisoErrors.invalid("province", "Province not found.");
        }
        Map<String, Object> vatZone = state.find("vat-zones", "vatZoneNumber", zone);
        if (vatZone == null || !Boolean.TRUE.equals(vatZone.get("enabledForCustomer"))
                || !fits(zone, country == null ? Reviso.AGREEMENT_COUNTRY : country)) {
            throw RevisoErrors.customerRule(RevisoErrors.VAT_ZONE_NOT_VALID, create);
        }
        return new Customer(number, name, currency, group, terms, zone, type, priceGroup, text(body, "vatNumber"),
                text(body, "corporateIdentificationNumber"), text(body, "email"), text(body, "telephoneAndFaxNumber"),
                text(body, "mobilePhone"), text(body, "address"), text(body, "city"), text(body, "zip"), country,
                province, text(body, "italianCertifiedEmail"), lastUpdated(body));
    }

    /** Domestic is the agreement's own country, EU another member state, Abroad the rest (identifiers.md). */
    private static boolean fits(int zone, String country) {
        boolean domestic = Reviso.AGREEMENT_COUNTRY.equals(country);
        return switch (zone) {
            case 1, 4 -> domestic;
            case 2 -> !domestic && Reviso.EU.contains(country);
            case 3 -> !domestic && !Reviso.EU.contains(country);
            default -> false;
        };
    }

    private void reference(List<PropertyError> errors, String property, String path, String key, Object value,
            String what) {
        if (value != null && state.find(path, key, value) == null) {
            errors.add(new PropertyError(property, String.format(RevisoErrors.NOT_FOUND, what)));
        }
    }

    /** Only bulk seeding keeps a given lastUpdated; the API itself always stamps it. */
    private static Instant lastUpdated(JsonNode body) {
        String value = text(body, "lastUpdated");
        return value == null ? null : RevisoQuery.instant(value, new RevisoQuery.Term("lastUpdated", "eq", value));
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText().strip();
    }

    private static Integer number(JsonNode body, String object, String field, List<PropertyError> errors,
            boolean required) {
        JsonNode value = body.path(object).get(field);
        if (value == null || value.isNull()) {
            if (required) {
                errors.add(new PropertyError(object, RevisoErrors.REQUIRED));
            }
            return null;
        }
        if (!(value.isIntegralNumber() && value.canConvertToInt()) && !value.asText().matches("\\d{1,9}")) {
            errors.add(new PropertyError(object + "." + field, "Value must be an integer."));
            return null;
        }
        return value.isIntegralNumber() ? value.asInt() : Integer.valueOf(value.asText());
    }
}
