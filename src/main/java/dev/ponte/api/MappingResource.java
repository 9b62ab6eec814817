package dev.ponte.api;

import dev.ponte.connection.MappingDraft;
import dev.ponte.connection.MappingService;
import dev.ponte.mapping.MappingTable;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A connection's mapping tables (R32): how each of the ledger's extra customer fields is filled for companies from
 * the CRM, and written back to the CRM for ledger customers.
 */
@Path("/api/v1/connections/{id}/mappings")
@Tag(name = "Mappings", description = "Currency, customer group, payment terms, payment mode, VAT zone and price "
        + "group: CRM field, default, translations, VAT zone derivation (R32)")
public class MappingResource {

    private static final String FIELD = "The ledger customer field";

    private final MappingService mappings;
    private final CallerContext caller;

    MappingResource(MappingService mappings, CallerContext caller) {
        this.mappings = mappings;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "List the six mapping tables", description = "Defaults applied: a table nobody changed "
            + "reads the seed's CRM field label, no default value, and for the VAT zone derivation on.")
    public List<MappingResponse> list(@PathParam("id") UUID id) {
        return mappings.tables(caller.tenantId(), id).all().stream().map(MappingResource::view).toList();
    }

    @GET
    @Path("/{field}")
    @Operation(summary = "Read one mapping table")
    public MappingResponse get(@PathParam("id") UUID id,
            @Parameter(description = FIELD, schema = @Schema(enumeration = { "currency", "customer-group",
                    "payment-terms", "payment-mode", "vat-zone", "price-group" })) @PathParam("field") String field) {
        return view(mappings.table(caller.tenantId(), id, field));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{field}")
    @Operation(summary = "Replace one mapping table", description = "CRM company values are translated first; a value "
            + "that is already a ledger code passes as it is; an empty field takes the derived VAT zone (derive, "
            + "vat-zone only), else the default value. Codes are checked against the ledger when a customer is sent.")
    public MappingResponse put(@PathParam("id") UUID id,
            @Parameter(description = FIELD, schema = @Schema(enumeration = { "currency", "customer-group",
                    "payment-terms", "payment-mode", "vat-zone", "price-group" })) @PathParam("field") String field,
            @NotNull MappingRequest request) {
        return view(mappings.put(caller.tenantId(), id, field, request.toDraft()));
    }

    @DELETE
    @Path("/{field}")
    @Operation(summary = "Reset one mapping table to its defaults")
    public Response reset(@PathParam("id") UUID id,
            @Parameter(description = FIELD, schema = @Schema(enumeration = { "currency", "customer-group",
                    "payment-terms", "payment-mode", "vat-zone", "price-group" })) @PathParam("field") String field) {
        mappings.reset(caller.tenantId(), id, field);
        return Response.noContent().build();
    }

    private static MappingResponse view(MappingTable t) {
        return new MappingResponse(MappingTable.pathName(t.field()), t.field().mandatory(), t.defaultValue(),
                t.crmField(), t.derive(), t.translations());
    }

    @Schema(name = "MappingRequest")
    public record MappingRequest(
            @Schema(description = "Ledger code used when the CRM field is empty (and nothing is derived)",
                    examples = "EUR") String defaultValue,
            @Schema(description = "Label of the CRM company field holding the value; omitted: the seed's label",
                    examples = "Valuta Reviso") String crmField,
            @Schema(description = "vat-zone only: derive the zone from the customer's country (Domestic, EU, "
                    + "Abroad) among the ledger's zones; omitted: true for vat-zone, false otherwise") Boolean derive,
            @Schema(description = "CRM value → ledger code", examples = "{\"Euro\": \"EUR\"}")
            Map<String, String> translations) {

        MappingDraft toDraft() {
            return new MappingDraft(defaultValue, crmField, derive, translations);
        }
    }

    @Schema(name = "Mapping")
    public record MappingResponse(@Schema(examples = "vat-zone") String field,
            @Schema(description = "Whether the ledger requires the field on every customer") boolean mandatory,
            String defaultValue, String crmField, boolean derive, Map<String, String> translations) {
    }
}
