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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Quotations: {@code POST /quotations} with the community body of
 * specs/reviso/quotation-or-order.request.community.json (every line must name a product), {@code GET} (list with
 * filter, e.g. on {@code references.other}, and one) and the printed document at {@code /quotations/{id}/pdf}. The
 * answer carries {@code id, number, netAmount, vatAmount, grossAmount, pdf{download}, isArchived} (research-notes §3);
 * {@code references{other}} next to {@code notes} is e-conomic's shape, a guess for Reviso.
 */
@IfBuildProperty(name = "ponte.sandbox.included", stringValue = "true")
@Path("/sandbox/reviso/quotations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RevisoQuotationsResource {

    private final Reviso state;

    public RevisoQuotationsResource(Reviso state) {
        this.state = state;
    }

    @GET
    public Map<String, Object> list(@QueryParam("filter") String filter, @QueryParam("sort") String sort,
            @QueryParam("skippages") @DefaultValue("0") int skipPages,
            @QueryParam("pagesize") @DefaultValue("20") int pageSize, @Context UriInfo uri) {
        RevisoQuery.Filter f = RevisoQuery.parse(filter);
        List<Map<String, Object>> matched = new ArrayList<>(state.quotations.values().stream()
                .filter(q -> f == null || f.test(q, Reviso::path)).toList());
        matched.sort(RevisoQuery.sort(sort, Reviso::path, Comparator.comparing(q -> (Integer) q.get("id"))));
        String root = Reviso.root(uri);
        return RevisoQuery.page(matched, state.quotations.size(), skipPages, pageSize, uri,
                q -> Reviso.absolute(q, root));
    }

    @GET
    @Path("{id}")
    public Object get(@PathParam("id") int id, @Context UriInfo uri) {
        return Reviso.absolute(quotation(id), Reviso.root(uri));
    }

    @GET
    @Path("{id}/pdf")
    @Produces("application/pdf")
    public byte[] pdf(@PathParam("id") int id) {
        Map<String, Object> q = quotation(id);
        List<String> lines = new ArrayList<>(List.of("Preventivo n. " + q.get("number") + " del " + q.get("date"),
                "Cliente: " + Reviso.path(q, "recipient.name"), ""));
        for (Object line : (List<?>) q.get("lines")) {
            @SuppressWarnings("unchecked") Map<String, Object> l = (Map<String, Object>) line;
            lines.add(Reviso.path(l, "product.productNumber") + "  " + l.get("description") + "  "
                    + l.get("quantity") + " x " + l.get("unitNetPrice") + " = " + l.get("totalNetAmount"));
        }
        lines.add("");
        lines.add("Imponibile " + q.get("netAmount") + "  IVA " + q.get("vatAmount") + "  Totale "
                + q.get("grossAmount") + " " + q.get("currency"));
        return Pdf.of(lines);
    }

    @POST
    public Response create(JsonNode json, @Context UriInfo uri) {
        JsonNode body = json == null ? NullNode.getInstance() : json;
        List<PropertyError> schema = new ArrayList<>();
        String date = require(body, "date", schema);
        String currency = require(body, "currency", schema);
        JsonNode customerNumber = requireNumber(body.path("customer"), "customer", "customerNumber", schema);
        JsonNode terms = requireNumber(body.path("paymentTerms"), "paymentTerms", "paymentTermsNumber", schema);
        String recipient = RevisoCustomersResource.text(body.path("recipient"), "name");
        if (recipient == null) {
            schema.add(new PropertyError("recipient.name", RevisoErrors.REQUIRED));
        }
        JsonNode zone = requireNumber(body.path("recipient").path("vatZone"), "recipient.vatZone", "vatZoneNumber",
                schema);
        // The community's validated body names a layout, as e-conomic's drafts must [I]: required here.
        JsonNode layout = requireNumber(body.path("layout"), "layout", "layoutNumber", schema);
        JsonNode lines = body.path("lines");
        if (!lines.isArray() || lines.isEmpty()) {
            schema.add(new PropertyError("lines", RevisoErrors.REQUIRED));
        }
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = lines.get(i);
            if (RevisoCustomersResource.text(line.path("product"), "productNumber") == null) {
                schema.add(new PropertyError("lines[" + i + "].product", RevisoErrors.REQUIRED));
            }
            if (!line.path("quantity").isNumber()) {
                schema.add(new PropertyError("lines[" + i + "].quantity", RevisoErrors.REQUIRED));
            }
            if (!line.path("unitNetPrice").isMissingNode() && !line.path("unitNetPrice").isNumber()) {
                schema.add(new PropertyError("lines[" + i + "].unitNetPrice", "Value must be a number."));
            }
        }
        if (date != null) {
            try {
                LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                schema.add(new PropertyError("date", "Value must be a date (yyyy-MM-dd)."));
            }
        }
        if (!schema.isEmpty()) {
            throw RevisoErrors.schema(schema);
        }
        Customer customer = state.customer(customerNumber.asInt());
        if (customer == null) {
            throw RevisoErrors.invalid("customer", String.format(RevisoErrors.NOT_FOUND, "Customer"));
        }
        List<PropertyError> refs = new ArrayList<>();
        check(refs, "currency", "currencies", "code", currency, "Currency");
        check(refs, "paymentTerms", "payment-terms", "paymentTermsNumber", terms.asInt(), "Payment terms");
        check(refs, "recipient.vatZone", "vat-zones", "vatZoneNumber", zone.asInt(), "VAT zone");
        check(refs, "layout", "layouts", "layoutNumber", layout.asInt(), "Layout");
        List<PropertyError> products = new ArrayList<>();
        BigDecimal net = BigDecimal.ZERO;
        BigDecimal vat = BigDecimal.ZERO;
        List<Map<String, Object>> stored = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = lines.get(i);
            String productNumber = RevisoCustomersResource.text(line.path("product"), "productNumber");
            Map<String, Object> product = state.products.get(productNumber);
            if (product == null) {
                products.add(new PropertyError("lines[" + i + "].product",
                        String.format(RevisoErrors.PRODUCT_NOT_FOUND, productNumber)));
                continue;
            }
            String vatCode = RevisoCustomersResource.text(line.path("vatInfo").path("vatAccount"), "vatCode");
            Map<String, Object> vatAccount = state.find("vat-accounts", "vatCode", vatCode);
            if (vatCode != null && vatAccount == null) {
                refs.add(new PropertyError("lines[" + i + "].vatInfo.vatAccount",
                        String.format(RevisoErrors.NOT_FOUND, "VAT account")));
                continue;
            }
            BigDecimal rate = vatAccount != null ? (BigDecimal) vatAccount.get("ratePercentage")
                    : zone.asInt() == 1 ? new BigDecimal("22") : BigDecimal.ZERO;
            BigDecimal quantity = line.get("quantity").decimalValue();
            BigDecimal price = line.has("unitNetPrice") ? line.get("unitNetPrice").decimalValue()
                    : (BigDecimal) product.get("salesPrice");
            BigDecimal discount = line.path("discountPercentage").isNumber()
                    ? line.get("discountPercentage").decimalValue() : BigDecimal.ZERO;
            BigDecimal total = quantity.multiply(price).multiply(BigDecimal.valueOf(100).subtract(discount))
                    .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
            net = net.add(total);
            vat = vat.add(total.multiply(rate).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP));
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("lineNumber", i + 1);
            l.put("description", line.hasNonNull("description") ? line.get("description").asText() : product.get("name"));
            l.put("quantity", quantity);
            l.put("unitNetPrice", price);
            l.put("discountPercentage", discount);
            l.put("totalNetAmount", total);
            l.put("product", Reviso.ref("productNumber", productNumber, "/products/"));
            l.put("vatInfo", Map.of("vatAccount", Reviso.ref("vatCode", vatAccount != null
                    ? vatAccount.get("vatCode") : "V022", "/vat-accounts/"), "vatRate", rate));
            stored.add(l);
        }
        if (!products.isEmpty()) {
            throw new WebApplicationException(RevisoErrors.body(400, products.get(0).message(), "E04300", products));
        }
        if (!refs.isEmpty()) {
            throw new WebApplicationException(RevisoErrors.body(400, RevisoErrors.VALIDATION_FAILED, "E04300", refs));
        }
        int id = state.nextQuotationNumber();
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("id", id);
        q.put("number", id);
        q.put("date", date);
        q.put("currency", currency.toUpperCase(java.util.Locale.ROOT));
        q.put("customer", Reviso.ref("customerNumber", customer.customerNumber(), "/customers/"));
        q.put("recipient", Map.of("name", recipient, "vatZone", Reviso.ref("vatZoneNumber", zone.asInt(),
                "/vat-zones/")));
        q.put("paymentTerms", Reviso.ref("paymentTermsNumber", terms.asInt(), "/payment-terms/"));
        q.put("layout", Reviso.ref("layoutNumber", layout.asInt(), "/layouts/"));
        q.put("notes", copy(body.get("notes")));
        q.put("references", copy(body.get("references")));
        q.put("lines", stored);
        q.put("netAmount", net);
        q.put("vatAmount", vat);
        q.put("grossAmount", net.add(vat));
        q.put("isArchived", false);
        q.put("lastUpdated", state.now());
        q.put("pdf", Map.of("download", "/quotations/" + id + "/pdf"));
        q.put("self", "/quotations/" + id);
        q.values().removeIf(java.util.Objects::isNull);
        state.quotations.put(id, q);
        return Response.status(201).entity(Reviso.absolute(q, Reviso.root(uri))).build();
    }

    private Map<String, Object> quotation(int id) {
        Map<String, Object> q = state.quotations.get(id);
        if (q == null) {
            throw RevisoErrors.notFound("Quotation");
        }
        return q;
    }

    /** Free-text objects ({@code notes}, {@code references}) kept as given, string values only. */
    private static Map<String, Object> copy(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        return m;
    }

    private void check(List<PropertyError> errors, String property, String path, String key, Object value,
            String what) {
        if (state.find(path, key, value) == null) {
            errors.add(new PropertyError(property, String.format(RevisoErrors.NOT_FOUND, what)));
        }
    }

    private static String require(JsonNode body, String field, List<PropertyError> errors) {
        String value = RevisoCustomersResource.text(body, field);
        if (value == null) {
            errors.add(new PropertyError(field, RevisoErrors.REQUIRED));
        }
        return value;
    }

    private static JsonNode requireNumber(JsonNode object, String property, String field, List<PropertyError> errors) {
        JsonNode value = object.get(field);
        if (value == null || !value.canConvertToInt()) {
            errors.add(new PropertyError(property, RevisoErrors.REQUIRED));
            return null;
        }
        return value;
    }
}
