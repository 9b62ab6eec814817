package dev.ponte.sandbox.crmincloud;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponte.sandbox.crmincloud.CrmInCloudModel.Company;
import dev.ponte.sandbox.crmincloud.CrmInCloudModel.FieldDefinition;
import dev.ponte.sandbox.crmincloud.CrmInCloudModel.FreeFieldValue;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Companies: {@code GET Company/Search} with OData {@code $filter}, {@code $orderby}, {@code $top} (at most 100) and
 * {@code $skip}; {@code GET/PUT Company/{id}}; {@code POST Company}. Create and update answer the stored company.
 * A PUT replaces the contact data (missing properties are cleared) but keeps {@code code} when absent, and changes
 * only the additional fields it lists.
 */
@IfBuildProperty(name = "ponte.sandbox.included", stringValue = "true")
@Path("/sandbox/crmincloud/api/v1/{controller: Companies|Company}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CrmInCloudCompanyResource {

    static final int MAX_TOP = 100;

    private final CrmInCloud state;

    public CrmInCloudCompanyResource(CrmInCloud state) {
        this.state = state;
    }

    @GET
    @Path("Search")
    public List<Company> search(@QueryParam("$filter") String filter, @QueryParam("$orderby") String orderBy,
            @QueryParam("$top") Integer top, @QueryParam("$skip") Integer skip) {
        String order = orderBy == null ? "id" : orderBy.replace(" ", "").replace("asc", "").toLowerCase(Locale.ROOT);
        boolean byModification = switch (order) {
            case "id" -> false;
            case "lastmodifieddate", "lastmodifieddate,id" -> true;
            default -> throw state.failure(400, "Unsupported $orderby: " + orderBy);
        };
        try {
            return state.companies(ODataFilter.parse(filter), byModification, skip == null ? 0 : Math.max(0, skip),
                    Json.page(top, 50, MAX_TOP));
        } catch (IllegalArgumentException e) {
            throw state.failure(400, "Invalid $filter: " + e.getMessage());
        }
    }

    @GET
    @Path("{id}")
    public Company get(@PathParam("id") long id) {
        Company company = state.companies.get(id);
        if (company == null) {
            throw state.failure(404, "No company with id " + id);
        }
        return company;
    }

    @POST
    public Company create(JsonNode body) {
        Instant now = state.now();
        Company company = read(body, state::nextId, null, now);
        return state.save(company);
    }

    @PUT
    @Path("{id}")
    public Company update(@PathParam("id") long id, JsonNode body) {
        synchronized (state) {
            Company old = get(id);
            return state.save(read(body, () -> id, old, state.now()));
        }
    }

    private Company read(JsonNode body, java.util.function.LongSupplier id, Company old, Instant now) {
        Map<String, List<String>> errors = Json.errors();
        String name = Json.required(body, "companyName", errors);
        String country = Json.text(body, "country");
        if (country != null && !country.matches("[A-Z]{2}")) {
            Json.error(errors, "country", "The country must be an ISO 3166 alpha-2 code.");
        }
        Map<Long, FreeFieldValue> values = new LinkedHashMap<>();
        if (old != null) {
            old.freeFields().forEach(v -> values.put(v.fieldId(), v));
        }
        JsonNode given = body == null ? null : body.get("freeFields");
        if (given != null && given.isArray()) {
            for (int i = 0; i < given.size(); i++) {
                freeField(given.get(i), "freeFields[" + i + "]", values, errors);
            }
        }
        if (!errors.isEmpty()) {
            throw state.invalid(errors);
        }
        String code = Json.text(body, "code");
        return new Company(id.getAsLong(), name, code == null && old != null ? old.code() : code,
                Json.text(body, "address"), Json.text(body, "city"), Json.text(body, "province"),
                Json.text(body, "zipCode"), country, Json.text(body, "vatId"),
                Json.text(body, "taxIdentificationNumber"), Json.text(body, "emails"), Json.text(body, "phone"),
                Json.text(body, "mobilePhone"), List.copyOf(values.values()), old == null ? now : old.createdDate(),
                now);
    }

    /** A value by {@code fieldId} or by {@code label}; a selection field takes only one of its option values. */
    private void freeField(JsonNode node, String at, Map<Long, FreeFieldValue> values,
            Map<String, List<String>> errors) {
        String label = Json.text(node, "label");
        long fieldId = node.path("fieldId").asLong(0);
        FieldDefinition field = state.fields.values().stream()
                .filter(f -> f.id() == fieldId || label != null && f.named(label)).findFirst().orElse(null);
        if (field == null) {
            Json.error(errors, at + ".label", "Unknown additional field '" + (label == null ? fieldId : label) + "'.");
            return;
        }
        String value = Json.text(node, "value");
        if (value == null) {
            values.remove(field.id());
            return;
        }
        if ("Select".equals(field.type()) && field.options().stream().noneMatch(o -> o.value().equals(value))) {
            Json.error(errors, at + ".value", "'" + value + "' is not an option of '" + field.label() + "'.");
            return;
        }
        values.put(field.id(), new FreeFieldValue(field.id(), field.label(), value));
    }
}
