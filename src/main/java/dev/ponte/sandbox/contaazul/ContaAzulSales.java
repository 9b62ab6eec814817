package dev.ponte.sandbox.contaazul;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponte.sandbox.Faults;
import dev.ponte.sandbox.contaazul.ContaAzulModel.ItemVenda;
import dev.ponte.sandbox.contaazul.ContaAzulModel.Pessoa;
import dev.ponte.sandbox.contaazul.ContaAzulModel.Produto;
import dev.ponte.sandbox.contaazul.ContaAzulModel.Servico;
import dev.ponte.sandbox.contaazul.ContaAzulModel.Situacao;
import dev.ponte.sandbox.contaazul.ContaAzulModel.Venda;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Sale rules shared by {@code POST /v1/venda} and contracts (which create their first sale). */
@IfBuildProperty(name = "ponte.sandbox.included", stringValue = "true")
@ApplicationScoped
public class ContaAzulSales {

    /** Display names for {@code situacao}; the codes are the spec's enum, the labels are a guess. */
    private static final Map<String, String> SITUACOES = Map.of(
            "EM_ANDAMENTO", "Em andamento", "APROVADO", "Aprovado", "FATURADO", "Faturado",
            "CANCELADO", "Cancelado");

    private final ContaAzul state;
    private final Faults faults;

    public ContaAzulSales(ContaAzul state, Faults faults) {
        this.state = state;
        this.faults = faults;
    }

    static Situacao situacao(String code) {
        return new Situacao(code, SITUACOES.getOrDefault(code, code));
    }

    Pessoa cliente(UUID id) {
        Pessoa cliente = state.pessoas.get(id);
        if (cliente == null) {
            throw ContaAzulErrors.badRequest(ContaAzulErrors.CLIENT_NOT_FOUND, id);
        }
        return cliente;
    }

    /**
     * {@code tipo_pagamento} of a sale (the sales spec) and of a contract or a financial entry (the contracts and
     * financial specs): two methods are spelled differently, COBRANCA_PIX / PIX_COBRANCA and LINK_PAGAMENTO /
     * CARTAO_CREDITO_VIA_LINK.
     */
    static final Set<String> METODOS_VENDA = Set.of("BOLETO_BANCARIO", "CARTAO_CREDITO", "CARTAO_DEBITO",
            "CARTEIRA_DIGITAL", "CASHBACK", "CHEQUE", "CREDITO_LOJA", "CREDITO_VIRTUAL", "DEPOSITO_BANCARIO", "DINHEIRO",
            "OUTRO", "DEBITO_AUTOMATICO", "LINK_PAGAMENTO", "PIX_PAGAMENTO_INSTANTANEO", "COBRANCA_PIX",
            "PROGRAMA_FIDELIDADE", "SEM_PAGAMENTO", "TRANSFERENCIA_BANCARIA", "VALE_ALIMENTACAO", "VALE_COMBUSTIVEL",
            "VALE_PRESENTE", "VALE_REFEICAO");
    static final Set<String> METODOS_CONTRATO = Set.of("BOLETO_BANCARIO", "CARTAO_CREDITO", "CARTAO_DEBITO",
            "CARTEIRA_DIGITAL", "CASHBACK", "CHEQUE", "CREDITO_LOJA", "CREDITO_VIRTUAL", "DEPOSITO_BANCARIO", "DINHEIRO",
            "OUTRO", "DEBITO_AUTOMATICO", "CARTAO_CREDITO_VIA_LINK", "PIX_PAGAMENTO_INSTANTANEO", "PIX_COBRANCA",
            "PROGRAMA_FIDELIDADE", "SEM_PAGAMENTO", "TRANSFERENCIA_BANCARIA", "VALE_ALIMENTACAO", "VALE_COMBUSTIVEL",
            "VALE_PRESENTE", "VALE_REFEICAO");

