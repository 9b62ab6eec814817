package dev.ponte.api;

import dev.ponte.connection.TenantService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Tenants and their API keys: the admin key creates tenants; a tenant may manage its own keys. */
@Path("/api/v1/tenants")
@Tag(name = "Tenants", description = "Tenants and API keys (the admin key creates tenants)")
public class TenantResource {

    private final TenantService tenants;
    private final CallerContext caller;

    TenantResource(TenantService tenants, CallerContext caller) {
        this.tenants = tenants;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a tenant", description = "Admin only. Answers the tenant id and its first API key, "
            + "which is shown once and never again.")
    public Response create(@Valid @NotNull TenantRequest request) {
        caller.requireAdmin();
        TenantService.NewKey key = tenants.createTenant(request.name().strip());
        return Response.status(201).entity(new NewKeyResponse(key.tenantId(), key.keyId(), key.key())).build();
    }

    @GET
    @Operation(summary = "List tenants", description = "Admin only.")
    public List<TenantResponse> list() {
        caller.requireAdmin();
        return tenants.tenants().stream().map(t -> new TenantResponse(t.id, t.name, t.createdAt)).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/api-keys")
    @Operation(summary = "Add an API key", description = "The admin, or the tenant itself. The key is shown once.")
    public Response addKey(@PathParam("id") UUID id, @Valid KeyRequest request) {
        allowAdminOrSelf(id);
        TenantService.NewKey key = tenants.addKey(id, request == null ? null : request.label());
        return Response.status(201).entity(new NewKeyResponse(key.tenantId(), key.keyId(), key.key())).build();
    }

    @DELETE
    @Path("/{id}/api-keys/{keyId}")
    @Operation(summary = "Revoke an API key", description = "The admin, or the tenant itself.")
    public Response revokeKey(@PathParam("id") UUID id, @PathParam("keyId") UUID keyId) {
        allowAdminOrSelf(id);
        tenants.revokeKey(id, keyId);
        return Response.noContent().build();
    }

    private void allowAdminOrSelf(UUID tenantId) {
        if (!caller.isAdmin() && !caller.tenantId().equals(tenantId)) {
            throw new dev.ponte.connection.NotFoundException("tenant");
        }
    }

    public record TenantRequest(@NotBlank @Size(max = 200) @Schema(examples = "Acme Ltda") String name) {
    }

    public record KeyRequest(@Size(max = 100) @Schema(examples = "CRM button") String label) {
    }

    public record TenantResponse(UUID id, String name, Instant createdAt) {
    }

    public record NewKeyResponse(UUID tenantId, UUID keyId,
            @Schema(description = "The API key; shown only in this response", examples = "pk_3q2-…") String apiKey) {
    }
}
