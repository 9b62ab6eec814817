package dev.ponte.connector.contaazul;

import dev.ponte.connector.TransientFailure;
import dev.ponte.connector.contaazul.ContaAzulConfig.FinancialCreate;
import dev.ponte.connector.contaazul.ContaAzulDto.CondicaoPagamentoEvento;
import dev.ponte.connector.contaazul.ContaAzulDto.DetalheValor;
import dev.ponte.connector.contaazul.ContaAzulDto.EventoCriado;
import dev.ponte.connector.contaazul.ContaAzulDto.NovoEventoFinanceiro;
import dev.ponte.connector.contaazul.ContaAzulDto.ParcelaEvento;
import dev.ponte.connector.contaazul.ContaAzulDto.Rateio;
import dev.ponte.model.FinancialEntry;
import dev.ponte.model.FinancialEntry.Instalment;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything about Conta Azul's receivable/payable create that depends on which generation of it the account speaks
 * (wave2-contracts §4.1), in this one place behind {@link FinancialCreate}: what the body carries and how the answer
 * is read. Also how Ponte's reference travels in the entry, so that {@code findEntry} can find it again.
 */
final class ContaAzulFinancial {

    /** How long a job waits before looking again for an entry a protocol accepted but Conta Azul has not made yet. */
    static final Duration PROTOCOL_WAIT = Duration.ofSeconds(30);

    private ContaAzulFinancial() {
    }

    /** The path segment of the entry's side: {@code contas-a-receber} or {@code contas-a-pagar}. */
    static String side(FinancialEntry.Kind kind) {
        return kind == FinancialEntry.Kind.RECEIVABLE ? "contas-a-receber" : "contas-a-pagar";
    }

    /**
     * The reference as it is written at the end of {@code descricao}, bracketed so that {@code deal:12} is never
     * found inside {@code deal:123}. The search by {@code descricao} is assumed to match a substring (a guess).
     */
    static String tag(String reference) {
        return "[" + reference + "]";
    }

    static boolean carriesTag(String descricao, String reference) {
        return descricao != null && descricao.contains(tag(reference));
    }

    /**
     * The body. Both generations get what (A) requires ({@code contato}, {@code observacao}, {@code rateio},
     * {@code condicao_pagamento} with each instalment's {@code nota} and {@code conta_financeira}); SYNCHRONOUS also
     * gets (B)'s {@code id_cliente} or {@code id_fornecedor} and {@code referencia_externa}, which (A)'s schema does
     * not know. The reference is in {@code descricao} (searchable), and repeated in {@code observacao} and each
     * instalment's {@code nota}.
     */
    static NovoEventoFinanceiro body(FinancialCreate generation, FinancialEntry entry) {
        boolean synchronous = generation == FinancialCreate.SYNCHRONOUS;
        boolean receivable = entry.kind() == FinancialEntry.Kind.RECEIVABLE;
        String descricao = entry.description().strip() + " " + tag(entry.reference());
        String observacao = entry.notes() == null ? entry.reference() : entry.notes() + "\n\n" + entry.reference();
        int n = entry.instalments().size();
        List<ParcelaEvento> parcelas = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Instalment instalment = entry.instalments().get(i);
            String label = n == 1 ? entry.description().strip()
                    : entry.description().strip() + " (" + (i + 1) + "/" + n + ")";
            parcelas.add(new ParcelaEvento(label + " " + tag(entry.reference()), instalment.due(), entry.reference(),
                    entry.financialAccount(), new DetalheValor(amount(instalment.value().amount())),
                    ContaAzulPaymentMethods.forContractOrEntry(entry.paymentMethod())));
        }
        BigDecimal valor = amount(entry.value().amount());
        return new NovoEventoFinanceiro(descricao, entry.competence(), valor, observacao, entry.partyId(),
                synchronous && receivable ? entry.partyId() : null,
                synchronous && !receivable ? entry.partyId() : null, entry.financialAccount(),
                List.of(new Rateio(entry.category(), valor)), new CondicaoPagamentoEvento(parcelas),
                synchronous ? entry.reference() : null);
    }

    /**
     * The created entry's id. SYNCHRONOUS: the account's {@code id}. A protocol answer (under either switch, so an
     * account still on (A) does not fail) names no account yet: the caller looks for the entry by its reference and,
     * not finding it, the job tries again later, finding it then ({@link #protocolPending}). Answers null for that.
     */
    static String createdId(FinancialCreate generation, EventoCriado created) {
        if (created == null) {
            throw new TransientFailure("Conta Azul accepted the entry without an answer", null, null);
        }
        if (created.eventoFinanceiroId() != null) {
            return created.eventoFinanceiroId();
        }
        boolean protocol = created.protocolo() != null || created.protocolId() != null
                || generation == FinancialCreate.PROTOCOL;
        if (!protocol && created.id() != null) {
            return created.id();
        }
        return null;
    }

    static TransientFailure protocolPending() {
        return new TransientFailure("Conta Azul accepted the entry by protocol and has not created it yet; "
                + "it is looked for again before any new create", PROTOCOL_WAIT, null);
    }

    /** Money with two decimals, the precision of Conta Azul's values and of {@code valor_de}'s pattern. */
    static BigDecimal amount(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
