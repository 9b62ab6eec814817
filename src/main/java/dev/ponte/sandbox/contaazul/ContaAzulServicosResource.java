package dev.ponte.sandbox.contaazul;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponte.sandbox.contaazul.ContaAzulModel.Itens;
import dev.ponte.sandbox.contaazul.ContaAzulModel.Servico;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** Services: {@code /v1/servicos} (n8n node + SDK; research-notes §1a). The list envelope is {@code {itens}}. */
@IfBuildProperty(name = "ponte.sandbox.included", stringValue = "true")
@Path("/sandbox/contaazul/v1/servicos")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContaAzulServicosResource {

    private final ContaAzul state;

    public ContaAzulServicosResource(ContaAzul state) {
        this.state = state;
    }

    @GET
    public Itens<Servico> list(@QueryParam("busca_textual") String busca,
                               @QueryParam("pagina") @DefaultValue("1") int pagina,
                               @QueryParam("tamanho_pagina") @DefaultValue("10") int tamanhoPagina) {
        String term = busca == null ? null : busca.toLowerCase(Locale.ROOT);
        List<Servico> all = state.servicos.values().stream()
                .filter(s -> term == null || s.descricao().toLowerCase(Locale.ROOT).contains(term)
                        || s.codigo() != null && s.codigo().toLowerCase(Locale.ROOT).contains(term))
                .sorted(Comparator.comparing(Servico::descricao).thenComparing(Servico::idLegado))
                .toList();
        return new Itens<>(ContaAzul.page(all, pagina, tamanhoPagina));
    }

    @GET
    @Path("{id}")
    public Servico get(@PathParam("id") String id) {
        return ContaAzulPessoasResource.parse(id).map(state.servicos::get).orElseThrow(ContaAzulErrors::notFound);
    }

    @POST
    public Servico create(JsonNode json) {
        Body body = Body.of(json);
        Servico servico = new Servico(UUID.randomUUID(), state.nextLegacyId(), body.text("codigo"),
                body.requireText("descricao"), body.decimal("preco"), body.decimal("custo"),
                body.optionalOneOf("status", Set.of("ATIVO", "INATIVO"), "ATIVO"),
                body.optionalOneOf("tipo_servico", Set.of("PRESTADO", "TOMADO", "AMBOS"), "PRESTADO"),
                state.now());
        state.servicos.put(servico.id(), servico);
        return servico;
    }
}
