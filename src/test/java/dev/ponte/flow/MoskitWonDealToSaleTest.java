package dev.ponte.flow;

import static dev.ponte.connector.moskit.MoskitSeeds.company;
import static dev.ponte.connector.moskit.MoskitSeeds.contact;
import static dev.ponte.connector.moskit.MoskitSeeds.field;
import static dev.ponte.connector.moskit.MoskitSeeds.number;
import static dev.ponte.connector.moskit.MoskitSeeds.product;
import static dev.ponte.connector.moskit.MoskitSeeds.text;
import static dev.ponte.flow.MoskitToContaAzul.connect;
import static dev.ponte.flow.MoskitToContaAzul.contaAzul;
import static dev.ponte.flow.MoskitToContaAzul.eventually;
import static dev.ponte.flow.MoskitToContaAzul.sales;
import static dev.ponte.support.Api.admitted;
import static dev.ponte.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;

import dev.ponte.connector.moskit.MoskitSeeds;
import dev.ponte.connector.moskit.MoskitSeeds.Line;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Moskit → Conta Azul over real HTTP against the sandbox emulators, one test per requirement. */
@QuarkusTest
class MoskitWonDealToSaleTest {

    private static final String CNPJ = "11.222.333/0001-81";

    @BeforeEach
    void reset() {
        MoskitToContaAzul.resetSandboxes();
    }

    /** A company whose CNPJ is in the TEXT custom field labelled "CNPJ". */
    private static long acme(String name, String cnpj) {
        String field = field("CNPJ", "COMPANY", "TEXT");
        return company(name, List.of(text(field, cnpj)));
    }

    /** An open deal in the sales pipeline with one product line; value and price in centavos. */
    private static long deal(String name, Long value, Long company, Long contact, long stage) {
        long product = product("Caneta", null, value == null ? 1000 : value);
        return MoskitSeeds.deal(name, value, company, contact, stage,
                List.of(new Line(product, BigDecimal.ONE, value == null ? 1000 : value)), "OPEN");
    }

    private static long deal(String name, long value, Long company, Long contact) {
        return deal(name, value, company, contact, MoskitSeeds.SALES_STAGE);
    }

    private static Map<String, Object> boundToCnpj() {
        return Map.of("taxIdField", "CNPJ");
    }

    @Test
    void r1_wonDealCreatesExactlyOneSaleEvenDeliveredTwiceAndOpenDealNothing() {
        MoskitToContaAzul c = connect(boundToCnpj());
        long org = acme("Acme Ltda", CNPJ);
        long won = deal("Venda", 3000, org, null);
        long open = deal("Aberta", 2000, org, null);
        MoskitSeeds.setStatus(won, "WON");
        assertThat(MoskitSeeds.deliver(c.webhookUrl(), won, 2)).containsOnly(202);
        assertThat(c.deliver(open)).containsOnly(202);
        eventually(() -> assertThat(c.history(won)).anyMatch(m -> m.contains("created pending review")));
        assertThat(sales()).isEqualTo(1);
        assertThat(c.history(open)).isEmpty();
    }

    @Test
    void r3_saleIsPendingReviewWithTheDealsValueInReais() {
        MoskitToContaAzul c = connect(boundToCnpj());
        c.win(deal("Venda", 12345, acme("Acme", CNPJ), null));
        eventually(() -> assertThat(sales()).isEqualTo(1));
        assertThat(contaAzul().getString("vendas[0].situacao")).isEqualTo("EM_ANDAMENTO");
        assertThat(contaAzul().getDouble("vendas[0].itens[0].valor")).isEqualTo(123.45);
    }

    @Test
    void r4_companyIsTheCustomerEvenWithAContact() {
        MoskitToContaAzul c = connect(boundToCnpj());
        long person = contact("Ana Souza", "ana@example.com", List.of(), List.of());
        c.win(deal("Venda", 1000, acme("Empresa Ltda", CNPJ), person));
        eventually(() -> assertThat(sales()).isEqualTo(1));
        assertThat(contaAzul().getList("pessoas.nome")).containsExactly("Empresa Ltda");
        assertThat(contaAzul().getString("pessoas[0].tipo_pessoa")).isEqualTo("Jurídica");
    }

    @Test
    void r4_contactIsTheCustomerWithoutACompany() {
        MoskitToContaAzul c = connect(boundToCnpj());
        c.win(deal("Venda", 1000, null, contact("Ana Souza", null, List.of(), List.of())));
        eventually(() -> assertThat(sales()).isEqualTo(1));
        assertThat(contaAzul().getList("pessoas.nome")).containsExactly("Ana Souza");
    }

