package dev.ponte.sandbox.contaazul;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponte.sandbox.contaazul.ContaAzulModel.ClienteContrato;
import dev.ponte.sandbox.contaazul.ContaAzulModel.Contrato;
import dev.ponte.sandbox.contaazul.ContaAzulModel.ContratoCriado;
import dev.ponte.sandbox.contaazul.ContaAzulModel.ContratoResumo;
import dev.ponte.sandbox.contaazul.ContaAzulModel.ItemVenda;
import dev.ponte.sandbox.contaazul.ContaAzulModel.ListagemContratos;
import dev.ponte.sandbox.contaazul.ContaAzulModel.Pessoa;
import dev.ponte.sandbox.contaazul.ContaAzulModel.Venda;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Recurring sales: {@code /v1/contratos} (specs/contaazul/api-evangelist/conta-azul-contracts-openapi.yml). */
@IfBuildProperty(name = "ponte.sandbox.included", stringValue = "true")
@Path("/sandbox/contaazul/v1/contratos")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContaAzulContratosResource {

    private final ContaAzul state;
    private final ContaAzulSales sales;

    public ContaAzulContratosResource(ContaAzul state, ContaAzulSales sales) {
        this.state = state;
        this.sales = sales;
    }

    /**
     * Required per the spec: {@code id_cliente}, {@code itens}, {@code condicao_pagamento{dia_vencimento,
     * primeira_data_vencimento}}, {@code termos{tipo_frequencia, tipo_expiracao, data_inicio, data_fim, numero}}.
     * The response carries {@code id_venda}, so the first sale is created at once; that it starts APROVADO is a guess.
     */
    @POST
    public ContratoCriado create(JsonNode json) {
        Body body = Body.of(json);
        UUID idCliente = body.requireUuid("id_cliente");
        if (!body.present("condicao_pagamento")) {
            throw ContaAzulErrors.badRequest(ContaAzulErrors.REQUIRED, "condicao_pagamento");
        }
        Body condicao = body.child("condicao_pagamento");
        condicao.requireLong("dia_vencimento");
        condicao.optionalOneOf("tipo_pagamento", ContaAzulSales.METODOS_CONTRATO, null);
        LocalDate primeiroVencimento = condicao.requireDate("primeira_data_vencimento");
        if (!body.present("termos")) {
            throw ContaAzulErrors.badRequest(ContaAzulErrors.REQUIRED, "termos");
        }
        Body termos = body.child("termos");
        String frequencia = termos.requireOneOf("tipo_frequencia", Set.of("MENSAL", "ANUAL"));
        String expiracao = termos.requireOneOf("tipo_expiracao", Set.of("DATA", "NUNCA"));
        LocalDate inicio = termos.requireDate("data_inicio");
        LocalDate fim = termos.requireDate("data_fim");
        long numero = termos.requireLong("numero");
        List<ItemVenda> itens = sales.itens(body);
        for (int i = 0; i < itens.size(); i++) {
            // The contracts API's Item.quantidade is an integer (the sales API's a number).
            if (itens.get(i).quantidade().stripTrailingZeros().scale() > 0) {
                throw ContaAzulErrors.badRequest(ContaAzulErrors.INVALID, "itens[" + i + "].quantidade",
                        itens.get(i).quantidade());
            }
        }
        sales.cliente(idCliente);
        LocalDateTime now = state.now();
        UUID idContrato = UUID.randomUUID();
        synchronized (state.contratos) {
            if (state.contratos.values().stream().anyMatch(c -> c.numero() == numero)) {
                throw ContaAzulErrors.badRequest(ContaAzulErrors.DUPLICATE_CONTRACT_NUMBER, numero);
            }
            Venda venda = sales.store(new Venda(UUID.randomUUID(), state.nextLegacyId(), sales.nextNumero(),
                    idCliente, "APROVADO", inicio, itens, json.get("condicao_pagamento"),
                    json.get("composicao_de_valor"), body.text("observacoes"), body.text("observacoes_pagamento"),
                    body.uuid("id_vendedor"), body.uuid("id_categoria"), body.uuid("id_centro_custo"), idContrato,
                    1, now, now, ContaAzulSales.net(ContaAzulSales.gross(itens), json.get("composicao_de_valor"))));
            Contrato contrato = new Contrato(idContrato, state.nextLegacyId(), idCliente, numero, frequencia,
                    expiracao, inicio, fim, primeiroVencimento, venda.id());
            state.contratos.put(contrato.id(), contrato);
            return new ContratoCriado(contrato.id(), contrato.idLegado(), venda.id());
        }
    }

    /** {@code data_inicio} and {@code data_fim} are required by the spec; contracts overlapping them are listed. */
    @GET
    public ListagemContratos list(@QueryParam("data_inicio") String dataInicio,
                                  @QueryParam("data_fim") String dataFim,
                                  @QueryParam("cliente_id") String clienteId,
                                  @QueryParam("pagina") @DefaultValue("1") int pagina,
                                  @QueryParam("tamanho_pagina") @DefaultValue("10") int tamanhoPagina) {
        if (dataInicio == null || dataFim == null) {
            throw ContaAzulErrors.badRequest(ContaAzulErrors.REQUIRED, dataInicio == null ? "data_inicio" : "data_fim");
        }
        if (tamanhoPagina > 50) {
            throw ContaAzulErrors.badRequest(ContaAzulErrors.INVALID, "tamanho_pagina", tamanhoPagina);
        }
        LocalDate de = ContaAzul.parseDateTime("data_inicio", dataInicio).toLocalDate();
        LocalDate ate = ContaAzul.parseDateTime("data_fim", dataFim).toLocalDate();
        List<ContratoResumo> all = state.contratos.values().stream()
                .filter(c -> !c.dataInicio().isAfter(ate) && !c.dataFim().isBefore(de))
                .filter(c -> clienteId == null || c.idCliente().toString().equals(clienteId))
                .sorted(Comparator.comparing(Contrato::dataInicio).thenComparingLong(Contrato::numero))
                .map(this::resumo)
                .toList();
        return new ListagemContratos(all.size(), ContaAzul.page(all, pagina, tamanhoPagina));
    }

    private ContratoResumo resumo(Contrato c) {
        Pessoa cliente = state.pessoas.get(c.idCliente());
        return new ContratoResumo(c.id(), new ClienteContrato(c.idCliente(), cliente == null ? null : cliente.nome()),
                "ATIVO", c.proximoVencimento(), c.dataInicio(), c.numero());
    }

    @GET
    @Path("proximo-numero")
    public long proximoNumero() {
        return state.contratos.values().stream().mapToLong(Contrato::numero).max().orElse(0) + 1;
    }
}
