package dev.ponte.sandbox.contaazul;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponte.sandbox.contaazul.ContaAzulModel.Categoria;
import dev.ponte.sandbox.contaazul.ContaAzulModel.ComposicaoParcela;
import dev.ponte.sandbox.contaazul.ContaAzulModel.ContaBuscada;
import dev.ponte.sandbox.contaazul.ContaAzulModel.ContaFinanceira;
import dev.ponte.sandbox.contaazul.ContaAzulModel.EventoDaParcela;
import dev.ponte.sandbox.contaazul.ContaAzulModel.EventoFinanceiro;
import dev.ponte.sandbox.contaazul.ContaAzulModel.Listagem;
import dev.ponte.sandbox.contaazul.ContaAzulModel.NomeId;
import dev.ponte.sandbox.contaazul.ContaAzulModel.ParcelaDetalhe;
import dev.ponte.sandbox.contaazul.ContaAzulModel.ParcelaFinanceira;
import dev.ponte.sandbox.contaazul.ContaAzulModel.Pessoa;
import dev.ponte.sandbox.contaazul.ContaAzulModel.RateioEvento;
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
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Receivables and payables: {@code /v1/financeiro/eventos-financeiros/…} (financial spec, wave2-contracts §4). The
 * create is the synchronous one in force since the protocol API was discontinued on 18/10/2026: 201 with the created
 * account and its instalments, 400 with the first field at fault. Its rules: (B)'s required fields ({@code descricao},
 * {@code data_competencia}, {@code valor} &gt; 0, {@code conta_financeira}, {@code id_cliente} or {@code id_fornecedor},
 * {@code rateio}) and (A)'s {@code condicao_pagamento.parcelas} with {@code data_vencimento} and
 * {@code detalhe_valor.valor_bruto}; Σ {@code rateio.valor} = {@code valor} (documented for (B)); Σ instalments =
 * {@code valor} (inferred); the person, the categories (of the entry's side) and the active account must exist, and a
 * payable refuses a Receba Fácil account (documented for (B)). {@code contato}, (A)'s name of the person, is accepted
 * and must then name the same one. {@code observacao} and the instalments' {@code descricao} and {@code nota} are
 * optional here, as (B)'s page lists them. A test control ({@code _controls/financeiro}) makes the creates answer
 * 202 with a protocol instead, as generation (A) did.
 */
@IfBuildProperty(name = "ponte.sandbox.included", stringValue = "true")
@Path("/sandbox/contaazul/v1/financeiro/eventos-financeiros")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContaAzulEventosFinanceirosResource {

    private static final String RECEBER = "contas-a-receber";
    private static final String PAGAR = "contas-a-pagar";
    private static final BigDecimal CENT = new BigDecimal("0.01");
    /** {@code valor_de}/{@code valor_ate} are strings of this pattern (financial spec). */
    private static final Pattern VALOR = Pattern.compile("^[0-9]+(\\.[0-9]{1,2})?$");

    private final ContaAzul state;

    public ContaAzulEventosFinanceirosResource(ContaAzul state) {
        this.state = state;
    }

    @POST
    @Path(RECEBER)
    public Response createReceivable(JsonNode json) {
        return create(json, "RECEITA", "id_cliente");
    }

    @POST
    @Path(PAGAR)
    public Response createPayable(JsonNode json) {
        return create(json, "DESPESA", "id_fornecedor");
    }

    private Response create(JsonNode json, String tipo, String partyField) {
        Body body = Body.of(json);
        String descricao = body.requireText("descricao");
        LocalDate competencia = body.requireDate("data_competencia");
        BigDecimal valor = body.requireDecimal("valor");
        if (valor.signum() <= 0) {
            throw ContaAzulErrors.badRequest(ContaAzulErrors.INVALID, "valor", valor.toPlainString());
        }
        UUID conta = conta(body, "conta_financeira", tipo);
        UUID party = body.requireUuid(partyField);
        person(partyField, party);
        UUID contato = body.uuid("contato");
        if (contato != null && !contato.equals(party)) {
            throw ContaAzulErrors.badRequest(ContaAzulErrors.INVALID, "contato", contato);
        }
        List<RateioEvento> rateio = rateio(json.get("rateio"), tipo, state.categorias());
        BigDecimal somaRateio = rateio.stream().map(RateioEvento::valor).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (somaRateio.subtract(valor).abs().compareTo(CENT) >= 0) {
            throw ContaAzulErrors.badRequest(ContaAzulErrors.RATEIO_MISMATCH, somaRateio.toPlainString(),
                    valor.toPlainString());
        }
        UUID id = UUID.randomUUID();
        LocalDateTime now = state.now();
        List<ParcelaFinanceira> parcelas = parcelas(body.child("condicao_pagamento"), id, conta, tipo, now);
        BigDecimal somaParcelas = parcelas.stream().map(ParcelaFinanceira::valorBruto)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (somaParcelas.subtract(valor).abs().compareTo(CENT) >= 0) {
            throw ContaAzulErrors.badRequest(ContaAzulErrors.PARCELAS_MISMATCH, somaParcelas.toPlainString(),
                    valor.toPlainString());
        }
        EventoFinanceiro evento = new EventoFinanceiro(id, tipo, descricao, competencia, valor,
                body.text("observacao"), party, conta, rateio, body.text("referencia_externa"), parcelas, now, now);
        state.eventos.put(id, evento);
        if (state.protocolCreates) {
            // Generation (A), schema ProtocolResponseDTO; the emulator has processed it by the time it answers.
            return Response.status(Response.Status.ACCEPTED).entity(Map.of("protocolo", UUID.randomUUID().toString(),
                    "status", "PENDING", "data_criacao", now.toString())).build();
        }
        return Response.status(Response.Status.CREATED).entity(evento).build();
    }

    private Pessoa person(String field, UUID id) {
        Pessoa pessoa = state.pessoas.get(id);
        if (pessoa == null) {
            throw ContaAzulErrors.badRequest(ContaAzulErrors.PERSON_UNKNOWN, field, id);
        }
        return pessoa;
    }

    /** An active account of the account; a payable may not use a Receba Fácil one. */
    private static UUID conta(Body body, String field, String tipo) {
        UUID id = body.requireUuid(field);
        ContaFinanceira conta = ContaAzul.CONTAS_FINANCEIRAS.stream().filter(c -> c.id().equals(id) && c.ativo())
                .findFirst().orElseThrow(() -> ContaAzulErrors.badRequest(ContaAzulErrors.ACCOUNT_UNKNOWN,
                        body.prefix() + field, id));
        if ("DESPESA".equals(tipo) && "RECEBA_FACIL_CARTAO".equals(conta.tipo())) {
            throw ContaAzulErrors.badRequest(ContaAzulErrors.ACCOUNT_REFUSED, body.prefix() + field, id);
        }
        return id;
    }

    /** {@code rateio[]}: at least one share, each of a category of the entry's side ({@code tipo}). */
    private static List<RateioEvento> rateio(JsonNode rateio, String tipo, List<Categoria> categorias) {
        if (rateio == null || !rateio.isArray() || rateio.isEmpty()) {
            throw ContaAzulErrors.badRequest(ContaAzulErrors.REQUIRED, "rateio");
        }
        List<RateioEvento> result = new ArrayList<>();
        for (int i = 0; i < rateio.size(); i++) {
            Body item = new Body(rateio.get(i), "rateio[" + i + "].");
            UUID id = item.requireUuid("id_categoria");
            String field = item.prefix() + "id_categoria";
            Categoria categoria = categorias.stream().filter(c -> c.id().equals(id) && c.tipo().equals(tipo))
                    .findFirst().orElseThrow(() -> ContaAzulErrors.badRequest(ContaAzulErrors.CATEGORY_UNKNOWN,
                            field, "RECEITA".equals(tipo) ? "receita" : "despesa", id));
            result.add(new RateioEvento(id, categoria.nome(), item.requireDecimal("valor")));
        }
        return List.copyOf(result);
    }

    private static List<ParcelaFinanceira> parcelas(Body condicao, UUID evento, UUID conta, String tipo,
            LocalDateTime now) {
        JsonNode parcelas = condicao.node().get("parcelas");
        if (parcelas == null || !parcelas.isArray() || parcelas.isEmpty()) {
            throw ContaAzulErrors.badRequest(ContaAzulErrors.REQUIRED, "condicao_pagamento.parcelas");
        }
        List<ParcelaFinanceira> result = new ArrayList<>();
        for (int i = 0; i < parcelas.size(); i++) {
            Body parcela = new Body(parcelas.get(i), "condicao_pagamento.parcelas[" + i + "].");
            LocalDate vencimento = parcela.requireDate("data_vencimento");
            Body detalhe = parcela.child("detalhe_valor");
            BigDecimal bruto = detalhe.requireDecimal("valor_bruto");
            if (bruto.signum() <= 0) {
                throw ContaAzulErrors.badRequest(ContaAzulErrors.INVALID, detalhe.prefix() + "valor_bruto", bruto);
            }
            UUID contaParcela = parcela.present("conta_financeira") ? conta(parcela, "conta_financeira", tipo) : conta;
            String metodo = parcela.optionalOneOf("metodo_pagamento", ContaAzulSales.METODOS_CONTRATO, null);
            result.add(new ParcelaFinanceira(UUID.randomUUID(), evento, i + 1, parcela.text("descricao"), vencimento,
                    parcela.text("nota"), contaParcela, bruto, metodo, now));
        }
        return List.copyOf(result);
    }

    @GET
    @Path(RECEBER + "/buscar")
    public Listagem<ContaBuscada> buscarReceber(@QueryParam("pagina") @DefaultValue("1") int pagina,
                                                @QueryParam("tamanho_pagina") @DefaultValue("10") int tamanhoPagina,
                                                @QueryParam("data_vencimento_de") String vencimentoDe,
                                                @QueryParam("data_vencimento_ate") String vencimentoAte,
                                                @QueryParam("descricao") String descricao,
                                                @QueryParam("valor_de") String valorDe,
                                                @QueryParam("valor_ate") String valorAte,
                                                @QueryParam("ids_clientes") List<String> idsClientes) {
        return buscar("RECEITA", pagina, tamanhoPagina, vencimentoDe, vencimentoAte, descricao, valorDe, valorAte,
                idsClientes);
    }

    /** The spec gives the payables' search no supplier filter. */
    @GET
    @Path(PAGAR + "/buscar")
    public Listagem<ContaBuscada> buscarPagar(@QueryParam("pagina") @DefaultValue("1") int pagina,
                                              @QueryParam("tamanho_pagina") @DefaultValue("10") int tamanhoPagina,
                                              @QueryParam("data_vencimento_de") String vencimentoDe,
                                              @QueryParam("data_vencimento_ate") String vencimentoAte,
                                              @QueryParam("descricao") String descricao,
                                              @QueryParam("valor_de") String valorDe,
                                              @QueryParam("valor_ate") String valorAte) {
        return buscar("DESPESA", pagina, tamanhoPagina, vencimentoDe, vencimentoAte, descricao, valorDe, valorAte,
                List.of());
    }

    /**
     * Instalments due within the required window. {@code descricao} matches a substring, without case, of the
     * instalment's or its event's description; {@code valor_de}/{@code valor_ate} bound the instalment's value (both
     * guesses: the spec says neither). {@code ids_clientes} is taken repeated or comma-separated.
     */
    private Listagem<ContaBuscada> buscar(String tipo, int pagina, int tamanhoPagina, String vencimentoDe,
            String vencimentoAte, String descricao, String valorDe, String valorAte, List<String> idsClientes) {
        ContaAzulCategoriasResource.pageSize(tamanhoPagina);
        LocalDate de = requiredDate("data_vencimento_de", vencimentoDe);
        LocalDate ate = requiredDate("data_vencimento_ate", vencimentoAte);
        BigDecimal minimo = valor("valor_de", valorDe);
        BigDecimal maximo = valor("valor_ate", valorAte);
        Set<String> clientes = new java.util.HashSet<>();
        idsClientes.forEach(ids -> clientes.addAll(ContaAzulPessoasResource.csv(ids)));
        String termo = descricao == null ? null : descricao.toLowerCase(Locale.ROOT);
        List<ContaBuscada> all = state.eventos.values().stream()
                .filter(e -> e.tipo().equals(tipo))
                .filter(e -> clientes.isEmpty() || clientes.contains(e.idContato().toString()))
                .flatMap(e -> e.parcelas().stream().map(p -> new Due(e, p)))
                .filter(due -> {
                    ParcelaFinanceira p = due.parcela();
                    return !p.dataVencimento().isBefore(de) && !p.dataVencimento().isAfter(ate)
                            && (minimo == null || p.valorBruto().compareTo(minimo) >= 0)
                            && (maximo == null || p.valorBruto().compareTo(maximo) <= 0)
                            && (termo == null || contains(p.descricao(), termo)
                            || contains(due.evento().descricao(), termo));
                })
                .sorted(Comparator.comparing((Due due) -> due.parcela().dataVencimento())
                        .thenComparing(due -> due.parcela().id()))
                .map(due -> item(due.evento(), due.parcela()))
                .toList();
        return new Listagem<>(all.size(), ContaAzul.page(all, pagina, tamanhoPagina));
    }

    /** An instalment with its event. */
    private record Due(EventoFinanceiro evento, ParcelaFinanceira parcela) {
    }

    private static boolean contains(String text, String lowerTerm) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(lowerTerm);
    }

    private ContaBuscada item(EventoFinanceiro e, ParcelaFinanceira p) {
        Pessoa pessoa = state.pessoas.get(e.idContato());
        NomeId negociador = new NomeId(e.idContato(), pessoa == null ? null : pessoa.nome());
        boolean receita = "RECEITA".equals(e.tipo());
        return new ContaBuscada(p.id(), p.descricao() != null ? p.descricao() : e.descricao(), p.dataVencimento(),
                "EM_ABERTO", "Em aberto", p.valorBruto(), p.valorBruto(), BigDecimal.ZERO, e.dataCriacao(),
                p.dataAlteracao(), e.dataCompetencia(),
                e.rateio().stream().map(r -> new NomeId(r.idCategoria(), r.nomeCategoria())).toList(), List.of(),
                receita ? negociador : null, receita ? null : negociador);
    }

    private static LocalDate requiredDate(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ContaAzulErrors.badRequest(ContaAzulErrors.REQUIRED, field);
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ContaAzulErrors.badRequest(ContaAzulErrors.INVALID, field, value);
        }
    }

    private static BigDecimal valor(String field, String value) {
        if (value == null) {
            return null;
        }
        if (!VALOR.matcher(value).matches()) {
            throw ContaAzulErrors.badRequest(ContaAzulErrors.INVALID, field, value);
        }
        return new BigDecimal(value);
    }

    @GET
    @Path("parcelas/{id}")
    public ParcelaDetalhe parcela(@PathParam("id") String id) {
        UUID wanted = ContaAzulPessoasResource.parse(id).orElseThrow(ContaAzulErrors::notFound);
        return state.eventos.values().stream().flatMap(e -> e.parcelas().stream()
                        .filter(p -> p.id().equals(wanted)).map(p -> detalhe(e, p)))
                .findFirst().orElseThrow(ContaAzulErrors::notFound);
    }

    @GET
    @Path("{id_evento}/parcelas")
    public List<ParcelaDetalhe> parcelasDoEvento(@PathParam("id_evento") String id) {
        EventoFinanceiro evento = ContaAzulPessoasResource.parse(id).map(state.eventos::get)
                .orElseThrow(ContaAzulErrors::notFound);
        return evento.parcelas().stream().map(p -> detalhe(evento, p)).toList();
    }

    private static ParcelaDetalhe detalhe(EventoFinanceiro e, ParcelaFinanceira p) {
        return new ParcelaDetalhe(p.id(), 1, p.indice(), "PENDENTE", BigDecimal.ZERO, p.valorBruto(),
                p.dataVencimento(), p.descricao(), p.nota(), p.idContaFinanceira(),
                new ComposicaoParcela(p.valorBruto(), p.valorBruto()), p.metodoPagamento(), p.dataAlteracao(),
                new EventoDaParcela(e.id(), e.dataCompetencia(), e.tipo(), e.referenciaExterna(), e.rateio()));
    }
}
