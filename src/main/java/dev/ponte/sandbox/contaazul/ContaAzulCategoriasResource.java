package dev.ponte.sandbox.contaazul;

import dev.ponte.sandbox.contaazul.ContaAzulModel.Categoria;
import dev.ponte.sandbox.contaazul.ContaAzulModel.Listagem;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The account's categories ({@code GET /v1/categorias}, financial spec), fixed per account here
 * ({@link ContaAzul#CATEGORIAS}). {@code permite_apenas_filhos}, "required" in the spec, is not enforced:
 * Conta Azul's own n8n node never sends it.
 */
@IfBuildProperty(name = "ponte.sandbox.included", stringValue = "true")
@Path("/sandbox/contaazul/v1/categorias")
@Produces(MediaType.APPLICATION_JSON)
public class ContaAzulCategoriasResource {

    private final ContaAzul state;

    public ContaAzulCategoriasResource(ContaAzul state) {
        this.state = state;
    }

    /** {@code tamanho_pagina} is an enum in the financial spec, as in the sales one. */
    static final Set<Integer> PAGE_SIZES = Set.of(10, 20, 50, 100, 200, 500, 1000);

    @GET
    public Listagem<Categoria> categorias(@QueryParam("pagina") @DefaultValue("1") int pagina,
                                          @QueryParam("tamanho_pagina") @DefaultValue("10") int tamanhoPagina,
                                          @QueryParam("tipo") String tipo,
                                          @QueryParam("apenas_filhos") @DefaultValue("false") boolean apenasFilhos,
                                          @QueryParam("busca") String busca,
                                          @QueryParam("nome") String nome) {
        pageSize(tamanhoPagina);
        if (tipo != null && !Set.of("RECEITA", "DESPESA").contains(tipo)) {
            throw ContaAzulErrors.badRequest(ContaAzulErrors.INVALID, "tipo", tipo);
        }
        List<Categoria> categorias = state.categorias();
        List<Categoria> all = categorias.stream()
                .filter(c -> tipo == null || tipo.equals(c.tipo()))
                .filter(c -> !apenasFilhos || categorias.stream().noneMatch(x -> c.id().equals(x.categoriaPai())))
                .filter(c -> busca == null || lower(c.nome()).contains(lower(busca)))
                .filter(c -> nome == null || lower(c.nome()).equals(lower(nome)))
                .toList();
        return new Listagem<>(all.size(), ContaAzul.page(all, pagina, tamanhoPagina));
    }

    static void pageSize(int tamanhoPagina) {
        if (!PAGE_SIZES.contains(tamanhoPagina)) {
            throw ContaAzulErrors.badRequest(ContaAzulErrors.INVALID, "tamanho_pagina", tamanhoPagina);
        }
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
