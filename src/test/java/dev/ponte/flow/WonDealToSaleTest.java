package dev.ponte.flow;

import static dev.ponte.flow.PipedriveToContaAzul.connect;
import static dev.ponte.flow.PipedriveToContaAzul.contaAzul;
import static dev.ponte.flow.PipedriveToContaAzul.create;
import static dev.ponte.flow.PipedriveToContaAzul.deal;
import static dev.ponte.flow.PipedriveToContaAzul.eventually;
import static dev.ponte.flow.PipedriveToContaAzul.organization;
import static dev.ponte.flow.PipedriveToContaAzul.pipedrive;
import static dev.ponte.flow.PipedriveToContaAzul.product;
import static dev.ponte.flow.PipedriveToContaAzul.sales;
import static dev.ponte.flow.PipedriveToContaAzul.setStatus;
import static dev.ponte.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.ponte.connection.ConnectionService;
import dev.ponte.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pipedrive → Conta Azul over real HTTP against the sandbox emulators, one test per requirement. */
@QuarkusTest
class WonDealToSaleTest {

    @Inject
    ConnectionService connections;

    @BeforeEach
    void reset() {
        PipedriveToContaAzul.resetSandboxes();
    }

    @Test
    void r1_wonDealCreatesExactlyOneSaleAndOpenDealNothing() {
        PipedriveToContaAzul c = connect(Map.of());
        long org = organization("Acme Ltda", "11.222.333/0001-81");
        long won = deal("Venda", 30, org, null, product("Caneta", "CAN-01", 10), 3);
        long open = deal("Aberta", 20, org, null, product("Lapis", "LAP-01", 10), 2);
        setStatus(won, "won");
        pipedrive().body(Map.of("value", 25)).patch(PipedriveToContaAzul.PIPEDRIVE + "/api/v2/deals/" + open);
        eventually(() -> assertThat(sales()).isEqualTo(1));
        eventually(() -> assertThat(c.history(won)).anyMatch(m -> m.contains("created pending review")));
        assertThat(c.history(open)).isEmpty();
    }

    @Test
    void r2_dealWonBeforeActivationIsSkippedWithItsReason() {
        long org = organization("Antiga Ltda", "11.222.333/0001-81");
        long old = deal("Antiga", 10, org, null, product("Caneta", "CAN-01", 10), 1);
        setStatus(old, "won");
        // Pipedrive keeps whole seconds: a deal won in the second of activation counts as after it.
        nextSecond();
        PipedriveToContaAzul c = connect(Map.of());
        pipedrive().body(Map.of("title", "Antiga (editada)")).patch(PipedriveToContaAzul.PIPEDRIVE + "/api/v2/deals/"
                + old).then().statusCode(200);
        eventually(() -> assertThat(c.history(old)).anyMatch(m -> m.contains("won before the connection was "
                + "activated")));
        assertThat(sales()).isZero();
    }

    @Test
    void r3_saleIsPendingReview() {
        connect(Map.of());
        setStatus(deal("Venda", 10, organization("Acme", "11.222.333/0001-81"), null, product("P", "P-1", 10), 1),
                "won");
        eventually(() -> assertThat(sales()).isEqualTo(1));
        assertThat(contaAzul().getString("vendas[0].situacao")).isEqualTo("EM_ANDAMENTO");
    }

    @Test
    void r4_companyIsTheCustomerEvenWithAContact() {
        connect(Map.of());
        long org = organization("Empresa Ltda", "11.222.333/0001-81");
        long person = create("/v1/persons", Map.of("name", "Ana Souza", "org_id", org));
        setStatus(deal("Venda", 10, org, person, product("P", "P-1", 10), 1), "won");
        eventually(() -> assertThat(sales()).isEqualTo(1));
        assertThat(contaAzul().getList("pessoas.nome")).containsExactly("Empresa Ltda");
        assertThat(contaAzul().getString("pessoas[0].tipo_pessoa")).isEqualTo("Jurídica");
    }