    /** {@code itens[]}: each {@code id} must be a product or service of the account. */
    List<ItemVenda> itens(Body body) {
        JsonNode itens = body.node().get("itens");
        if (itens == null || !itens.isArray() || itens.isEmpty()) {
            throw ContaAzulErrors.badRequest(ContaAzulErrors.REQUIRED, "itens");
        }
        List<ItemVenda> result = new ArrayList<>();
        for (int i = 0; i < itens.size(); i++) {
            Body item = new Body(itens.get(i), "itens[" + i + "].");
            UUID id = item.requireUuid("id");
            BigDecimal quantidade = item.requireDecimal("quantidade");
            BigDecimal valor = item.requireDecimal("valor");
            if (quantidade.signum() <= 0) {
                throw ContaAzulErrors.badRequest(ContaAzulErrors.INVALID, "itens[" + i + "].quantidade", quantidade);
            }
            Produto produto = state.produtos.get(id);
            Servico servico = state.servicos.get(id);
            if (produto == null && servico == null) {
                throw ContaAzulErrors.badRequest(ContaAzulErrors.ITEM_NOT_FOUND, id);
            }
            String nome = produto != null ? produto.nome() : servico.descricao();
            String descricao = item.text("descricao");
            result.add(new ItemVenda(UUID.randomUUID(), id, nome, descricao != null ? descricao : nome,
                    produto != null ? "PRODUTO" : "SERVICO", quantidade, valor, item.decimal("valor_custo")));
        }
        return List.copyOf(result);
    }

    static BigDecimal gross(List<ItemVenda> itens) {
        return itens.stream().map(i -> i.quantidade().multiply(i.valor())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Gross + {@code frete} − {@code desconto} (VALOR or PORCENTAGEM of the gross). */
    static BigDecimal net(BigDecimal gross, JsonNode composicao) {
        if (composicao == null || composicao.isNull()) {
            return gross;
        }
        BigDecimal frete = composicao.hasNonNull("frete") ? composicao.get("frete").decimalValue() : BigDecimal.ZERO;
        JsonNode desconto = composicao.get("desconto");
        BigDecimal discount = BigDecimal.ZERO;
        if (desconto != null && desconto.hasNonNull("valor")) {
            BigDecimal valor = desconto.get("valor").decimalValue();
            discount = "PORCENTAGEM".equals(desconto.path("tipo").asText())
                    ? gross.multiply(valor).movePointLeft(2) : valor;
        }
        return gross.add(frete).subtract(discount);
    }

    /**
     * The stock rule of the ledger's "Verificar estoque ao criar uma venda" setting, switched on with the
     * {@code stock_check} fault knob.
     */
    void checkStock(List<ItemVenda> itens) {
        if (!faults.stockCheck(ContaAzul.NAME)) {
            return;
        }
        for (ItemVenda item : itens) {
            Produto produto = state.produtos.get(item.idItem());
            if (produto == null) {
                continue;
            }
            BigDecimal disponivel = produto.estoque() == null || produto.estoque().estoqueDisponivel() == null
                    ? BigDecimal.ZERO : produto.estoque().estoqueDisponivel();
            if (item.quantidade().compareTo(disponivel) > 0) {
                throw ContaAzulErrors.badRequest(ContaAzulErrors.NOT_ENOUGH_STOCK, produto.nome(),
                        disponivel.stripTrailingZeros().toPlainString(),
                        item.quantidade().stripTrailingZeros().toPlainString());
            }
        }
    }

    /** Stores a sale, refusing a {@code numero} already used; an approved sale takes its products from stock. */
    Venda store(Venda venda) {
        synchronized (state.vendas) {
            if (state.vendas.values().stream().anyMatch(v -> v.numero() == venda.numero())) {
                throw ContaAzulErrors.badRequest(ContaAzulErrors.DUPLICATE_SALE_NUMBER, venda.numero());
            }
            state.vendas.put(venda.id(), venda);
        }
        if ("APROVADO".equals(venda.situacao())) {
            venda.itens().forEach(item -> state.produtos.computeIfPresent(item.idItem(), (id, p) ->
                    p.estoque() == null || p.estoque().estoqueDisponivel() == null ? p
                            : new Produto(p.id(), p.idLegado(), p.nome(), p.codigoSku(), p.codigoEan(), p.formato(),
                            p.status(), new ContaAzulModel.Estoque(p.estoque().valorVenda(),
                            p.estoque().custoMedio(), p.estoque().estoqueDisponivel().subtract(item.quantidade()),
                            p.estoque().estoqueMinimo(), p.estoque().estoqueMaximo()), state.now())));
        }
        return venda;
    }

    long nextNumero() {
        return state.vendas.values().stream().mapToLong(Venda::numero).max().orElse(0) + 1;
    }
}
