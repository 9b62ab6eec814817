package dev.ponte.api;

import dev.ponte.connection.EntryMappingService;
import dev.ponte.mapping.EntryMapping;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The mapping of the receivable (R21) or payable (R22) a won deal becomes: each mandatory field a constant, a source
 * field or a template mixing both.
 */
@Path("/api/v1/connections/{id}/entry-mappings/{kind}")
@Tag(name = "Entry mappings", description = "How a won deal's account receivable (WonDealToReceivable) or payable "
        + "(WonDealToPayable) is filled (R21, R22)")
public class EntryMappingResource {

    static final String PLACEHOLDERS = "Each field is a text in which {placeholder} is replaced per deal, so a field "
            + "is a constant (no placeholder), a source field (one placeholder) or a template mixing both; {{ and }} "
            + "are literal braces. Placeholders: {deal.id}, {deal.title}, {deal.value} (1234.56), {deal.wonDate} "
            + "(yyyy-MM-dd, in the ledger's time zone), {deal.field:<label>} (a deal custom field by its label); "
            + "{customer.name}, {customer.type} (PF or PJ), {customer.document} (CPF/CNPJ digits) of the deal's "
            + "customer (its company when it has one, else its contact); {company.name}, {company.field:<label>}, "
            + "{contact.name}, {contact.field:<label>}. A custom field's label is checked against the CRM where it "
            + "can list them.";

    private static final String KIND = "receivable or payable";

    private final EntryMappingService mappings;
    private final CallerContext caller;

    EntryMappingResource(EntryMappingService mappings, CallerContext caller) {
        this.mappings = mappings;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Read the receivable or payable mapping", description = PLACEHOLDERS)
    public EntryMappingResponse get(@PathParam("id") UUID id, @Parameter(description = KIND,
            schema = @Schema(enumeration = { "receivable", "payable" })) @PathParam("kind") String kind) {
        return view(mappings.get(caller.tenantId(), id, kind));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the receivable or payable mapping", description = PLACEHOLDERS + " Checked when "
            + "saved — every field present, placeholders and custom field labels known, a constant competence a "
            + "date, value a positive amount, customerType PF or PJ, role Cliente or Fornecedor, and a constant "
            + "category and financialAccount named as in the ledger (connect the ledger first) — else 422 naming "
            + "each field. Checked again before each entry is sent: a category or account deleted since refuses "
            + "the job with its name, kept for a retry.")
    public EntryMappingResponse put(@PathParam("id") UUID id, @Parameter(description = KIND,
            schema = @Schema(enumeration = { "receivable", "payable" })) @PathParam("kind") String kind,
            @NotNull EntryMappingRequest request) {
        return view(mappings.put(caller.tenantId(), id, kind, request.fields()));
    }

    private static EntryMappingResponse view(EntryMapping mapping) {
        return new EntryMappingResponse(mapping.kind().name().toLowerCase(java.util.Locale.ROOT), mapping.texts(),
                mapping.categoryId(), mapping.financialAccountId());
    }

    @Schema(name = "EntryMappingRequest")
    public record EntryMappingRequest(
            @Schema(description = "Every mandatory field: competence, value, notes, description, financialAccount "
                    + "(by name), category (by name), customerName, customerType (PF | PJ), role (Cliente | "
                    + "Fornecedor: the entry's party is a customer or a supplier)", examples = "{\"competence\": "
                    + "\"{deal.wonDate}\", \"value\": \"{deal.value}\", \"description\": \"Pedido {deal.title} – "
                    + "{company.name}\", \"notes\": \"Centro de custo: {deal.field:Centro de custo}\", "
                    + "\"financialAccount\": \"Conta corrente Banco do Brasil\", \"category\": \"Vendas de "
                    + "produtos\", \"customerName\": \"{customer.name}\", \"customerType\": \"{customer.type}\", "
                    + "\"role\": \"Cliente\"}") Map<String, String> fields) {
    }

    @Schema(name = "EntryMapping")
    public record EntryMappingResponse(@Schema(examples = "receivable") String kind, Map<String, String> fields,
            @Schema(description = "The ledger id of the constant category, resolved by name when saved (null: the "
                    + "category is a template, resolved per deal)") String categoryId,
            @Schema(description = "The ledger id of the constant financial account, likewise")
            String financialAccountId) {
    }
}
