package dev.ponte.connector.contaazul;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Conta Azul's JSON as Ponte reads and writes it: snake_case names from shared/vendor-apis/README.md and the specs
 * in specs/contaazul/. Responses ignore unknown properties because the app's Jackson fails on them and the vendor adds
 * fields freely; requests leave out nulls so optional fields are absent rather than {@code null}.
 */
final class ContaAzulDto {

    private ContaAzulDto() {
    }

    // --- OAuth2 ---

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record TokenResponse(String accessToken, String refreshToken, Long expiresIn, String tokenType, String idToken) {
    }

    // --- Pessoas (customers) ---

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    /** Sales spec, schema Vendedor: a seller has an id and a name, no e-mail. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Vendedor(String id, String nome) {
    }

    /** {@code perfis} lists the profile names (Cliente, Fornecedor…) per research-notes §1a; may be absent. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record PessoaResumo(String id, String nome, String tipoPessoa, String documento, List<String> perfis) {
    }

    /** Persons and products list envelope: {@code {items, totalItems}} (camelCase, unlike the rest). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record PessoasPage(List<PessoaResumo> items, Long totalItems) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record PessoaCriada(String id, String nome, String cpf, String cnpj) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Perfil(String tipoPerfil) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NovaPessoa(String nome, String tipoPessoa, String cpf, String cnpj, String email, String telefoneComercial,
                      String telefoneCelular, List<Perfil> perfis, String observacao) {
    }

    // --- Produtos and serviços ---

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Produto(String id, String nome, String codigoSku) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ProdutosPage(List<Produto> items, Long totalItems) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Estoque(BigDecimal valorVenda) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NovoProduto(String nome, String codigoSku, String formato, Estoque estoque) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Servico(String id, String codigo, String descricao) {
    }

    /** Services list envelope: {@code {itens}}, no total documented. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ServicosPage(List<Servico> itens) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NovoServico(String descricao, String codigo, BigDecimal preco, String status, String tipoServico) {
    }

    // --- Vendas (sales) ---

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ItemVenda(String id, BigDecimal quantidade, BigDecimal valor, String descricao) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Parcela(LocalDate dataVencimento, BigDecimal valor, String descricao) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CondicaoPagamento(String opcaoCondicaoPagamento, String tipoPagamento, List<Parcela> parcelas) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Desconto(String tipo, BigDecimal valor) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ComposicaoDeValor(BigDecimal frete, Desconto desconto) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NovaVenda(String idCliente, long numero, String situacao, LocalDate dataVenda, List<ItemVenda> itens,
                     CondicaoPagamento condicaoPagamento, String idVendedor, String observacoes,
                     ComposicaoDeValor composicaoDeValor) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record VendaCriada(String id, Long numero) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record VendaResumo(String id, Long numero, LocalDate data, String idContrato) {
    }

    /** {@code GET /v1/venda/busca}: {@code {itens, total_itens, totais, quantidades}}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record VendasPage(List<VendaResumo> itens, Long totalItens) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Negociacao(String id, Long numero, String observacoes) {
    }

    /** A recurring sale's contract: {@code uuid} in the sales API's {@code Contrato} schema. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Referencia(String uuid) {
    }

    /** {@code GET /v1/venda/{id}}: the sale is under {@code venda}; {@code contrato} is set for recurring sales. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record VendaDetalhe(Negociacao venda, Referencia contrato) {
    }

    // --- Contratos (recurring sales) ---

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Termos(String tipoFrequencia, String tipoExpiracao, LocalDate dataInicio, LocalDate dataFim, long numero) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CondicaoPagamentoContrato(String tipoPagamento, int diaVencimento, LocalDate primeiraDataVencimento) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NovoContrato(String idCliente, LocalDate dataEmissao, String idVendedor, String observacoes, Termos termos,
                        ComposicaoDeValor composicaoDeValor, CondicaoPagamentoContrato condicaoPagamento,
                        List<ItemVenda> itens) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ContratoCriado(String id, String idVenda) {
    }

    // --- Financeiro (financial spec, specs/contaazul/api-evangelist/conta-azul-financial-openapi.yml) ---

    /** Schema Categoria; {@code categoria_pai} is the parent's id, null at the top. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Categoria(String id, String nome, String categoriaPai, String tipo) {
    }

    /** {@code GET /v1/categorias}: {@code {itens_totais, itens, totais}}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record CategoriasPage(List<Categoria> itens, Long itensTotais) {
    }

    /** Schema ContaFinanceira. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ContaFinanceira(String id, String nome, Boolean ativo, String tipo, Boolean contaPadrao) {
    }

    /** {@code GET /v1/conta-financeira}: {@code {itens_totais, itens, totais}}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ContasFinanceirasPage(List<ContaFinanceira> itens, Long itensTotais) {
    }

    /** Schema CategoriaRateio: the share of the value booked under one category. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Rateio(String idCategoria, BigDecimal valor) {
    }

    /** Schema ComposicaoValor: only the gross is required. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record DetalheValor(BigDecimal valorBruto) {
    }

    /** Schema ParcelaCondicaoPagamento. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ParcelaEvento(String descricao, LocalDate dataVencimento, String nota, String contaFinanceira,
                         DetalheValor detalheValor, String metodoPagamento) {
    }

    /** Schema ListaCondicaoPagamento. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record CondicaoPagamentoEvento(List<ParcelaEvento> parcelas) {
    }

    /**
     * The create body of a receivable or payable: generation (A)'s {@code EventoFinanceiroRequest} ({@code contato},
     * {@code observacao}) and generation (B)'s fields ({@code id_cliente} or {@code id_fornecedor},
     * {@code referencia_externa}); which are sent is {@link ContaAzulFinancial}'s choice.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NovoEventoFinanceiro(String descricao, LocalDate dataCompetencia, BigDecimal valor, String observacao,
                                String contato, String idCliente, String idFornecedor, String contaFinanceira,
                                List<Rateio> rateio, CondicaoPagamentoEvento condicaoPagamento,
                                String referenciaExterna) {
    }

    /**
     * The answer of a create, read leniently: (B) answers the created account ({@code id}); (A) a protocol, whose
     * field names disagree between sources ({@code protocolo}, {@code protocolId}; wave2-contracts §4.2).
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record EventoCriado(String id, String protocolo, @JsonProperty("protocolId") String protocolId, String status,
                        String eventoFinanceiroId) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Negociador(String id, String nome) {
    }

    /** An item of {@code …/buscar}: an instalment (schemas ContaAReceber, ContaAPagar), not an event. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ParcelaBuscada(String id, String descricao, LocalDate dataVencimento, BigDecimal total,
                          Negociador cliente, Negociador fornecedor) {
    }

    /** {@code …/contas-a-receber/buscar} and {@code …/contas-a-pagar/buscar}: {@code {itens_totais, itens, totais}}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ParcelasPage(List<ParcelaBuscada> itens, Long itensTotais) {
    }

    /** Schema Evento, as far as Ponte reads it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Evento(String id, String tipo, String codigoReferencia) {
    }

    /** {@code GET /v1/financeiro/eventos-financeiros/parcelas/{id}} (schema Parcela), as far as Ponte reads it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ParcelaDetalhe(String id, String descricao, String nota, Evento evento) {
    }
}