    @Test
    void r4_contactIsTheCustomerWithoutACompany() {
        connect(Map.of());
        long person = create("/v1/persons", Map.of("name", "Ana Souza"));
        setStatus(deal("Venda", 10, null, person, product("P", "P-1", 10), 1), "won");
        eventually(() -> assertThat(sales()).isEqualTo(1));
        assertThat(contaAzul().getList("pessoas.nome")).containsExactly("Ana Souza");
    }

    @Test
    void r5_documentThenNameReusesTheCustomerWithTheSameCnpj() {
        connect(Map.of());
        String existing = contaAzulCustomer("ACME COMERCIO LTDA", "11222333000181");
        setStatus(deal("Venda", 10, organization("Acme", "11.222.333/0001-81"), null, product("P", "P-1", 10), 1),
                "won");
        eventually(() -> assertThat(sales()).isEqualTo(1));
        assertThat(contaAzul().getList("pessoas")).hasSize(1);
        assertThat(contaAzul().getString("vendas[0].idCliente")).isEqualTo(existing);
    }

    @Test
    void r5_nameAndDocumentCreatesANewCustomerWhenTheNamesDiffer() {
        connect(Map.of("customerMatching", "NAME_AND_DOCUMENT"));
        String existing = contaAzulCustomer("ACME COMERCIO LTDA", "11222333000181");
        setStatus(deal("Venda", 10, organization("Acme", "11.222.333/0001-81"), null, product("P", "P-1", 10), 1),
                "won");
        eventually(() -> assertThat(sales()).isEqualTo(1));
        assertThat(contaAzul().getString("vendas[0].idCliente")).isNotEqualTo(existing);
    }

    @Test
    void r5_matchByNameOnlyWhenSwitchedOn() {
        connect(Map.of("matchByName", true));
        String existing = contaAzulCustomer("Sem Documento", null);
        long person = create("/v1/persons", Map.of("name", "Sem Documento"));
        setStatus(deal("Venda", 10, null, person, product("P", "P-1", 10), 1), "won");
        eventually(() -> assertThat(sales()).isEqualTo(1));
        assertThat(contaAzul().getString("vendas[0].idCliente")).isEqualTo(existing);
    }

    @Test
    void r6_customerCarriesNameEmailPhonesDocumentAndOrigin() {
        connect(Map.of("taxIdField", PipedriveToContaAzul.CPF_FIELD));
        long person = create("/v1/persons", Map.of("name", "Ana Souza", PipedriveToContaAzul.CPF_FIELD,
                "529.982.247-25", "emails", List.of(Map.of("value", "ana@example.com", "primary", true)),
                "phones", List.of(Map.of("value", "+55 11 3333-4444", "primary", true, "label", "work"),
                        Map.of("value", "+55 11 99999-8888", "primary", false, "label", "mobile"))));
        setStatus(deal("Venda", 10, null, person, product("P", "P-1", 10), 1), "won");
        eventually(() -> assertThat(sales()).isEqualTo(1));
        var pessoa = contaAzul();
        assertThat(pessoa.getString("pessoas[0].nome")).isEqualTo("Ana Souza");
        assertThat(pessoa.getString("pessoas[0].documento")).isEqualTo("52998224725");
        assertThat(pessoa.getString("pessoas[0].email")).isEqualTo("ana@example.com");
        assertThat(pessoa.getString("pessoas[0].telefone")).contains("99999-8888");
    }

    @Test
    void r9_r10_linesCarryPriceAndQuantityAndPaymentIsCashInOneInstalment() {
        connect(Map.of());
        setStatus(deal("Venda", 100, organization("Acme", "11.222.333/0001-81"), null, product("Bolo", "B-1", 25), 4),
                "won");
        eventually(() -> assertThat(sales()).isEqualTo(1));
        var venda = contaAzul();
        assertThat(venda.getDouble("vendas[0].itens[0].quantidade")).isEqualTo(4.0);
        assertThat(venda.getDouble("vendas[0].itens[0].valor")).isEqualTo(25.0);
        assertThat(venda.getString("vendas[0].condicaoPagamento.tipo_pagamento")).isEqualTo("DINHEIRO");
        assertThat(venda.getList("vendas[0].condicaoPagamento.parcelas")).hasSize(1);
    }

