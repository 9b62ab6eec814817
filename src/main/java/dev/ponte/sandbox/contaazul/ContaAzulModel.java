package dev.ponte.sandbox.contaazul;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Conta Azul records as the emulator stores and returns them. Field names come from the docs summary in
 * shared/vendor-apis/README.md and the sales/contracts specs under specs/contaazul/api-evangelist/. Dates of
 * change are São Paulo local date-times, as the sales spec's {@code data_alteracao} ("ISO 8601, São Paulo/GMT-3").
 */
final class ContaAzulModel {

    private ContaAzulModel() {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Perfil(String tipoPerfil) {
    }

    /** Full person, as GET /v1/pessoas/{id} returns it (the exact detail shape is not published: a guess). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Pessoa(UUID id, long idLegado, String nome, String tipoPessoa, String cpf, String cnpj, String email,
                  String telefoneCelular, String telefoneComercial, String codigo, String nomeFantasia,
                  String dataNascimento, String observacao, boolean ativo, List<Perfil> perfis, JsonNode enderecos,
                  JsonNode inscricoes, LocalDateTime dataCriacao, LocalDateTime dataAlteracao) {

        @JsonIgnore
        String documento() {
            return ContaAzul.digits(cpf != null ? cpf : cnpj);
        }
    }

    /** List item of GET /v1/pessoas (fields per research-notes §1a; {@code perfis} as labels is a guess). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record PessoaResumo(UUID id, long idLegado, String nome, String tipoPessoa, String documento, String email,
                        String telefone, boolean ativo, List<String> perfis, JsonNode endereco,
                        LocalDateTime dataCriacao, LocalDateTime dataAlteracao) {

        static PessoaResumo of(Pessoa p) {
            return new PessoaResumo(p.id(), p.idLegado(), p.nome(), p.tipoPessoa(), p.documento(), p.email(),
                    p.telefoneCelular() != null ? p.telefoneCelular() : p.telefoneComercial(), p.ativo(),
                    p.perfis().stream().map(Perfil::tipoPerfil).toList(),
                    p.enderecos() != null && p.enderecos().size() > 0 ? p.enderecos().get(0) : null,
                    p.dataCriacao(), p.dataAlteracao());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Estoque(BigDecimal valorVenda, BigDecimal custoMedio, BigDecimal estoqueDisponivel,
                   BigDecimal estoqueMinimo, BigDecimal estoqueMaximo) {
    }

    /** Product; the list and detail shape of /v1/produtos is not in a saved spec, so both return this (guess). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Produto(UUID id, long idLegado, String nome, String codigoSku, String codigoEan, String formato,
                   String status, Estoque estoque, LocalDateTime dataAlteracao) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Servico(UUID id, long idLegado, String codigo, String descricao, BigDecimal preco, BigDecimal custo,
                   String status, String tipoServico, LocalDateTime dataAlteracao) {
    }

    /** A sale line as stored; {@code tipo} is PRODUTO or SERVICO (sales spec, schema Item). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ItemVenda(UUID id, UUID idItem, String nome, String descricao, String tipo, BigDecimal quantidade,
                     BigDecimal valor, BigDecimal custo) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Situacao(String nome, String descricao) {
    }

    /** Sale as stored. */
    record Venda(UUID id, long idLegado, long numero, UUID idCliente, String situacao, LocalDate dataVenda,
                 List<ItemVenda> itens, JsonNode condicaoPagamento, JsonNode composicaoDeValor, String observacoes,
                 String observacoesPagamento, UUID idVendedor, UUID idCategoria, UUID idCentroCusto,
                 UUID idContrato, long versao, LocalDateTime criadoEm, LocalDateTime dataAlteracao,
                 BigDecimal total) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ComposicaoValor(BigDecimal valorBruto, JsonNode desconto, BigDecimal frete, BigDecimal valorLiquido) {
    }

    /** Item of GET /v1/venda/vendedores (sales spec, schema Vendedor): no e-mail, only id, name and legacy id. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Vendedor(UUID id, String nome, long idLegado) {
    }

    /** Response of POST /v1/venda (sales spec, CriacaoVendaResponse). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record CriacaoVendaResponse(UUID id, long idLegado, UUID idCliente, long numero, String origem,
                                UUID idCategoria, LocalDate dataVenda, Situacao situacao, Situacao pendencia,
                                ComposicaoValor valorComposicao, JsonNode condicaoPagamento, String observacoes,
                                UUID idVendedor, long versao) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ClienteResumo(UUID id, String nome, String email) {
    }

    /** List item of GET /v1/venda/busca (sales spec, schema Venda). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record VendaResumo(UUID id, BigDecimal total, long idLegado, LocalDate data, LocalDateTime criadoEm,
                       LocalDateTime dataAlteracao, String tipo, String itens, boolean condicaoPagamento,
                       long numero, ClienteResumo cliente, Situacao situacao, long versao, UUID idContrato,
                       String origem) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record TotaisVenda(BigDecimal total, BigDecimal aprovado, BigDecimal cancelado, BigDecimal esperandoAprovacao) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ListagemVendas(TotaisVenda totais, TotaisVenda quantidades, long totalItens, List<VendaResumo> itens) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ClienteVenda(UUID uuid, String tipoPessoa, String documento, String nome) {
    }

    /** Subset of the sales spec's Negociacao that the emulator can fill. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Negociacao(UUID id, long idLegado, long numero, UUID idCategoria, LocalDate dataCompromisso,
                      JsonNode condicaoPagamento, String observacoes, UUID idCliente, long versao,
                      Situacao situacao, UUID idCentroCusto, String origem) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ObterVendaResponse(ClienteVenda cliente, Negociacao venda, JsonNode vendedor, JsonNode contrato) {
    }

    /** Page of GET /v1/venda/{id}/itens (sales spec, ItensPaginados). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ItensPaginados(List<ItemVenda> itens, long itensTotais) {
    }

    /** Contract (contracts spec, ContratoToCreateRequest + ListagemContratoItemResponse). */
    record Contrato(UUID id, long idLegado, UUID idCliente, long numero, String tipoFrequencia,
                    String tipoExpiracao, LocalDate dataInicio, LocalDate dataFim, LocalDate proximoVencimento,
                    UUID idVenda) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ContratoCriado(UUID id, long idLegado, UUID idVenda) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ClienteContrato(UUID id, String nome) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ContratoResumo(UUID id, ClienteContrato cliente, String status, LocalDate proximoVencimento,
                          LocalDate dataInicio, long numero) {
    }

    /** The contracts spec's list envelope: {@code items} with {@code itens_totais} (sic, mixed languages). */
    record ListagemContratos(@JsonProperty("itens_totais") long itensTotais, List<ContratoResumo> items) {
    }

    /** Persons and products list envelope (research-notes §1a: {@code {items, totalItems}}). */
    record Items<T>(List<T> items, long totalItems) {
    }

    /** Services list envelope (research-notes §1a: {@code {itens}}; no total is documented). */
    record Itens<T>(List<T> itens) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record TokenResponse(String accessToken, String refreshToken, String idToken, long expiresIn, String tokenType) {
    }

    // --- Financeiro (specs/contaazul/api-evangelist/conta-azul-financial-openapi.yml) ---

    /** Schema Categoria; {@code categoria_pai} is the parent's id (null at the top), {@code tipo} RECEITA|DESPESA. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Categoria(UUID id, long versao, String nome, UUID categoriaPai, String tipo, String entradaDre,
                     boolean consideraCustoDre) {
    }

    /** Schema ContaFinanceira. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ContaFinanceira(UUID id, String banco, String codigoBanco, String nome, boolean ativo, String tipo,
                           boolean contaPadrao, boolean possuiConfigBoletoBancario, String agencia, String numero) {
    }

    /** The financial list envelope: {@code {itens_totais, itens}} (the spec's {@code totais} is left out). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Listagem<T>(long itensTotais, List<T> itens) {
    }

    /** One share of an event's value under a category (schemas CategoriaRateio, Rateio). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record RateioEvento(UUID idCategoria, String nomeCategoria, BigDecimal valor) {
    }

    /** An instalment as stored. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ParcelaFinanceira(UUID id, UUID idEvento, int indice, String descricao, LocalDate dataVencimento,
                             String nota, UUID idContaFinanceira, BigDecimal valorBruto, String metodoPagamento,
                             LocalDateTime dataAlteracao) {
    }

    /**
     * A receivable (RECEITA) or payable (DESPESA) event as stored, and as the synchronous create answers it ("the
     * created account with its id and its installments", developers.contaazul.com createreceivable; the exact shape
     * of that answer is not in a saved spec: a guess).
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record EventoFinanceiro(UUID id, String tipo, String descricao, LocalDate dataCompetencia, BigDecimal valor,
                            String observacao, UUID idContato, UUID idContaFinanceira, List<RateioEvento> rateio,
                            String referenciaExterna, List<ParcelaFinanceira> parcelas, LocalDateTime dataCriacao,
                            LocalDateTime dataAlteracao) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record NomeId(UUID id, String nome) {
    }

    /**
     * An item of {@code …/contas-a-receber/buscar} or {@code …/contas-a-pagar/buscar}: an instalment (schemas
     * ContaAReceber, ContaAPagar), with {@code cliente} or {@code fornecedor}.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ContaBuscada(UUID id, String descricao, LocalDate dataVencimento, String status, String statusTraduzido,
                        BigDecimal total, BigDecimal naoPago, BigDecimal pago, LocalDateTime dataCriacao,
                        LocalDateTime dataAlteracao, LocalDate dataCompetencia, List<NomeId> categorias,
                        List<NomeId> centrosCusto, NomeId cliente, NomeId fornecedor) {
    }

    /** Schema Evento as a Parcela carries it; {@code codigo_referencia} is taken to hold {@code referencia_externa}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record EventoDaParcela(UUID id, LocalDate dataCompetencia, String tipo, String codigoReferencia,
                           List<RateioEvento> rateio) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ComposicaoParcela(BigDecimal valorBruto, BigDecimal valorLiquido) {
    }

    /** Schema Parcela, the part the emulator can fill. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ParcelaDetalhe(UUID id, long versao, int indice, String status, BigDecimal valorPago, BigDecimal naoPago,
                          LocalDate dataVencimento, String descricao, String nota, UUID idContaFinanceira,
                          ComposicaoParcela valorComposicao, String metodoPagamento, LocalDateTime dataAlteracao,
                          EventoDaParcela evento) {
    }
}
