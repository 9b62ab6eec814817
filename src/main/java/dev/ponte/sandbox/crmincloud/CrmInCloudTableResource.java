package dev.ponte.sandbox.crmincloud;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponte.sandbox.crmincloud.CrmInCloudModel.TableRow;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.LongSupplier;

/**
 * The sales reference tables the Contabilità in Cloud connector fills (seed: "Aliquote IVA, Termini di pagamento,
 * unità di misura", and payment modes): list, create, replace; {@code code} is unique per table. Names and shapes
 * are guesses.
 */
@IfBuildProperty(name = "ponte.sandbox.included", stringValue = "true")
@Path("/sandbox/crmincloud/api/v1/{table: VatCode|PaymentTerm|PaymentMode|UnitOfMeasure}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CrmInCloudTableResource {

    private final CrmInCloud state;

    public CrmInCloudTableResource(CrmInCloud state) {
        this.state = state;
    }

    @GET
    public List<TableRow> list(@PathParam("table") String table) {
        return List.copyOf(state.tables.get(table).values());
    }

    @POST
    public TableRow create(@PathParam("table") String table, JsonNode body) {
        synchronized (state) {
            return save(table, body, state::nextId);
        }
    }

    @PUT
    @Path("{id}")
    public TableRow update(@PathParam("table") String table, @PathParam("id") long id, JsonNode body) {
        synchronized (state) {
            if (!state.tables.get(table).containsKey(id)) {
                throw state.failure(404, "No " + table + " with id " + id);
            }
            return save(table, body, () -> id);
        }
    }

    private TableRow save(String table, JsonNode body, LongSupplier id) {
        Map<String, List<String>> errors = Json.errors();
        String code = Json.required(body, "code", errors);
        String description = Json.required(body, "description", errors);
        BigDecimal rate = Json.decimal(body, "rate", errors);
        BigDecimal days = Json.decimal(body, "days", errors);
        if ("VatCode".equals(table) && rate == null && !errors.containsKey("rate")) {
            Json.error(errors, "rate", "The rate field is required.");
        }
        if ("PaymentTerm".equals(table) && days == null && !errors.containsKey("days")) {
            Json.error(errors, "days", "The days field is required.");
        }
        if (!errors.isEmpty()) {
            throw state.invalid(errors);
        }
        NavigableMap<Long, TableRow> rows = state.tables.get(table);
        long rowId = id.getAsLong();
        if (rows.values().stream().anyMatch(r -> r.code().equals(code) && r.id() != rowId)) {
            throw state.invalid(Map.of("code", List.of("A row with code '" + code + "' already exists.")));
        }
        TableRow row = new TableRow(rowId, code, description, "VatCode".equals(table) ? rate : null,
                "PaymentTerm".equals(table) ? days.intValue() : null);
        rows.put(rowId, row);
        return row;
    }
}