    @Test
    void aPaymentMethodIsSentInTheSalesApisOwnSpelling() {
        // PIX_COBRANCA is the contracts and financial APIs' spelling; the sales API's is COBRANCA_PIX.
        connect(Map.of("paymentMethod", "PIX_COBRANCA"));
        setStatus(deal("Venda", 10, organization("Acme", "11.222.333/0001-81"), null, product("P", "P-1", 10), 1),
                "won");
        eventually(() -> assertThat(sales()).isEqualTo(1));
        assertThat(contaAzul().getString("vendas[0].condicaoPagamento.tipo_pagamento")).isEqualTo("COBRANCA_PIX");
    }

    @Test
    void r9_aProductDisabledOnTheDealIsNotSold() {
        connect(Map.of());
        long deal = deal("Venda", 100, organization("Acme", "11.222.333/0001-81"), null, product("Bolo", "B-1", 25), 4);
        pipedrive().body(Map.of("product_id", product("Brinde", "BR-1", 10), "item_price", 10, "quantity", 1,
                "is_enabled", false)).post(PipedriveToContaAzul.PIPEDRIVE + "/api/v2/deals/" + deal + "/products")
                .then().statusCode(201);
        setStatus(deal, "won");
        eventually(() -> assertThat(sales()).isEqualTo(1));
        assertThat(contaAzul().getList("vendas[0].itens.nome")).containsExactly("Bolo");
    }

    @Test
    void r63_theConnectionsRequestBudgetsAtBothVendorsAreVisible() {
        PipedriveToContaAzul c = connect(Map.of());
        setStatus(deal("Venda", 10, organization("Acme", "11.222.333/0001-81"), null, product("P", "P-1", 10), 1),
                "won");
        eventually(() -> assertThat(sales()).isEqualTo(1));

        var budgets = as(c.tenant.key()).get("/api/v1/connections/" + c.connection + "/rate-limits").then()
                .statusCode(200).extract().jsonPath();
        assertThat(budgets.getList("side")).containsExactly("SOURCE", "LEDGER");
        assertThat(budgets.getList("system")).containsExactly("PIPEDRIVE", "CONTA_AZUL");
        // Pipedrive reports its burst window and the company's daily allowance; Ponte does not pace it.
        assertThat(budgets.getInt("[0].budget.callsLastMinute")).isPositive();
        assertThat(budgets.getInt("[0].budget.vendorLimit")).isPositive();
        assertThat(budgets.getInt("[0].budget.vendorRemaining")).isBetween(0, budgets.getInt("[0].budget.vendorLimit"));
        assertThat(budgets.getInt("[0].budget.dailyRemaining")).isPositive();
        assertThat(budgets.getString("[0].budget.vendorResetAt")).isNotNull();
        assertThat(budgets.getString("[0].budget.pacedPerSecond")).isNull();
        // Conta Azul's header names are not documented: Ponte's own pacing (the tests' lifted setting) and count.
        assertThat(budgets.getInt("[1].budget.pacedPerSecond")).isEqualTo(2000);
        assertThat(budgets.getInt("[1].budget.callsLastMinute")).isPositive();
        assertThat(budgets.getInt("[1].budget.throttledLastMinute")).isZero();
        assertThat(budgets.getString("[1].budget.vendorRemaining")).isNull();

        as(Api.newTenant("Outra").key()).get("/api/v1/connections/" + c.connection + "/rate-limits").then()
                .statusCode(404);
    }

