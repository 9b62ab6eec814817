package dev.ponte.connector.contaazul;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponte.connector.contaazul.ContaAzulConfig.FinancialCreate;
import dev.ponte.connector.contaazul.ContaAzulDto.EventoCriado;
import dev.ponte.connector.contaazul.ContaAzulDto.NovoEventoFinanceiro;
import dev.ponte.model.FinancialEntry;
import dev.ponte.model.FinancialEntry.Instalment;
import dev.ponte.model.FinancialEntry.Kind;
import dev.ponte.model.Money;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generation switch of Conta Azul's financial create: what each generation sends and how its answer is read. */
class ContaAzulFinancialTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    @Test
    void synchronousSendsBothGenerationsFieldsWithTheReferenceInDescriptionNotesAndEveryInstalment() {
        NovoEventoFinanceiro body = ContaAzulFinancial.body(FinancialCreate.SYNCHRONOUS, entry(Kind.RECEIVABLE));

        assertThat(body.descricao()).isEqualTo("Venda 7 [ponte:c:deal:7]");
        assertThat(body.observacao()).isEqualTo("Ganho\n\nponte:c:deal:7");
        assertThat(body.contato()).isEqualTo("cli-1");
        assertThat(body.idCliente()).isEqualTo("cli-1");
        assertThat(body.idFornecedor()).isNull();
        assertThat(body.referenciaExterna()).isEqualTo("ponte:c:deal:7");
        assertThat(body.valor()).isEqualByComparingTo("10.01").hasToString("10.01");
        assertThat(body.rateio()).singleElement().satisfies(r -> {
            assertThat(r.idCategoria()).isEqualTo("cat-1");
            assertThat(r.valor()).isEqualByComparingTo("10.01");
        });
        assertThat(body.condicaoPagamento().parcelas()).hasSize(2).allSatisfy(p -> {
            assertThat(p.nota()).isEqualTo("ponte:c:deal:7");
            assertThat(p.contaFinanceira()).isEqualTo("acc-1");
            assertThat(p.descricao()).endsWith("[ponte:c:deal:7]");
            assertThat(p.metodoPagamento()).isEqualTo("PIX_PAGAMENTO_INSTANTANEO");
        });
        assertThat(body.condicaoPagamento().parcelas().get(1).descricao()).isEqualTo("Venda 7 (2/2) [ponte:c:deal:7]");
    }

    @Test
    void aPayableNamesItsSupplierAsIdFornecedor() {
        NovoEventoFinanceiro body = ContaAzulFinancial.body(FinancialCreate.SYNCHRONOUS, entry(Kind.PAYABLE));

        assertThat(body.idFornecedor()).isEqualTo("cli-1");
        assertThat(body.idCliente()).isNull();
        assertThat(body.contato()).isEqualTo("cli-1");
    }

    @Test
    void protocolSendsOnlyTheOlderSchemasFields() {
        NovoEventoFinanceiro body = ContaAzulFinancial.body(FinancialCreate.PROTOCOL, entry(Kind.RECEIVABLE));

        assertThat(body.contato()).isEqualTo("cli-1");
        assertThat(body.idCliente()).isNull();
        assertThat(body.referenciaExterna()).isNull();
    }

    @Test
    void readsTheCreatedIdOrRecognisesAProtocolUnderEitherName() {
        assertThat(ContaAzulFinancial.createdId(FinancialCreate.SYNCHRONOUS, new EventoCriado("ev-1", null, null,
                null, null))).isEqualTo("ev-1");
        assertThat(ContaAzulFinancial.createdId(FinancialCreate.SYNCHRONOUS, new EventoCriado(null, "p-1", null,
                "PENDING", null))).isNull();
        assertThat(ContaAzulFinancial.createdId(FinancialCreate.SYNCHRONOUS, new EventoCriado(null, null, "p-1",
                "PENDING", null))).isNull();
        assertThat(ContaAzulFinancial.createdId(FinancialCreate.PROTOCOL, new EventoCriado("p-1", null, null,
                "PENDING", null))).as("a protocol's own id is not the entry's").isNull();
        assertThat(ContaAzulFinancial.createdId(FinancialCreate.PROTOCOL, new EventoCriado("p-1", null, null,
                "SUCCESS", "ev-2"))).isEqualTo("ev-2");
    }

    @Test
    void aReferenceIsNotFoundInsideALongerOne() {
        assertThat(ContaAzulFinancial.carriesTag("Venda [ponte:c:deal:12]", "ponte:c:deal:12")).isTrue();
        assertThat(ContaAzulFinancial.carriesTag("Venda [ponte:c:deal:123]", "ponte:c:deal:12")).isFalse();
        assertThat(ContaAzulFinancial.carriesTag(null, "ponte:c:deal:12")).isFalse();
    }

    private static FinancialEntry entry(Kind kind) {
        return new FinancialEntry(kind, "ponte:c:deal:7", "cli-1", DAY, Money.of("10.01", "BRL"), " Venda 7 ",
                "Ganho", "acc-1", "cat-1", List.of(new Instalment(DAY, Money.of("5", "BRL")),
                new Instalment(DAY.plusMonths(1), Money.of("5.01", "BRL"))), "PIX_PAGAMENTO_INSTANTANEO");
    }
}
