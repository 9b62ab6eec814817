package dev.ponte.connector.contaazul;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponte.connector.Postponed;
import dev.ponte.connector.RequestPacer;
import dev.ponte.connector.contaazul.ContaAzulDto.CondicaoPagamento;
import dev.ponte.connector.contaazul.ContaAzulDto.ComposicaoDeValor;
import dev.ponte.connector.contaazul.ContaAzulDto.Parcela;
import dev.ponte.model.Money;
import dev.ponte.model.PaymentPlan;
import dev.ponte.model.Recurrence;
import dev.ponte.model.SalesDocument;
import dev.ponte.model.SalesLine;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The translation of a sale into Conta Azul's amounts, dates and notes, and the request pacing, without HTTP. */
class ContaAzulSaleMappingTest {

    private static final LocalDate DATE = LocalDate.of(2026, 1, 31);

    private static SalesDocument sale(String quantity, String price, String discount, String shipping,
                                      int instalments) {
        return new SalesDocument("ponte:deal:7", "c1", DATE,
                List.of(new SalesLine("i1", null, new BigDecimal(quantity), Money.of(price, "BRL"),
                        discount == null ? null : new BigDecimal(discount))),
                shipping == null ? null : Money.of(shipping, "BRL"), null, new PaymentPlan("PIX_PAGAMENTO_INSTANTANEO",
                instalments), null, null, false, null);
    }

    @Test
    void instalmentsAddUpToTheTotalWithTheRemainderOnTheLast() {
        CondicaoPagamento condicao = ContaAzulLedgerPort.condicaoPagamento(sale("1", "100.00", null, null, 3));

        assertThat(condicao.opcaoCondicaoPagamento()).isEqualTo("3x");
        assertThat(condicao.tipoPagamento()).isEqualTo("PIX_PAGAMENTO_INSTANTANEO");
        assertThat(condicao.parcelas()).extracting(Parcela::valor).extracting(BigDecimal::toPlainString)
                .containsExactly("33.33", "33.33", "33.34");
        assertThat(condicao.parcelas()).extracting(Parcela::dataVencimento)
                .containsExactly(LocalDate.of(2026, 2, 28), LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 30));
    }

    @Test
    void lineDiscountsBecomeOneSaleDiscountAndShippingIsFrete() {
        ComposicaoDeValor composicao = ContaAzulLedgerPort.composicao(sale("10", "9.99", "15", "12.50", 1));

        assertThat(composicao.frete()).isEqualByComparingTo("12.50");
        assertThat(composicao.desconto().tipo()).isEqualTo("VALOR");
        // 10 × 9.99 = 99.90, less 15 % = 84.915 → 84.92 (half-even), so the discount is 14.98.
        assertThat(composicao.desconto().valor()).isEqualByComparingTo("14.98");
        assertThat(ContaAzulLedgerPort.composicao(sale("1", "5.00", null, null, 1))).isNull();
    }

    @Test
    void theDocumentsOwnDiscountJoinsTheLinesAndTheInstalmentsAddUpToWhatIsLeft() {
        SalesDocument lines = sale("10", "9.99", "15", "12.50", 2);
        SalesDocument sale = new SalesDocument(lines.externalMarker(), lines.customerId(), DATE, lines.lines(),
                lines.shipping(), Money.of("7.51", "BRL"), lines.payment(), null, null, false, null);

        // 14.98 off the lines, 7.51 off the whole: 84.92 + 12.50 − 7.51 = 89.91
        assertThat(ContaAzulLedgerPort.composicao(sale).desconto().valor()).isEqualByComparingTo("22.49");
        assertThat(sale.total().amount()).isEqualByComparingTo("89.91");
        assertThat(ContaAzulLedgerPort.condicaoPagamento(sale).parcelas()).extracting(Parcela::valor)
                .extracting(BigDecimal::toPlainString).containsExactly("44.95", "44.96");
    }

    @Test
    void quantitiesNeverGoOutInExponentForm() {
        assertThat(ContaAzulLedgerPort.plain(new BigDecimal("10.000")).toString()).isEqualTo("10");
        assertThat(ContaAzulLedgerPort.plain(new BigDecimal("2.500")).toString()).isEqualTo("2.5");
    }

    @Test
    void markerIsMatchedOnItsOwnLineOnly() {
        SalesDocument sale = sale("1", "5.00", null, null, 1);
        assertThat(ContaAzulLedgerPort.observacoes(sale)).isEqualTo("ponte:deal:7");
        assertThat(ContaAzulLedgerPort.carriesMarker("Negócio\n\nponte:deal:7", "ponte:deal:7")).isTrue();
        assertThat(ContaAzulLedgerPort.carriesMarker("ponte:deal:77", "ponte:deal:7")).isFalse();
        assertThat(ContaAzulLedgerPort.carriesMarker(null, "ponte:deal:7")).isFalse();
    }

    @Test
    void firstDueDateFallsOnTheDueDayOnOrAfterTheStart() {
        assertThat(ContaAzulLedgerPort.firstDueDate(new Recurrence(LocalDate.of(2026, 1, 15), null, 10)))
                .isEqualTo(LocalDate.of(2026, 2, 10));
        assertThat(ContaAzulLedgerPort.firstDueDate(new Recurrence(LocalDate.of(2026, 1, 31), null, 31)))
                .isEqualTo(LocalDate.of(2026, 1, 31));
        assertThat(ContaAzulLedgerPort.firstDueDate(new Recurrence(LocalDate.of(2026, 2, 1), null, 31)))
                .isEqualTo(LocalDate.of(2026, 2, 28));
    }

    @Test
    void pacerSpacesCallsAndPostponesThoseThatWouldWaitTooLongOneSlotApart() {
        RequestPacer pacer = new RequestPacer("Conta Azul", 20, Duration.ofMillis(120));
        long start = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            pacer.acquire();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(95));

        RequestPacer busy = new RequestPacer("Conta Azul", 1, Duration.ofMillis(100));
        busy.acquire();
        // Refused callers are postponed (no attempt spent), each told to come back a slot after the one before.
        List<Duration> told = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(busy::acquire).isInstanceOfSatisfying(Postponed.class,
                    e -> told.add(e.retryAfter().orElseThrow()));
        }
        assertThat(told.get(1).minus(told.get(0))).isGreaterThan(Duration.ofMillis(900));
        assertThat(told.get(2).minus(told.get(1))).isGreaterThan(Duration.ofMillis(900));
    }
}
