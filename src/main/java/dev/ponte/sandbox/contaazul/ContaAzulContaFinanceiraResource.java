package dev.ponte.sandbox.contaazul;

import dev.ponte.sandbox.contaazul.ContaAzulModel.ContaFinanceira;
import dev.ponte.sandbox.contaazul.ContaAzulModel.Listagem;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;

/** The account's financial accounts ({@code GET /v1/conta-financeira}, financial spec), fixed per account here. */
@IfBuildProperty(name = "ponte.sandbox.included", stringValue = "true")
@Path("/sandbox/contaazul/v1/conta-financeira")
@Produces(MediaType.APPLICATION_JSON)
public class ContaAzulContaFinanceiraResource {

    @GET
    public Listagem<ContaFinanceira> contas(@QueryParam("pagina") @DefaultValue("1") int pagina,
                                            @QueryParam("tamanho_pagina") @DefaultValue("10") int tamanhoPagina,
                                            @QueryParam("apenas_ativo") @DefaultValue("false") boolean apenasAtivo,
                                            @QueryParam("nome") String nome) {
        ContaAzulCategoriasResource.pageSize(tamanhoPagina);
        List<ContaFinanceira> all = ContaAzul.CONTAS_FINANCEIRAS.stream()
                .filter(c -> !apenasAtivo || c.ativo())
                .filter(c -> nome == null || c.nome().toLowerCase(Locale.ROOT).contains(nome.toLowerCase(Locale.ROOT)))
                .toList();
        return new Listagem<>(all.size(), ContaAzul.page(all, pagina, tamanhoPagina));
    }
}