    @Test
    void r15_saleRefusedForStockIsKeptDeadWithItsReasonAndRetriedAfterTheFix() {
        PipedriveToContaAzul c = connect(Map.of());
        given().contentType(ContentType.JSON).body(Map.of("stock_check", true)).post(PipedriveToContaAzul.CONTA_AZUL
                + "/_faults");
        setStatus(deal("Venda", 10, organization("Acme", "11.222.333/0001-81"), null, product("P", "P-1", 10), 1),
                "won");
        eventually(() -> assertThat(c.jobs("status=DEAD").getInt("total")).isEqualTo(1));
        var dead = c.jobs("status=DEAD");
        assertThat(dead.getString("items[0].lastError.detail")).containsIgnoringCase("estoque");
        assertThat(sales()).isZero();
        given().delete(PipedriveToContaAzul.CONTA_AZUL + "/_faults");
        as(c.tenant.key()).post("/api/v1/jobs/" + dead.getLong("items[0].id") + "/retry").then().statusCode(200);
        eventually(() -> assertThat(sales()).isEqualTo(1));
    }

    @Test
    void r18_reconciliationCatchesADealWhoseWebhookWasMissed() {
        PipedriveToContaAzul c = connect(Map.of("schedule.incremental", "* * * * * ?"));
        try {
            for (Object id : pipedrive().get(PipedriveToContaAzul.PIPEDRIVE + "/v1/webhooks").jsonPath()
                    .getList("data.id")) {
                pipedrive().delete(PipedriveToContaAzul.PIPEDRIVE + "/v1/webhooks/" + id).then().statusCode(200);
            }
            long deal = deal("Venda", 10, organization("Acme", "11.222.333/0001-81"), null, product("P", "P-1", 10), 1);
            setStatus(deal, "won");
            eventually(() -> assertThat(sales()).isEqualTo(1));
            assertThat(c.history(deal)).anyMatch(m -> m.contains("created pending review"));
        } finally {
            // Its every-second reconciliation would keep calling the sandboxes through the tests after it.
            as(c.tenant.key()).post("/api/v1/connections/" + c.connection + "/disable").then().statusCode(200);
        }
    }

    @Test
    void r7_invalidCnpjIsNeverSentAndHistorySaysWhy() {
        PipedriveToContaAzul c = connect(Map.of());
        long deal = deal("Venda", 10, organization("Erro Ltda", "11.222.333/0001-00"), null, product("P", "P-1", 10), 1);
        setStatus(deal, "won");
        eventually(() -> assertThat(sales()).isEqualTo(1));
        assertThat(contaAzul().getString("pessoas[0].documento")).isNull();
        assertThat(c.history(deal)).anyMatch(m -> m.startsWith("CPF/CNPJ not sent"));
    }