    @Test
    void r5_reusesTheLedgerCustomerWithTheSameCnpj() {
        MoskitToContaAzul c = connect(boundToCnpj());
        String existing = given().contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + PipedriveToContaAzul.contaAzulToken())
                .body(Map.of("nome", "ACME COMERCIO LTDA", "tipo_pessoa", "Jurídica", "cnpj", "11222333000181"))
                .post(MoskitToContaAzul.CONTA_AZUL + "/v1/pessoas").then().statusCode(200).extract().path("id");
        c.win(deal("Venda", 1000, acme("Acme", CNPJ), null));
        eventually(() -> assertThat(sales()).isEqualTo(1));
        assertThat(contaAzul().getList("pessoas")).hasSize(1);
        assertThat(contaAzul().getString("vendas[0].idCliente")).isEqualTo(existing);
    }

    @Test
    void r6_customerCarriesNameEmailPhonesCpfAndOriginMoskit() {
        MoskitToContaAzul c = connect(Map.of("taxIdField", "CPF"));
        String cpf = field("CPF", "CONTACT", "TEXT");
        long person = contact("Ana Souza", "ana@example.com", List.of("(11) 3333-4444", "(11) 99999-8888"),
                List.of(text(cpf, "529.982.247-25")));
        c.win(deal("Venda", 1000, null, person));
        eventually(() -> assertThat(sales()).isEqualTo(1));
        var state = contaAzul();
        assertThat(state.getString("pessoas[0].nome")).isEqualTo("Ana Souza");
        assertThat(state.getString("pessoas[0].documento")).isEqualTo("52998224725");
        assertThat(state.getString("pessoas[0].email")).isEqualTo("ana@example.com");
        assertThat(state.getString("pessoas[0].telefone")).isEqualTo("(11) 99999-8888");
        // Read as a Conta Azul client does: the account's 10 requests/s are shared with Ponte.
        var pessoa = admitted(() -> given().header("Authorization", "Bearer " + PipedriveToContaAzul.contaAzulToken())
                .get(MoskitToContaAzul.CONTA_AZUL + "/v1/pessoas/" + state.getString("pessoas[0].id"))).then().statusCode(200)
                .extract().jsonPath();
        assertThat(pessoa.getString("telefone_comercial")).isEqualTo("(11) 3333-4444");
        assertThat(pessoa.getString("observacao")).startsWith("Origem: Moskit");
    }

    @Test
    void r7_aCnpjKeptInANumberFieldGetsItsLeadingZerosBack() {
        MoskitToContaAzul c = connect(Map.of("taxIdField", "CNPJ"));
        String field = field("CNPJ", "COMPANY", "NUMBER");
        long org = company("Zero Ltda", List.of(number(field, 425201000130L)));
        c.win(deal("Venda", 1000, org, null));
        eventually(() -> assertThat(sales()).isEqualTo(1));
        assertThat(contaAzul().getString("pessoas[0].documento")).isEqualTo("00425201000130");
    }

    @Test
    void r7_invalidCnpjIsNeverSentAndHistorySaysWhy() {
        MoskitToContaAzul c = connect(boundToCnpj());
        long deal = deal("Venda", 1000, acme("Erro Ltda", "11.222.333/0001-00"), null);
        c.win(deal);
        eventually(() -> assertThat(sales()).isEqualTo(1));
        assertThat(contaAzul().getString("pessoas[0].documento")).isNull();
        assertThat(c.history(deal)).anyMatch(m -> m.startsWith("CPF/CNPJ not sent"));
    }

    @Test
    void r8_reusesTheLedgerProductOfTheSameNameAndCreatesTheRest() {
        MoskitToContaAzul c = connect(boundToCnpj());
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + PipedriveToContaAzul.contaAzulToken())
                .body(Map.of("nome", "Caneta azul", "codigo_sku", "CAN-01"))
                .post(MoskitToContaAzul.CONTA_AZUL + "/v1/produtos").then().statusCode(200);
        long known = product("Caneta azul", null, 1000);
        long fresh = product("Novo", "NOV-01", 500);
        long deal = MoskitSeeds.deal("Venda", 2000L, acme("Acme", CNPJ), null, MoskitSeeds.SALES_STAGE,
                List.of(new Line(known, BigDecimal.ONE, 1000), new Line(fresh, new BigDecimal("2"), 500)), "OPEN");
        c.win(deal);
        eventually(() -> assertThat(sales()).isEqualTo(1));
        assertThat(contaAzul().getList("produtos.nome")).containsExactlyInAnyOrder("Caneta azul", "Novo");
        assertThat(contaAzul().getList("produtos.codigo_sku")).contains("NOV-01");
    }

    @Test
    void r12_dealWithoutValueIsSkippedWithItsReason() {
        MoskitToContaAzul c = connect(boundToCnpj());
        long deal = deal("Sem valor", null, acme("Acme", CNPJ), null, MoskitSeeds.SALES_STAGE);
        c.win(deal);
        eventually(() -> assertThat(c.history(deal)).contains("skipped: the deal has no value"));
        assertThat(sales()).isZero();
    }

    @Test
    void r12_dealWithNeitherCompanyNorContactIsSkippedWithItsReason() {
        MoskitToContaAzul c = connect(boundToCnpj());
        long deal = deal("Sem cliente", 1000, null, null);
        c.win(deal);
        eventually(() -> assertThat(c.history(deal)).contains("skipped: the deal has neither a company nor a "
                + "contact"));
        assertThat(c.jobs("status=SKIPPED").getList("items.reason"))
                .contains("the deal has neither a company nor a contact");
        assertThat(sales()).isZero();
    }

    @Test
    void r13_wonAgainAfterReopeningCreatesNoSecondSale() {
        MoskitToContaAzul c = connect(boundToCnpj());
        long deal = deal("Venda", 1000, acme("Acme", CNPJ), null);
        c.win(deal);
        eventually(() -> assertThat(sales()).isEqualTo(1));
        MoskitSeeds.setStatus(deal, "OPEN");
        c.win(deal);
        eventually(() -> assertThat(c.history(deal)).anyMatch(m -> m.contains("was already created for this deal")));
        assertThat(sales()).isEqualTo(1);
    }

    @Test
    void r13_captureRewinsMakesASecondSaleForTheSecondWin() {
        MoskitToContaAzul c = connect(Map.of("taxIdField", "CNPJ", "captureRewins", true));
        long deal = deal("Venda", 1000, acme("Acme", CNPJ), null);
        c.win(deal);
        eventually(() -> assertThat(sales()).isEqualTo(1));
        MoskitSeeds.setStatus(deal, "OPEN");
        c.win(deal);
        eventually(() -> assertThat(sales()).isEqualTo(2));
    }

    @Test
    void r14_onlyDealsOfTheSelectedPipelines() {
        MoskitToContaAzul c = connect(Map.of("taxIdField", "CNPJ", "pipelines", List.of("1")));
        long org = acme("Acme", CNPJ);
        long partner = deal("Parceria", 1000L, org, null, MoskitSeeds.PARTNERS_STAGE);
        long sale = deal("Venda", 1000, org, null);
        c.win(partner);
        c.win(sale);
        eventually(() -> assertThat(c.history(partner)).anyMatch(m -> m.contains("pipeline 2 is not among the "
                + "selected ones")));
        eventually(() -> assertThat(c.history(sale)).anyMatch(m -> m.contains("created pending review")));
        assertThat(sales()).isEqualTo(1);
    }

    @Test
    void r16_testConnectionNamesAWrongKey() {
        MoskitToContaAzul c = connect(boundToCnpj());
        as(c.tenant.key()).post("/api/v1/connections/" + c.connection + "/test").then().statusCode(200);
        as(c.tenant.key()).body(Map.of("name", "x", "sourceSystem", "MOSKIT", "ledgerSystem", "CONTA_AZUL",
                "flows", List.of("WonDealToSale"), "credentials", Map.of("apikey", "revoked-key")))
                .put("/api/v1/connections/" + c.connection).then().statusCode(200);
        as(c.tenant.key()).post("/api/v1/connections/" + c.connection + "/test").then().statusCode(422)
                .body("errors.field", hasItem("credentials.apikey"));
    }

    @Test
    void r16_aWebhookSecretTooShortToBeUnguessableIsRefusedWhenSaved() {
        var tenant = dev.ponte.support.Api.newTenant("Curta");
        for (String secret : List.of("curta", "               x   ")) {
            as(tenant.key()).header("Accept-Language", "pt-BR").body(Map.of("name", "Moskit → Conta Azul",
                    "sourceSystem", "MOSKIT", "ledgerSystem", "CONTA_AZUL", "flows", List.of("WonDealToSale"),
                    "credentials", Map.of("apikey", MoskitSeeds.API_KEY, "webhookSecret", secret)))
                    .post("/api/v1/connections").then().statusCode(422).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("credentials.webhookSecret"))
                    .body("errors[0].message", equalTo("Deve ter pelo menos 16 caracteres."));
        }
        MoskitToContaAzul c = connect(boundToCnpj());
        as(c.tenant.key()).body(Map.of("name", "Moskit → Conta Azul", "sourceSystem", "MOSKIT", "ledgerSystem",
                "CONTA_AZUL", "flows", List.of("WonDealToSale"), "settings", boundToCnpj(),
                "credentials", Map.of("webhookSecret", "short"))).put("/api/v1/connections/" + c.connection)
                .then().statusCode(422).body("errors[0].field", equalTo("credentials.webhookSecret"));
        assertThat(c.webhookUrl()).contains(MoskitSeeds.SECRET);
    }

    @Test
    void r16_aDeliveryWithoutTheSecretIsRefused() {
        MoskitToContaAzul c = connect(boundToCnpj());
        long deal = deal("Venda", 1000, acme("Acme", CNPJ), null);
        MoskitSeeds.setStatus(deal, "WON");
        String guessed = c.webhookUrl().replace(MoskitSeeds.SECRET, "guess");
        assertThat(MoskitSeeds.deliver(guessed, deal, 1)).containsOnly(401);
        given().contentType(ContentType.JSON).body("{}").post("/hooks/" + c.connection).then().statusCode(401)
                .contentType("application/problem+json");
        assertThat(sales()).isZero();
    }

    @Test
    void r17_aDisabledConnectionTakesNoDeliveryAndKeepsItsHistory() {
        MoskitToContaAzul c = connect(boundToCnpj());
        long first = deal("Primeira", 1000, acme("Acme", CNPJ), null);
        c.win(first);
        eventually(() -> assertThat(c.history(first)).anyMatch(m -> m.contains("created pending review")));
        as(c.tenant.key()).post("/api/v1/connections/" + c.connection + "/disable").then().statusCode(200);
        long second = deal("Segunda", 1000, acme("Beta", "11.444.777/0001-61"), null);
        MoskitSeeds.setStatus(second, "WON");
        assertThat(c.deliver(second)).containsOnly(404);
        assertThat(sales()).isEqualTo(1);
        assertThat(c.history(first)).isNotEmpty();
        assertThat(c.history(second)).isEmpty();
    }

    @Test
    void r18_reconciliationCatchesADealWhoseWebhooksMoskitGaveUpOn() {
        MoskitToContaAzul c = connect(Map.of("taxIdField", "CNPJ", "schedule.incremental", "* * * * * ?"));
        try {
            long deal = deal("Venda", 1000, acme("Acme", CNPJ), null);
            MoskitSeeds.setStatus(deal, "WON");
            eventually(() -> assertThat(sales()).isEqualTo(1));
            assertThat(c.history(deal)).anyMatch(m -> m.contains("created pending review"));
        } finally {
            // Its every-second reconciliation reads the same sandbox account: left on, it would spend the rate
            // budget of the tests after it (R63's counts the refusals).
            as(c.tenant.key()).post("/api/v1/connections/" + c.connection + "/disable").then().statusCode(200);
        }
    }

    /**
     * R63: Ponte paces its Moskit calls under the limits Moskit enforces (the sandbox's 6/s and 240/min per account,
     * as the community observed them), so a burst of won deals meets at most a few 429s (each honoured): a pacing bug shows
     * here as dozens of refused requests, and the test asserts the limits were in force.
     */
    @Test
    void r63_aBurstOfWonDealsStaysUnderMoskitsRateLimits() {
        given().get(MoskitToContaAzul.MOSKIT + "/_limits").then().statusCode(200)
                .body("requests_per_second", equalTo(6))
                .body("requests_per_minute", equalTo(240));
        MoskitToContaAzul c = connect(boundToCnpj());
        long org = acme("Acme Ltda", CNPJ);
        List<Long> deals = new java.util.ArrayList<>();
        for (int i = 0; i < 15; i++) {
            deals.add(deal("Venda " + i, 1000 + i, org, null));
        }
        for (long deal : deals) {
            MoskitSeeds.setStatus(deal, "WON");
        }
        // Counted afresh from here: the refusals the test's own seeding met are not Ponte's.
        given().delete(MoskitToContaAzul.MOSKIT + "/_limits").then().statusCode(200);
        for (long deal : deals) {
            assertThat(c.deliver(deal)).containsOnly(202);
        }
        await().atMost(java.time.Duration.ofSeconds(60)).pollInterval(java.time.Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(sales()).isEqualTo(15));
        // Unpaced, the burst's ~60 calls meet dozens of refusals at 6/s; paced at 4/s a loaded machine's scheduling
        // may still bunch a few calls together (each 429 honoured and retried, as the 15 sales show).
        given().get(MoskitToContaAzul.MOSKIT + "/_limits").then().statusCode(200)
                .body("refused", lessThan(10));
    }
}
