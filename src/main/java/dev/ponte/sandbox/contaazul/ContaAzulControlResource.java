package dev.ponte.sandbox.contaazul;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * Test controls of the Conta Azul emulator beyond the shared {@code _faults} and {@code _state} (on a path of its own:
 * a resource at {@code /sandbox/contaazul} would shadow the shared admin resource). {@code POST …/_controls/tokens}
 * sets the lifetime of new access tokens, so a test sees connections renew within seconds instead of an hour;
 * {@code POST …/_controls/errors} sets the shape of refusal bodies, which the live API does not document (both shapes
 * clients meet are served); {@code POST …/_controls/financeiro} makes the financial creates answer with a protocol, as
 * they did before 18/10/2026. A state reset restores all three.
 */
@IfBuildProperty(name = "ponte.sandbox.included", stringValue = "true")
@Path("/sandbox/contaazul/_controls")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContaAzulControlResource {

    private final ContaAzul state;

    public ContaAzulControlResource(ContaAzul state) {
        this.state = state;
    }

    /** {@code {"access_token_seconds": 2}}: tokens issued from now on live that long. */
    public record Tokens(@JsonProperty("access_token_seconds") Long accessTokenSeconds) {
    }

    @POST
    @Path("tokens")
    public Map<String, Object> tokens(Tokens tokens) {
        if (tokens == null || tokens.accessTokenSeconds() == null || tokens.accessTokenSeconds() < 1) {
            throw new BadRequestException("access_token_seconds must be at least 1");
        }
        state.accessTokenSeconds = tokens.accessTokenSeconds();
        return Map.of("access_token_seconds", state.accessTokenSeconds);
    }

    /**
     * {@code DELETE …/_controls/categorias/{id}}: the category is deleted, as a person does in Conta Azul's screen
     * (the API cannot), so that a mapping naming it meets a ledger without it. A state reset brings it back.
     */
    @jakarta.ws.rs.DELETE
    @Path("categorias/{id}")
    public Map<String, Object> deleteCategoria(@jakarta.ws.rs.PathParam("id") java.util.UUID id) {
        if (ContaAzul.CATEGORIAS.stream().noneMatch(c -> c.id().equals(id))) {
            throw new jakarta.ws.rs.NotFoundException("no category " + id);
        }
        state.deletedCategorias.add(id);
        return Map.of("deleted", id.toString());
    }

    /** {@code {"shape": "message" | "objects" | "strings"}}: see {@link ContaAzulErrors.Shape}. */
    public record Errors(String shape) {
    }

    @POST
    @Path("errors")
    public Map<String, Object> errors(Errors errors) {
        try {
            ContaAzulErrors.shape = ContaAzulErrors.Shape.valueOf(errors.shape().toUpperCase(java.util.Locale.ROOT));
        } catch (RuntimeException e) {
            throw new BadRequestException("shape must be message, objects or strings");
        }
        return Map.of("shape", ContaAzulErrors.shape.name().toLowerCase(java.util.Locale.ROOT));
    }

    /** {@code {"create": "synchronous" | "protocol"}}: how the receivable and payable creates answer. */
    public record Financeiro(String create) {
    }

    @POST
    @Path("financeiro")
    public Map<String, Object> financeiro(Financeiro financeiro) {
        if (financeiro == null || !"synchronous".equals(financeiro.create()) && !"protocol".equals(financeiro.create())) {
            throw new BadRequestException("create must be synchronous or protocol");
        }
        state.protocolCreates = "protocol".equals(financeiro.create());
        return Map.of("create", financeiro.create());
    }
}