    @Test
    void r8_reusesProductWithTheSameCodeAndCreatesTheRest() {
        connect(Map.of());
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + contaAzulToken())
                .body(Map.of("nome", "Caneta azul", "codigo_sku", "CAN-01"))
                .post(PipedriveToContaAzul.CONTA_AZUL + "/v1/produtos").then().statusCode(200);
        setStatus(deal("Venda", 10, organization("Acme", "11.222.333/0001-81"), null, product("Caneta", "CAN-01", 10),
                1), "won");
        setStatus(deal("Outra", 10, organization("Beta", "11.444.777/0001-61"), null, product("Novo", "NOV-01", 10),
                1), "won");
        eventually(() -> assertThat(sales()).isEqualTo(2));
        assertThat(contaAzul().getList("produtos.codigo_sku")).containsExactlyInAnyOrder("CAN-01", "NOV-01");
    }

    @Test
    void r11_configuredSellerIsOnTheSale() {
        String seller = "5f0c6a0e-1111-4222-8333-944455556666";
        connect(Map.of("sellerId", seller));
        setStatus(deal("Venda", 10, organization("Acme", "11.222.333/0001-81"), null, product("P", "P-1", 10), 1),
                "won");
        eventually(() -> assertThat(sales()).isEqualTo(1));
        assertThat(contaAzul().getString("vendas[0].idVendedor")).isEqualTo(seller);
    }

    @Test
    void r11_sellerIsTheUserWhoActivatedTheConnection() {
        PipedriveToContaAzul c = connect(Map.of("activatedBy", "ana  SOUZA"));
        long deal = deal("Venda", 10, organization("Acme", "11.222.333/0001-81"), null, product("P", "P-1", 10), 1);
        setStatus(deal, "won");
        eventually(() -> assertThat(sales()).isEqualTo(1));
        String ana = given().header("Authorization", "Bearer " + contaAzulToken())
                .get(PipedriveToContaAzul.CONTA_AZUL + "/v1/venda/vendedores").then().statusCode(200).extract()
                .path("find { it.nome == 'Ana Souza' }.id");
        assertThat(contaAzul().getString("vendas[0].idVendedor")).isEqualTo(ana);
        assertThat(c.history(deal)).anyMatch(m -> m.contains("seller Ana Souza (" + ana + ")"));
    }

    @Test
    void r11_noSellerOfTheActivatingUsersNameLeavesTheSaleWithoutOneAndSaysWhy() {
        PipedriveToContaAzul c = connect(Map.of("activatedBy", "Carla Dias"));
        long deal = deal("Venda", 10, organization("Acme", "11.222.333/0001-81"), null, product("P", "P-1", 10), 1);
        setStatus(deal, "won");
        eventually(() -> assertThat(sales()).isEqualTo(1));
        assertThat(contaAzul().getString("vendas[0].idVendedor")).isNull();
        assertThat(c.history(deal)).anyMatch(m -> m.contains("without a seller: no seller in the ledger is named "
                + "\"Carla Dias\""));
    }

    @Test
    void r19_contractFieldsAreCreatedAndAContractDealBecomesARecurringSale() {
        PipedriveToContaAzul c = connect(Map.of("contracts", true));
        var fields = pipedrive().get(PipedriveToContaAzul.PIPEDRIVE + "/v1/dealFields").jsonPath();
        assertThat(fields.getList("data.name", String.class)).contains("Contrato Conta Azul",
                "Vigência Contrato Conta Azul", "Vencimento Contrato Conta Azul");
        String contract = fields.getString("data.find { it.name == 'Contrato Conta Azul' }.key");
        long sim = fields.getLong("data.find { it.name == 'Contrato Conta Azul' }.options.find { it.label == 'Sim' }.id");
        String start = fields.getString("data.find { it.name == 'Vigência Contrato Conta Azul' }.key");
        String due = fields.getString("data.find { it.name == 'Vencimento Contrato Conta Azul' }.key");
        long deal = deal("Assinatura", 10, organization("Acme", "11.222.333/0001-81"), null,
                product("Plano", "PLANO-1", 10), 1);
        pipedrive().body(Map.of("custom_fields", Map.of(contract, sim, start, "2026-12-01", due, "2026-12-10")))
                .patch(PipedriveToContaAzul.PIPEDRIVE + "/api/v2/deals/" + deal).then().statusCode(200);
        setStatus(deal, "won");
        eventually(() -> assertThat(contaAzul().getList("contratos")).hasSize(1));
        assertThat(c.history(deal)).anyMatch(m -> m.contains("recurring sale (contract)") && m.contains("2026-12-01")
                && m.contains("day 10"));
        long plain = deal("Avulsa", 10, organization("Beta", "11.444.777/0001-61"), null, product("Plano", "PLANO-1", 10),
                1);
        setStatus(plain, "won");
        eventually(() -> assertThat(c.history(plain)).anyMatch(m -> m.contains("created pending review")));
        assertThat(contaAzul().getList("contratos")).hasSize(1);
    }

    @Test
    void r19_aContractWithAFractionalQuantityIsRefusedBeforeCallingContaAzulWithTheLineToFix() {
        PipedriveToContaAzul c = connect(Map.of("contracts", true));
        var fields = pipedrive().get(PipedriveToContaAzul.PIPEDRIVE + "/v1/dealFields").jsonPath();
        String contract = fields.getString("data.find { it.name == 'Contrato Conta Azul' }.key");
        long sim = fields.getLong("data.find { it.name == 'Contrato Conta Azul' }.options.find { it.label == 'Sim' }.id");
        long deal = deal("Assinatura", 15, organization("Acme", "11.222.333/0001-81"), null,
                product("Plano", "PLANO-1", 10), 1.5);
        pipedrive().body(Map.of("custom_fields", Map.of(contract, sim)))
                .patch(PipedriveToContaAzul.PIPEDRIVE + "/api/v2/deals/" + deal).then().statusCode(200);
        setStatus(deal, "won");
        eventually(() -> assertThat(c.jobs("status=DEAD").getList("items.lastError.errors[0].field"))
                .contains("products[0].quantity"));
        assertThat(c.jobs("status=DEAD").getString("items[0].lastError.detail")).contains("whole quantities");
        assertThat(contaAzul().getList("contratos")).isEmpty();
    }

    @Test
    void r12_dealWithoutValueOrCustomerIsSkippedWithReason() {
        PipedriveToContaAzul c = connect(Map.of());
        long noCustomer = deal("Sem cliente", 10, null, null, product("P", "P-1", 10), 1);
        setStatus(noCustomer, "won");
        eventually(() -> assertThat(c.history(noCustomer)).contains("skipped: the deal has neither a company nor a "
                + "contact"));
        assertThat(c.jobs("status=SKIPPED").getList("items.reason"))
                .contains("the deal has neither a company nor a contact");
        assertThat(sales()).isZero();
    }

    @Test
    void r13_wonAgainAfterReopeningCreatesNoSecondSale() {
        PipedriveToContaAzul c = connect(Map.of());
        long deal = deal("Venda", 10, organization("Acme", "11.222.333/0001-81"), null, product("P", "P-1", 10), 1);
        setStatus(deal, "won");
        eventually(() -> assertThat(sales()).isEqualTo(1));
        setStatus(deal, "open");
        // Won times have whole seconds; a re-win in the same second is the same event (one job).
        nextSecond();
        setStatus(deal, "won");
        eventually(() -> assertThat(c.history(deal)).anyMatch(m -> m.contains("was already created for this deal")));
        assertThat(sales()).isEqualTo(1);
    }

    @Test
    void r14_onlySelectedPipelines() {
        PipedriveToContaAzul c = connect(Map.of("pipelines", List.of("999")));
        long deal = deal("Venda", 10, organization("Acme", "11.222.333/0001-81"), null, product("P", "P-1", 10), 1);
        setStatus(deal, "won");
        eventually(() -> assertThat(c.history(deal)).anyMatch(m -> m.contains("is not among the selected ones")));
        assertThat(sales()).isZero();
    }

    @Test
    void r16_testConnectionNeedsAnAdminToken() {
        PipedriveToContaAzul c = connect(Map.of());
        as(c.tenant.key()).post("/api/v1/connections/" + c.connection + "/test").then().statusCode(200);
        as(c.tenant.key()).body(Map.of("name", "x", "sourceSystem", "PIPEDRIVE", "ledgerSystem", "CONTA_AZUL",
                "flows", List.of("WonDealToSale"), "credentials", Map.of("apiToken", "sandbox-user-token")))
                .put("/api/v1/connections/" + c.connection).then().statusCode(200);
        as(c.tenant.key()).post("/api/v1/connections/" + c.connection + "/test").then().statusCode(422)
                .body("errors.field", hasItem("credentials.apiToken"));
    }

    @Test
    void r16_revokedLedgerTokenNeedsReconnectAndWorkResumesAfterIt() {
        PipedriveToContaAzul c = connect(Map.of());
        given().contentType(ContentType.JSON).body(Map.of("next_401", 2)).post(PipedriveToContaAzul.CONTA_AZUL
                + "/_faults");
        long deal = deal("Venda", 10, organization("Acme", "11.222.333/0001-81"), null, product("P", "P-1", 10), 1);
        setStatus(deal, "won");
        eventually(() -> as(c.tenant.key()).get("/api/v1/connections/" + c.connection).then()
                .body("status", equalTo("NEEDS_RECONNECT")));
        assertThat(sales()).isZero();
        c.connectContaAzul();
        eventually(() -> assertThat(sales()).isEqualTo(1));
        as(c.tenant.key()).get("/api/v1/connections/" + c.connection).then().body("status", equalTo("ACTIVE"));
    }

    @Test
    void r17_disabledConnectionStopsSyncingAndRemovesItsWebhook() {
        PipedriveToContaAzul c = connect(Map.of());
        assertThat(pipedrive().get(PipedriveToContaAzul.PIPEDRIVE + "/v1/webhooks").jsonPath().getList("data"))
                .hasSize(1);
        as(c.tenant.key()).post("/api/v1/connections/" + c.connection + "/disable").then().statusCode(200);
        assertThat(pipedrive().get(PipedriveToContaAzul.PIPEDRIVE + "/v1/webhooks").jsonPath().getList("data"))
                .isEmpty();
        // A second connection of the same accounts stays on: once its sale exists, the deal's webhook has come and
        // gone, so "no sale from the disabled one" is checked after the fact, not before it could happen.
        PipedriveToContaAzul other = connect(Map.of());
        long deal = deal("Venda", 10, organization("Acme", "11.222.333/0001-81"), null, product("P", "P-1", 10), 1);
        setStatus(deal, "won");
        eventually(() -> assertThat(other.history(deal)).anyMatch(m -> m.contains("created pending review")));
        given().contentType(ContentType.JSON).body("{}").post("/hooks/" + c.connection).then().statusCode(404);
        assertThat(sales()).isEqualTo(1);
        assertThat(c.history(deal)).isEmpty();
    }

    @Test
    void webhookWithoutTheSecretIsRefused() {
        PipedriveToContaAzul c = connect(Map.of());
        given().auth().preemptive().basic("ponte", "guess").contentType(ContentType.JSON).body("{}")
                .post("/hooks/" + c.connection).then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void webhookWithUnreadableTimesIsKeptAndItsDealSyncedOnce() {
        PipedriveToContaAzul c = connect(Map.of());
        // Only the hand-made deliveries below reach Ponte: the sandbox's own subscription is removed.
        long hook = pipedrive().get(PipedriveToContaAzul.PIPEDRIVE + "/v1/webhooks").jsonPath().getLong("data[0].id");
        pipedrive().delete(PipedriveToContaAzul.PIPEDRIVE + "/v1/webhooks/" + hook).then().statusCode(200);
        long deal = deal("Venda", 10, organization("Acme", "11.222.333/0001-81"), null, product("P", "P-1", 10), 1);
        setStatus(deal, "won");
        String delivery = "{\"meta\": {\"action\": \"change\", \"entity\": \"deal\", \"entity_id\": \"" + deal
                + "\", \"correlation_id\": \"same-event\"}, \"data\": {\"id\": " + deal + ", \"status\": \"won\", "
                + "\"won_time\": \"yesterday at noon\", \"update_time\": \"2026-13-45 99:99:99\"}}";
        String password = connections.credentials(c.connection).get("webhookPassword");
        long first = given().auth().preemptive().basic("ponte", password).contentType(ContentType.JSON)
                .body(delivery).post("/hooks/" + c.connection).then().statusCode(202).extract().jsonPath()
                .getLong("jobId");
        long again = given().auth().preemptive().basic("ponte", password).contentType(ContentType.JSON)
                .body(delivery).post("/hooks/" + c.connection).then().statusCode(202).extract().jsonPath()
                .getLong("jobId");
        assertThat(again).isEqualTo(first);
        eventually(() -> assertThat(c.history(deal)).anyMatch(m -> m.contains("created pending review")));
        assertThat(sales()).isEqualTo(1);
        given().auth().preemptive().basic("ponte", password).contentType(ContentType.JSON)
                .body(delivery.replace("\"entity_id\": \"" + deal, "\"entity_id\": \"x" + deal))
                .post("/hooks/" + c.connection).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("meta.entity_id"));
    }

    @Test
    void r20_twoConnectionsOfOneAccountDoNotInterfere() {
        PipedriveToContaAzul first = connect(Map.of());
        PipedriveToContaAzul second = connect(Map.of("pipelines", List.of("999")));
        long deal = deal("Venda", 10, organization("Acme", "11.222.333/0001-81"), null, product("P", "P-1", 10), 1);
        setStatus(deal, "won");
        eventually(() -> assertThat(second.history(deal)).anyMatch(m -> m.contains("not among the selected")));
        eventually(() -> assertThat(first.history(deal)).anyMatch(m -> m.contains("created pending review")));
        assertThat(sales()).isEqualTo(1);
    }

    @Test
    void responseDroppedAfterTheSaleWasCreatedStillMakesExactlyOneSale() {
        PipedriveToContaAzul c = connect(Map.of());
        contaAzulCustomer("Acme", "11222333000181");
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + contaAzulToken())
                .body(Map.of("nome", "P", "codigo_sku", "P-1")).post(PipedriveToContaAzul.CONTA_AZUL + "/v1/produtos")
                .then().statusCode(200);
        long deal = deal("Venda", 10, organization("Acme", "11.222.333/0001-81"), null, product("P", "P-1", 10), 1);
        // Customer and product exist, so the sale is Ponte's only create: its POST commits and the answer is lost.
        given().contentType(ContentType.JSON).body(Map.of("drop_after_commit", 1)).post(
                PipedriveToContaAzul.CONTA_AZUL + "/_faults");
        setStatus(deal, "won");
        eventually(() -> assertThat(c.history(deal)).anyMatch(m -> m.contains("found by its marker")));
        assertThat(sales()).isEqualTo(1);
    }

    @Test
    void customerCreatedButAnswerLostIsFoundAgainNotDuplicated() {
        connect(Map.of());
        given().contentType(ContentType.JSON).body(Map.of("drop_after_commit", 1)).post(
                PipedriveToContaAzul.CONTA_AZUL + "/_faults");
        setStatus(deal("Venda", 10, organization("Acme", "11.222.333/0001-81"), null, product("P", "P-1", 10), 1),
                "won");
        eventually(() -> assertThat(sales()).isEqualTo(1));
        assertThat(contaAzul().getList("pessoas")).hasSize(1);
    }

    /** Waits until the wall clock's whole second has moved on, as timestamps of whole seconds need. */
    private static void nextSecond() {
        long second = java.time.Instant.now().getEpochSecond();
        org.awaitility.Awaitility.await().pollInterval(java.time.Duration.ofMillis(20))
                .until(() -> java.time.Instant.now().getEpochSecond() > second);
    }

    private static String contaAzulCustomer(String name, String cnpj) {
        Map<String, Object> body = cnpj == null ? Map.of("nome", name, "tipo_pessoa", "Física")
                : Map.of("nome", name, "tipo_pessoa", "Jurídica", "cnpj", cnpj);
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + contaAzulToken()).body(body)
                .post(PipedriveToContaAzul.CONTA_AZUL + "/v1/pessoas").then().statusCode(200).extract().path("id");
    }

    /** A token of the sandbox's own, as another Conta Azul user of the account would have. */
    private static String contaAzulToken() {
        String redirect = "http://localhost/cb";
        String location = given().redirects().follow(false).queryParam("response_type", "code")
                .queryParam("client_id", "sandbox-client").queryParam("redirect_uri", redirect)
                .queryParam("state", "s").get(PipedriveToContaAzul.CONTA_AZUL + "/auth/oauth2/authorize").then()
                .extract().header("Location");
        String code = location.replaceAll(".*[?&]code=([^&]+).*", "$1");
        return given().auth().preemptive().basic("sandbox-client", "sandbox-secret")
                .formParam("grant_type", "authorization_code").formParam("code", code)
                .formParam("redirect_uri", redirect).post(PipedriveToContaAzul.CONTA_AZUL + "/auth/oauth2/token")
                .then().statusCode(200).extract().path("access_token");
    }
}
