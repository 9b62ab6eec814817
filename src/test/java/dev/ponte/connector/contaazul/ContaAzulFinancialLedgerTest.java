package dev.ponte.connector.contaazul;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponte.connector.FinancialLedger;
import dev.ponte.connector.FinancialLedger.FinancialAccount;
import dev.ponte.connector.Postponed;
import dev.ponte.connector.RejectedFailure;
import dev.ponte.connector.TransientFailure;
import dev.ponte.model.FinancialEntry;
import dev.ponte.model.FinancialEntry.Instalment;
import dev.ponte.model.FinancialEntry.Kind;
import dev.ponte.model.LedgerParty;
import dev.ponte.model.Money;
import dev.ponte.model.Party;
import dev.ponte.model.PartyKind;
import dev.ponte.model.TaxId;
import dev.ponte.model.TaxIdKind;
import dev.ponte.support.MemoryAccess;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Conta Azul Financeiro through the connector over real HTTP against the sandbox: what a receivable and a payable
 * carry (R21, R22), refusals naming the field, a lost answer found again, 429 honoured, the categories' cache.
 */
@QuarkusTest
@ExtendWith(LiftedLimits.class)
class ContaAzulFinancialLedgerTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 10);
    private static final String REFERENCE = "ponte:pipedrive:deal:42";

    @Inject
    ContaAzulConnector connector;

    @Inject
    ContaAzulOAuth oauth;

    private Map<String, String> credentials;
    private MemoryAccess access;
    private FinancialLedger ledger;

    @BeforeEach
    void resetAndConnect() {
        ContaAzulSandboxSeeds.SANDBOX.reset();
        credentials = ContaAzulSandboxSeeds.connect(oauth);
        access = new MemoryAccess(credentials);
        ledger = (FinancialLedger) connector.open(access);
    }

    @Test
    void r21_createsAReceivableWithItsMappedFieldsAndTheReferenceAsExternalReference() {
        String customer = seedPerson("Alfa Comércio Ltda", "Cliente");
        String category = ledger.categories(Kind.RECEIVABLE).get(0).id();

        String id = ledger.createEntry(entry(Kind.RECEIVABLE, customer, category, preferredAccount()));

        JsonPath state = ContaAzulSandboxSeeds.SANDBOX.state();
        assertThat(state.getString("eventos_financeiros[0].id")).isEqualTo(id);
        assertThat(state.getString("eventos_financeiros[0].tipo")).isEqualTo("RECEITA");
        assertThat(state.getString("eventos_financeiros[0].descricao")).isEqualTo("Negócio 42 [" + REFERENCE + "]");
        assertThat(state.getString("eventos_financeiros[0].referencia_externa")).isEqualTo(REFERENCE);
        assertThat(state.getString("eventos_financeiros[0].observacao")).isEqualTo("Ganho\n\n" + REFERENCE);
        assertThat(state.getString("eventos_financeiros[0].data_competencia")).isEqualTo("2026-12-10");
        assertThat(state.getString("eventos_financeiros[0].id_contato")).isEqualTo(customer);
        assertThat(state.getString("eventos_financeiros[0].rateio[0].id_categoria")).isEqualTo(category);
        assertThat(state.getList("eventos_financeiros[0].parcelas.data_vencimento"))
                .containsExactly("2026-12-20", "2027-01-20");
        assertThat(state.getList("eventos_financeiros[0].parcelas.metodo_pagamento", String.class))
                .containsOnly("BOLETO_BANCARIO");
    }

    @Test
    void r22_createsASupplierWithTheFornecedorProfileAndAPayableOwedToIt() {
        LedgerParty supplier = ledger.createSupplier(new Party(PartyKind.COMPANY, "Papelaria Central Ltda",
                TaxId.parse(TaxIdKind.CNPJ, "11.444.777/0001-61"), "compras@papelaria.example", null, null, "BR",
                "Pipedrive", null, "77"));
        String category = ledger.categories(Kind.PAYABLE).get(0).id();

        String id = ledger.createEntry(entry(Kind.PAYABLE, supplier.id(), category, preferredAccount()));

        JsonPath state = ContaAzulSandboxSeeds.SANDBOX.state();
        assertThat(state.getList("pessoas[0].perfis")).containsExactly("Fornecedor");
        assertThat(state.getString("eventos_financeiros[0].tipo")).isEqualTo("DESPESA");
        assertThat(state.getString("eventos_financeiros[0].id_contato")).isEqualTo(supplier.id());
        assertThat(ledger.findEntry(entry(Kind.PAYABLE, supplier.id(), category, preferredAccount()))).contains(id);
    }

    @Test
    void r21_listsOnlyActiveAccountsAndOnlyLeafCategoriesOfTheSide() {
        assertThat(ledger.financialAccounts()).extracting(FinancialAccount::name)
                .contains("Conta corrente Banco do Brasil").doesNotContain("Conta antiga Itaú");
        assertThat(ledger.financialAccounts()).filteredOn(FinancialAccount::preferred)
                .extracting(FinancialAccount::name).containsExactly("Conta corrente Banco do Brasil");
        assertThat(ledger.categories(Kind.RECEIVABLE)).extracting(FinancialLedger.LedgerCategory::name)
                .containsExactlyInAnyOrder("Vendas de produtos", "Prestação de serviços");
        assertThat(ledger.categories(Kind.PAYABLE)).extracting(FinancialLedger.LedgerCategory::name)
                .containsExactlyInAnyOrder("Aluguel", "Serviços de terceiros");
    }

    @Test
    void categoriesAreReadOnceForTheConnection() {
        long before = requests();
        ledger.categories(Kind.RECEIVABLE);
        ((FinancialLedger) connector.open(access)).categories(Kind.PAYABLE);
        ledger.categories(Kind.RECEIVABLE);
        ((FinancialLedger) connector.open(access)).categories(Kind.PAYABLE);

        assertThat(requests() - before).as("one read per side, then the cache").isEqualTo(2);
    }

    @Test
    void aRefusalNamesTheFieldAtFault() {
        String customer = seedPerson("Alfa Comércio Ltda", "Cliente");
        String category = ledger.categories(Kind.RECEIVABLE).get(0).id();
        String expense = ledger.categories(Kind.PAYABLE).get(0).id();
        String unknown = UUID.randomUUID().toString();

        assertThatThrownBy(() -> ledger.createEntry(entry(Kind.RECEIVABLE, customer, unknown, preferredAccount())))
                .isInstanceOfSatisfying(RejectedFailure.class, e -> assertThat(e.errors())
                        .extracting(RejectedFailure.FieldError::field).containsExactly("rateio[0].id_categoria"));
        assertThatThrownBy(() -> ledger.createEntry(entry(Kind.RECEIVABLE, customer, expense, preferredAccount())))
                .as("an expense category on a receivable").isInstanceOfSatisfying(RejectedFailure.class, e ->
                        assertThat(e.errors()).extracting(RejectedFailure.FieldError::field)
                                .containsExactly("rateio[0].id_categoria"));
        assertThatThrownBy(() -> ledger.createEntry(entry(Kind.RECEIVABLE, customer, category, unknown)))
                .isInstanceOfSatisfying(RejectedFailure.class, e -> assertThat(e.errors())
                        .extracting(RejectedFailure.FieldError::field).containsExactly("conta_financeira"));
        assertThatThrownBy(() -> ledger.createEntry(entry(Kind.RECEIVABLE, unknown, category, preferredAccount())))
                .isInstanceOfSatisfying(RejectedFailure.class, e -> {
                    assertThat(e.errors()).extracting(RejectedFailure.FieldError::field).containsExactly("id_cliente");
                    assertThat(e.getMessage()).contains("pessoa");
                });
        assertThat(ContaAzulSandboxSeeds.SANDBOX.state().getList("eventos_financeiros")).isEmpty();
    }

    @Test
    void findsAnEntryWhoseCreateAnswerWasDroppedAsBadGateway() {
        String customer = seedPerson("Alfa Comércio Ltda", "Cliente");
        FinancialEntry entry = entry(Kind.RECEIVABLE, customer, ledger.categories(Kind.RECEIVABLE).get(0).id(),
                preferredAccount());
        ContaAzulSandboxSeeds.SANDBOX.faults(Map.of("drop_after_commit", 1, "drop_mode", "502"));

        assertThatThrownBy(() -> ledger.createEntry(entry)).isInstanceOf(TransientFailure.class);

        List<String> held = ContaAzulSandboxSeeds.SANDBOX.state().getList("eventos_financeiros.id", String.class);
        assertThat(held).hasSize(1);
        assertThat(ledger.findEntry(entry)).contains(held.get(0));
    }

    @Test
    void aShort429IsWaitedOutAndTheEntryCreatedOnce() {
        String customer = seedPerson("Alfa Comércio Ltda", "Cliente");
        FinancialEntry entry = entry(Kind.RECEIVABLE, customer, ledger.categories(Kind.RECEIVABLE).get(0).id(),
                preferredAccount());
        ContaAzulSandboxSeeds.SANDBOX.faults(Map.of("next_429", 2, "retry_after_seconds", 1));

        long started = System.nanoTime();
        String id = ledger.createEntry(entry);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("Retry-After: 1, twice")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(ContaAzulSandboxSeeds.SANDBOX.state().getList("eventos_financeiros.id")).containsExactly(id);
    }

    @Test
    void aLong429GoesToTheJobEngineWithItsRetryAfter() {
        String customer = seedPerson("Alfa Comércio Ltda", "Cliente");
        FinancialEntry entry = entry(Kind.RECEIVABLE, customer, ledger.categories(Kind.RECEIVABLE).get(0).id(),
                preferredAccount());
        ContaAzulSandboxSeeds.SANDBOX.faults(Map.of("next_429", 1, "retry_after_seconds", 30));

        assertThatThrownBy(() -> ledger.createEntry(entry)).isInstanceOfSatisfying(TransientFailure.class,
                e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(30)));
        assertThat(ContaAzulSandboxSeeds.SANDBOX.state().getList("eventos_financeiros")).isEmpty();
    }

    @Test
    void aCreateAcceptedByProtocolAnswersTheEntryThatItsReferenceFinds() {
        String customer = seedPerson("Alfa Comércio Ltda", "Cliente");
        FinancialEntry entry = entry(Kind.RECEIVABLE, customer, ledger.categories(Kind.RECEIVABLE).get(0).id(),
                preferredAccount());
        given().contentType("application/json").body(Map.of("create", "protocol"))
                .post(ContaAzulSandboxSeeds.SANDBOX.path("/_controls/financeiro")).then().statusCode(200);

        String id = ledger.createEntry(entry);

        assertThat(ContaAzulSandboxSeeds.SANDBOX.state().getList("eventos_financeiros.id")).containsExactly(id);
    }

    @Test
    void aCreateAcceptedByProtocolWhoseSearchMustWaitIsNotToldNothingWasSent() {
        String customer = seedPerson("Alfa Comércio Ltda", "Cliente");
        FinancialEntry entry = entry(Kind.RECEIVABLE, customer, ledger.categories(Kind.RECEIVABLE).get(0).id(),
                preferredAccount());
        given().contentType("application/json").body(Map.of("create", "protocol"))
                .post(ContaAzulSandboxSeeds.SANDBOX.path("/_controls/financeiro")).then().statusCode(200);
        // The POST is served; the search for what it created then meets a 429 longer than a short wait.
        ContaAzulSandboxSeeds.SANDBOX.faults(Map.of("after_requests", 1, "next_429", 1, "retry_after_seconds", 30));

        // A Postponed would tell the caller that nothing reached the ledger, which then creates it again.
        assertThatThrownBy(() -> ledger.createEntry(entry)).isInstanceOfSatisfying(TransientFailure.class, e -> {
            assertThat(e).isNotInstanceOf(Postponed.class);
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
        });
        assertThat(ContaAzulSandboxSeeds.SANDBOX.state().getList("eventos_financeiros")).hasSize(1);
        assertThat(ledger.findEntry(entry)).isPresent();
    }

    private String preferredAccount() {
        return ledger.financialAccounts().stream().filter(FinancialAccount::preferred).findFirst().orElseThrow().id();
    }

    /** 130.00: 100.00 ten days after the competence date, 30.00 a month later, by boleto. */
    private static FinancialEntry entry(Kind kind, String party, String category, String account) {
        return new FinancialEntry(kind, REFERENCE, party, DAY, Money.of("130.00", "BRL"), "Negócio 42", "Ganho",
                account, category, List.of(new Instalment(DAY.plusDays(10), Money.of("100.00", "BRL")),
                new Instalment(DAY.plusDays(10).plusMonths(1), Money.of("30.00", "BRL"))), "BOLETO_BANCARIO");
    }

    private String seedPerson(String name, String perfil) {
        return ContaAzulSandboxSeeds.api(credentials).body(Map.of("nome", name, "tipo_pessoa", "Jurídica",
                "perfis", List.of(Map.of("tipo_perfil", perfil))))
                .post(ContaAzulSandboxSeeds.SANDBOX.path("/v1/pessoas")).then().statusCode(200).extract().path("id");
    }

    private static long requests() {
        return given().get(ContaAzulSandboxSeeds.SANDBOX.path("/_requests")).then().statusCode(200).extract()
                .jsonPath().getLong("requests");
    }
}
