package dev.ponte.sandbox.contaazul;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponte.sandbox.contaazul.ContaAzulModel.ClienteResumo;
import dev.ponte.sandbox.contaazul.ContaAzulModel.ClienteVenda;
import dev.ponte.sandbox.contaazul.ContaAzulModel.ComposicaoValor;
import dev.ponte.sandbox.contaazul.ContaAzulModel.CriacaoVendaResponse;
import dev.ponte.sandbox.contaazul.ContaAzulModel.ItemVenda;
import dev.ponte.sandbox.contaazul.ContaAzulModel.ItensPaginados;
import dev.ponte.sandbox.contaazul.ContaAzulModel.ListagemVendas;
import dev.ponte.sandbox.contaazul.ContaAzulModel.Negociacao;
import dev.ponte.sandbox.contaazul.ContaAzulModel.ObterVendaResponse;
import dev.ponte.sandbox.contaazul.ContaAzulModel.Pessoa;
import dev.ponte.sandbox.contaazul.ContaAzulModel.TotaisVenda;
import dev.ponte.sandbox.contaazul.ContaAzulModel.Venda;
import dev.ponte.sandbox.contaazul.ContaAzulModel.VendaResumo;
import dev.ponte.sandbox.contaazul.ContaAzulModel.Vendedor;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Sales: {@code /v1/venda} (specs/contaazul/api-evangelist/conta-azul-sales-openapi.yml). */
@IfBuildProperty(name = "ponte.sandbox.included", stringValue = "true")
@Path("/sandbox/contaazul/v1/venda")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContaAzulVendaResource {

    private static final Set<String> SITUACOES_CRIACAO = Set.of("EM_ANDAMENTO", "APROVADO");
    /** {@code tamanho_pagina} of /v1/venda/busca is an enum in the spec. */
    private static final Set<Integer> PAGE_SIZES = Set.of(10, 20, 50, 100, 200, 500, 1000);
    private static final BigDecimal CENT = new BigDecimal("0.01");

    private final ContaAzul state;
    private final ContaAzulSales sales;

    public ContaAzulVendaResource(ContaAzul state, ContaAzulSales sales) {
        this.state = state;
        this.sales = sales;
    }

    @POST
    public CriacaoVendaResponse create(JsonNode json) {
        Body body = Body.of(json);
        UUID idCliente = body.requireUuid("id_cliente");
        long numero = body.requireLong("numero");
        String situacao = body.requireOneOf("situacao", SITUACOES_CRIACAO);
        LocalDate dataVenda = body.requireDate("data_venda");
        List<ItemVenda> itens = sales.itens(body);
        Body condicao = body.child("condicao_pagamento");
        if (!body.present("condicao_pagamento")) {
            throw ContaAzulErrors.badRequest(ContaAzulErrors.REQUIRED, "condicao_pagamento");
        }
        condicao.requireText("opcao_condicao_pagamento");
        condicao.optionalOneOf("tipo_pagamento", ContaAzulSales.METODOS_VENDA, null);
        JsonNode parcelas = condicao.node().get("parcelas");
        if (parcelas == null || !parcelas.isArray() || parcelas.isEmpty()) {
            throw ContaAzulErrors.badRequest(ContaAzulErrors.REQUIRED, "condicao_pagamento.parcelas");
        }
        BigDecimal sumParcelas = BigDecimal.ZERO;
        for (int i = 0; i < parcelas.size(); i++) {
            Body parcela = new Body(parcelas.get(i), "condicao_pagamento.parcelas[" + i + "].");
            parcela.requireDate("data_vencimento");
            sumParcelas = sumParcelas.add(parcela.requireDecimal("valor"));
        }
        sales.cliente(idCliente);
        JsonNode composicao = json.get("composicao_de_valor");
        BigDecimal gross = ContaAzulSales.gross(itens);
        BigDecimal net = ContaAzulSales.net(gross, composicao);
        // Σ parcelas = sale total: enforced by Conta Azul's own n8n node; that the API enforces it is inferred.
        if (sumParcelas.subtract(net).abs().compareTo(CENT) >= 0) {
            throw ContaAzulErrors.badRequest(ContaAzulErrors.INSTALMENTS_MISMATCH,
                    sumParcelas.toPlainString(), net.toPlainString());
        }
        sales.checkStock(itens);
        LocalDateTime now = state.now();
        Venda venda = sales.store(new Venda(UUID.randomUUID(), state.nextLegacyId(), numero, idCliente, situacao,
                dataVenda, itens, json.get("condicao_pagamento"), composicao, body.text("observacoes"),
                body.text("observacoes_pagamento"), body.uuid("id_vendedor"), body.uuid("id_categoria"),
                body.uuid("id_centro_custo"), null, 1, now, now, net));
        return new CriacaoVendaResponse(venda.id(), venda.idLegado(), idCliente, numero, "API",
                venda.idCategoria(), dataVenda, ContaAzulSales.situacao(situacao), null,
                new ComposicaoValor(gross, composicao == null ? null : composicao.get("desconto"),
                        composicao != null && composicao.hasNonNull("frete")
                                ? composicao.get("frete").decimalValue() : BigDecimal.ZERO, net),
                venda.condicaoPagamento(), venda.observacoes(), venda.idVendedor(), venda.versao());
    }

    /** The spec answers a bare array, not a page. */
    @GET
    @Path("vendedores")
    public List<Vendedor> vendedores() {
        return ContaAzul.VENDEDORES;
    }

    /** The spec answers a bare integer. */
    @GET
    @Path("proximo-numero")
    public long proximoNumero() {
        return sales.nextNumero();
    }

    @GET
    @Path("busca")
    public ListagemVendas busca(@QueryParam("pagina") @DefaultValue("1") int pagina,
                                @QueryParam("tamanho_pagina") @DefaultValue("10") int tamanhoPagina,
                                @QueryParam("termo_busca") String termo,
                                @QueryParam("data_inicio") String dataInicio,
                                @QueryParam("data_fim") String dataFim,
                                @QueryParam("data_alteracao_de") String alteracaoDe,
                                @QueryParam("data_alteracao_ate") String alteracaoAte,
                                @QueryParam("ids_clientes") String idsClientes,
                                @QueryParam("situacoes") String situacoes,
                                @QueryParam("numeros") String numeros) {
        if (!PAGE_SIZES.contains(tamanhoPagina)) {
            throw ContaAzulErrors.badRequest(ContaAzulErrors.INVALID, "tamanho_pagina", tamanhoPagina);
        }
        LocalDateTime inicio = ContaAzul.parseDateTime("data_inicio", dataInicio);
        LocalDateTime fim = ContaAzul.parseDateTime("data_fim", dataFim);
        LocalDateTime de = ContaAzul.parseDateTime("data_alteracao_de", alteracaoDe);
        LocalDateTime ate = ContaAzul.parseDateTime("data_alteracao_ate", alteracaoAte);
        Set<String> clientes = Set.copyOf(ContaAzulPessoasResource.csv(idsClientes));
        Set<String> estados = Set.copyOf(ContaAzulPessoasResource.csv(situacoes));
        Set<String> nums = Set.copyOf(ContaAzulPessoasResource.csv(numeros));
        Predicate<Venda> byTerm = v -> termo == null || String.valueOf(v.numero()).equals(termo)
                || nomeCliente(v).toLowerCase(Locale.ROOT).contains(termo.toLowerCase(Locale.ROOT));
        List<Venda> all = state.vendas.values().stream()
                .filter(byTerm)
                .filter(v -> ContaAzul.within(v.dataVenda().atStartOfDay(), inicio, fim))
                .filter(v -> ContaAzul.within(v.dataAlteracao(), de, ate))
                .filter(v -> clientes.isEmpty() || clientes.contains(v.idCliente().toString()))
                .filter(v -> estados.isEmpty() || estados.contains(v.situacao()))
                .filter(v -> nums.isEmpty() || nums.contains(String.valueOf(v.numero())))
                .sorted(Comparator.comparingLong(Venda::numero))
                .toList();
        List<VendaResumo> itens = ContaAzul.page(all, pagina, tamanhoPagina).stream().map(this::resumo).toList();
        return new ListagemVendas(totais(all, Venda::total), totais(all, v -> BigDecimal.ONE), all.size(), itens);
    }

    private static TotaisVenda totais(List<Venda> vendas, java.util.function.Function<Venda, BigDecimal> value) {
        var bySituacao = vendas.stream().collect(Collectors.groupingBy(Venda::situacao,
                Collectors.reducing(BigDecimal.ZERO, value, BigDecimal::add)));
        return new TotaisVenda(vendas.stream().map(value).reduce(BigDecimal.ZERO, BigDecimal::add),
                bySituacao.getOrDefault("APROVADO", BigDecimal.ZERO),
                bySituacao.getOrDefault("CANCELADO", BigDecimal.ZERO),
                bySituacao.getOrDefault("EM_ANDAMENTO", BigDecimal.ZERO));
    }

    private String nomeCliente(Venda venda) {
        Pessoa cliente = state.pessoas.get(venda.idCliente());
        return cliente == null ? "" : cliente.nome();
    }

    private VendaResumo resumo(Venda v) {
        Pessoa cliente = state.pessoas.get(v.idCliente());
        boolean servicos = v.itens().stream().allMatch(i -> "SERVICO".equals(i.tipo()));
        return new VendaResumo(v.id(), v.total(), v.idLegado(), v.dataVenda(), v.criadoEm(), v.dataAlteracao(),
                v.idContrato() != null ? "CONTRATO" : "VENDA", servicos ? "SERVICO" : "PRODUTO",
                v.condicaoPagamento() != null, v.numero(),
                cliente == null ? null : new ClienteResumo(cliente.id(), cliente.nome(), cliente.email()),
                ContaAzulSales.situacao(v.situacao()), v.versao(), v.idContrato(), "API");
    }

    @GET
    @Path("{id}")
    public ObterVendaResponse get(@PathParam("id") String id) {
        Venda v = venda(id);
        Pessoa c = state.pessoas.get(v.idCliente());
        var contrato = v.idContrato() == null ? null : JsonNodeFactory.instance.objectNode()
                .put("uuid", v.idContrato().toString());
        return new ObterVendaResponse(
                c == null ? null : new ClienteVenda(c.id(), c.tipoPessoa(), c.documento(), c.nome()),
                new Negociacao(v.id(), v.idLegado(), v.numero(), v.idCategoria(), v.dataVenda(),
                        v.condicaoPagamento(), v.observacoes(), v.idCliente(), v.versao(),
                        ContaAzulSales.situacao(v.situacao()), v.idCentroCusto(), "API"),
                null, contrato);
    }

    @GET
    @Path("{id}/itens")
    public ItensPaginados itens(@PathParam("id") String id,
                                @QueryParam("pagina") @DefaultValue("1") int pagina,
                                @QueryParam("tamanho_pagina") @DefaultValue("10") int tamanhoPagina) {
        Venda v = venda(id);
        return new ItensPaginados(ContaAzul.page(v.itens(), pagina, tamanhoPagina), v.itens().size());
    }

    private Venda venda(String id) {
        return ContaAzulPessoasResource.parse(id).map(state.vendas::get).orElseThrow(ContaAzulErrors::notFound);
    }
}
