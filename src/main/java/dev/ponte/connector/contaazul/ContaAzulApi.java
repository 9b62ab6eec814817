package dev.ponte.connector.contaazul;

import dev.ponte.connector.contaazul.ContaAzulDto.CategoriasPage;
import dev.ponte.connector.contaazul.ContaAzulDto.ContasFinanceirasPage;
import dev.ponte.connector.contaazul.ContaAzulDto.ContratoCriado;
import dev.ponte.connector.contaazul.ContaAzulDto.EventoCriado;
import dev.ponte.connector.contaazul.ContaAzulDto.NovoEventoFinanceiro;
import dev.ponte.connector.contaazul.ContaAzulDto.ParcelaDetalhe;
import dev.ponte.connector.contaazul.ContaAzulDto.ParcelasPage;
import dev.ponte.connector.contaazul.ContaAzulDto.NovaPessoa;
import dev.ponte.connector.contaazul.ContaAzulDto.NovaVenda;
import dev.ponte.connector.contaazul.ContaAzulDto.NovoContrato;
import dev.ponte.connector.contaazul.ContaAzulDto.NovoProduto;
import dev.ponte.connector.contaazul.ContaAzulDto.NovoServico;
import dev.ponte.connector.contaazul.ContaAzulDto.PessoaCriada;
import dev.ponte.connector.contaazul.ContaAzulDto.PessoasPage;
import dev.ponte.connector.contaazul.ContaAzulDto.Produto;
import dev.ponte.connector.contaazul.ContaAzulDto.ProdutosPage;
import dev.ponte.connector.contaazul.ContaAzulDto.Servico;
import dev.ponte.connector.contaazul.ContaAzulDto.ServicosPage;
import dev.ponte.connector.contaazul.ContaAzulDto.VendaCriada;
import dev.ponte.connector.contaazul.ContaAzulDto.VendaDetalhe;
import dev.ponte.connector.contaazul.ContaAzulDto.VendasPage;
import dev.ponte.connector.contaazul.ContaAzulDto.Vendedor;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;

/**
 * Conta Azul's API (https://api-v2.contaazul.com/v1/…, developers.contaazul.com), as far as Ponte uses it. Built per
 * connection by {@link ContaAzulConnector}; the bearer token is a parameter because it rotates. Null query parameters
 * are left out of the URL.
 */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface ContaAzulApi {

    @GET
    @Path("/pessoas")
    PessoasPage pessoas(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
                        @QueryParam("documentos") String documentos,
                        @QueryParam("busca") String busca,
                        @QueryParam("tipo_perfil") String tipoPerfil,
                        @QueryParam("pagina") int pagina,
                        @QueryParam("tamanho_pagina") int tamanhoPagina);

    @POST
    @Path("/pessoas")
    PessoaCriada createPessoa(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, NovaPessoa pessoa);

    @GET
    @Path("/produtos")
    ProdutosPage produtos(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
                          @QueryParam("sku") String sku,
                          @QueryParam("busca") String busca,
                          @QueryParam("pagina") int pagina,
                          @QueryParam("tamanho_pagina") int tamanhoPagina);

    @POST
    @Path("/produtos")
    Produto createProduto(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, NovoProduto produto);

    @GET
    @Path("/servicos")
    ServicosPage servicos(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
                          @QueryParam("busca_textual") String buscaTextual,
                          @QueryParam("pagina") int pagina,
                          @QueryParam("tamanho_pagina") int tamanhoPagina);

    @POST
    @Path("/servicos")
    Servico createServico(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, NovoServico servico);

    /** The account's sellers, as a bare array (sales spec). */
    @GET
    @Path("/venda/vendedores")
    List<Vendedor> vendedores(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer);

    /** The next free sale number, as a bare integer (sales spec). */
    @GET
    @Path("/venda/proximo-numero")
    long proximoNumeroVenda(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer);

    @POST
    @Path("/venda")
    VendaCriada createVenda(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, NovaVenda venda);

    /** {@code tamanho_pagina} must be one of 10, 20, 50, 100, 200, 500, 1000 (sales spec). */
    @GET
    @Path("/venda/busca")
    VendasPage vendas(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
                      @QueryParam("data_inicio") LocalDate dataInicio,
                      @QueryParam("data_fim") LocalDate dataFim,
                      @QueryParam("ids_clientes") String idsClientes,
                      @QueryParam("pagina") int pagina,
                      @QueryParam("tamanho_pagina") int tamanhoPagina);

    @GET
    @Path("/venda/{id}")
    VendaDetalhe venda(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") String id);

    @GET
    @Path("/contratos/proximo-numero")
    long proximoNumeroContrato(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer);

    @POST
    @Path("/contratos")
    ContratoCriado createContrato(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, NovoContrato contrato);

    /**
     * Leaf or all categories of one kind ({@code RECEITA} | {@code DESPESA}); {@code permite_apenas_filhos} is
     * "required" in the spec but not sent by Conta Azul's own n8n node, so it is sent for safety.
     */
    @GET
    @Path("/categorias")
    CategoriasPage categorias(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
                              @QueryParam("tipo") String tipo,
                              @QueryParam("apenas_filhos") Boolean apenasFilhos,
                              @QueryParam("permite_apenas_filhos") Boolean permiteApenasFilhos,
                              @QueryParam("pagina") int pagina,
                              @QueryParam("tamanho_pagina") int tamanhoPagina);

    @GET
    @Path("/conta-financeira")
    ContasFinanceirasPage contasFinanceiras(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
                                            @QueryParam("apenas_ativo") Boolean apenasAtivo,
                                            @QueryParam("pagina") int pagina,
                                            @QueryParam("tamanho_pagina") int tamanhoPagina);

    /** {@code lado} is {@code contas-a-receber} or {@code contas-a-pagar}. */
    @POST
    @Path("/financeiro/eventos-financeiros/{lado}")
    EventoCriado createEvento(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("lado") String lado,
                              NovoEventoFinanceiro evento);

    /** Instalments by filter; the due-date window is required. {@code ids_clientes} exists for receivables only. */
    @GET
    @Path("/financeiro/eventos-financeiros/{lado}/buscar")
    ParcelasPage buscar(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("lado") String lado,
                        @QueryParam("data_vencimento_de") LocalDate vencimentoDe,
                        @QueryParam("data_vencimento_ate") LocalDate vencimentoAte,
                        @QueryParam("descricao") String descricao,
                        @QueryParam("ids_clientes") String idsClientes,
                        @QueryParam("valor_de") String valorDe,
                        @QueryParam("valor_ate") String valorAte,
                        @QueryParam("pagina") int pagina,
                        @QueryParam("tamanho_pagina") int tamanhoPagina);

    @GET
    @Path("/financeiro/eventos-financeiros/parcelas/{id}")
    ParcelaDetalhe parcela(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") String id);

    @ClientExceptionMapper
    static RuntimeException toFailure(Response response) {
        return ContaAzulFailures.ERRORS.toFailure(response);
    }
}
