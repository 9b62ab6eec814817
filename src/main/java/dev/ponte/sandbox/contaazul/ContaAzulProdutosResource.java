package dev.ponte.sandbox.contaazul;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponte.sandbox.contaazul.ContaAzulModel.Estoque;
import dev.ponte.sandbox.contaazul.ContaAzulModel.Items;
import dev.ponte.sandbox.contaazul.ContaAzulModel.Produto;
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
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Products: {@code /v1/produtos} (n8n node 2026-04 and SDK 2026-07; the saved inventory spec still shows the older
 * {@code /v1/produto/busca}, which is not emulated — research-notes §1a).
 */
@IfBuildProperty(name = "ponte.sandbox.included", stringValue = "true")
@Path("/sandbox/contaazul/v1/produtos")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContaAzulProdutosResource {

    private static final Set<String> FORMATOS = Set.of("SIMPLES", "VARIACAO");
    private static final Set<String> STATUS = Set.of("ATIVO", "INATIVO", "TODOS");

    private final ContaAzul state;

    public ContaAzulProdutosResource(ContaAzul state) {
        this.state = state;
    }

    @GET
    public Items<Produto> list(@QueryParam("busca") String busca,
                               @QueryParam("sku") String sku,
                               @QueryParam("status") @DefaultValue("ATIVO") String status,
                               @QueryParam("data_alteracao_de") String alteracaoDe,
                               @QueryParam("data_alteracao_ate") String alteracaoAte,
                               @QueryParam("pagina") @DefaultValue("1") int pagina,
                               @QueryParam("tamanho_pagina") @DefaultValue("10") int tamanhoPagina) {
        if (!STATUS.contains(status)) {
            throw ContaAzulErrors.badRequest(ContaAzulErrors.INVALID, "status", status);
        }
        LocalDateTime de = ContaAzul.parseDateTime("data_alteracao_de", alteracaoDe);
        LocalDateTime ate = ContaAzul.parseDateTime("data_alteracao_ate", alteracaoAte);
        String term = busca == null ? null : busca.toLowerCase(Locale.ROOT);
        List<Produto> all = state.produtos.values().stream()
                .filter(p -> "TODOS".equals(status) || status.equals(p.status()))
                .filter(p -> term == null || p.nome().toLowerCase(Locale.ROOT).contains(term)
                        || p.codigoSku() != null && p.codigoSku().toLowerCase(Locale.ROOT).contains(term))
                .filter(p -> sku == null || sku.equals(p.codigoSku()))
                .filter(p -> ContaAzul.within(p.dataAlteracao(), de, ate))
                .sorted(Comparator.comparing(Produto::nome).thenComparing(Produto::idLegado))
                .toList();
        return new Items<>(ContaAzul.page(all, pagina, tamanhoPagina), all.size());
    }

    @GET
    @Path("{id}")
    public Produto get(@PathParam("id") String id) {
        return ContaAzulPessoasResource.parse(id).map(state.produtos::get).orElseThrow(ContaAzulErrors::notFound);
    }

    @POST
    public Produto create(JsonNode json) {
        Body body = Body.of(json);
        String nome = body.requireText("nome");
        Body estoque = body.child("estoque");
        Produto produto = new Produto(UUID.randomUUID(), state.nextLegacyId(), nome, body.text("codigo_sku"),
                body.text("codigo_ean"), body.optionalOneOf("formato", FORMATOS, "SIMPLES"),
                body.optionalOneOf("status", Set.of("ATIVO", "INATIVO"), "ATIVO"),
                new Estoque(estoque.decimal("valor_venda"), estoque.decimal("custo_medio"),
                        estoque.decimal("estoque_disponivel"), estoque.decimal("estoque_minimo"),
                        estoque.decimal("estoque_maximo")),
                state.now());
        synchronized (state.produtos) {
            if (produto.codigoSku() != null
                    && state.produtos.values().stream().anyMatch(p -> produto.codigoSku().equals(p.codigoSku()))) {
                throw ContaAzulErrors.badRequest(ContaAzulErrors.DUPLICATE_SKU, produto.codigoSku());
            }
            state.produtos.put(produto.id(), produto);
        }
        return produto;
    }
}
