package dev.ponte.flow;

import static dev.ponte.connector.nuvemshop.NuvemshopSeeds.CPF;
import static dev.ponte.connector.nuvemshop.NuvemshopSeeds.customer;
import static dev.ponte.connector.nuvemshop.NuvemshopSeeds.order;
import static dev.ponte.connector.nuvemshop.NuvemshopSeeds.paidEvent;
import static dev.ponte.connector.nuvemshop.NuvemshopSeeds.pay;
import static dev.ponte.flow.NuvemshopToContaAzul.CONTA_AZUL;
import static dev.ponte.flow.NuvemshopToContaAzul.STORE;
import static dev.ponte.flow.NuvemshopToContaAzul.connect;
import static dev.ponte.flow.NuvemshopToContaAzul.contaAzul;
import static dev.ponte.flow.NuvemshopToContaAzul.eventually;
import static dev.ponte.flow.NuvemshopToContaAzul.nuvemshop;
import static dev.ponte.flow.NuvemshopToContaAzul.sales;
import static dev.ponte.support.Api.admitted;
import static dev.ponte.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ponte.connection.ConnectionService;
import dev.ponte.connector.nuvemshop.NuvemshopSeeds;
import dev.ponte.connector.nuvemshop.NuvemshopSeeds.Line;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Nuvemshop → Conta Azul over real HTTP against the sandbox emulators: the app installed by consent, orders paid in
 * the shop, signed webhooks, one test per requirement of the seed (R40, R1–R3, R6, R8–R11, R15–R18).
 */
@QuarkusTest
class PaidOrderToSaleTest {

    @Inject
    ConnectionService connections;

    @BeforeEach
    void reset() {
        NuvemshopToContaAzul.resetSandboxes();
    }

    private static BigDecimal decimal(io.restassured.path.json.JsonPath state, String path) {
        return new BigDecimal(state.getString(path));
    }

    private static String anOrder(String name) {
        return order(STORE, customer("Ana Souza", CPF, "(11) 99999-8888"), List.of(new Line(name, "10.00", "1")),
                null);
    }

    @Test
    void r40_r3_r6_r9_aPaidOrderBecomesOnePendingSaleWithItsCustomerLinesAndFreight() {
        NuvemshopToContaAzul c = connect(Map.of());
        Map<String, Object> ana = new HashMap<>(customer("Ana Souza", CPF, "(11) 99999-8888"));
        ana.put("billing_phone", "(11) 3333-4444");
        String id = order(STORE, ana, List.of(new Line("Caneta azul", "12.34", "3"), new Line("Clipe", "0.10", "7")),
                "15.90");
        pay(STORE, id, 1);
        eventually(() -> assertThat(c.history(id)).anyMatch(m -> m.contains("created pending review")));
        var state = contaAzul();
        assertThat(state.getList("vendas")).hasSize(1);
        assertThat(state.getString("vendas[0].situacao")).isEqualTo("EM_ANDAMENTO");
        assertThat(state.getList("vendas[0].itens.descricao")).containsExactly("Caneta azul", "Clipe");
        // Parsed from the shop's decimal strings exactly: 3 × 12.34 + 7 × 0.10 + 15.90 = 53.62.
        assertThat(decimal(state, "vendas[0].itens[0].quantidade")).isEqualByComparingTo("3");
        assertThat(decimal(state, "vendas[0].itens[0].valor")).isEqualByComparingTo("12.34");
        assertThat(decimal(state, "vendas[0].itens[1].quantidade")).isEqualByComparingTo("7");
        assertThat(decimal(state, "vendas[0].itens[1].valor")).isEqualByComparingTo("0.10");
        assertThat(decimal(state, "vendas[0].composicaoDeValor.frete")).isEqualByComparingTo("15.90");
        assertThat(decimal(state, "vendas[0].total")).isEqualByComparingTo("53.62");
        assertThat(state.getString("pessoas[0].nome")).isEqualTo("Ana Souza");
        assertThat(state.getString("pessoas[0].documento")).isEqualTo("52998224725");
        assertThat(state.getString("pessoas[0].tipo_pessoa")).isEqualTo("Física");
        assertThat(state.getString("pessoas[0].telefone")).isEqualTo("(11) 99999-8888");
        // Read as a Conta Azul client does: the account's 10 requests/s are shared with Ponte.
        var pessoa = admitted(() -> given().header("Authorization", "Bearer " + PipedriveToContaAzul.contaAzulToken())
                .get(CONTA_AZUL + "/v1/pessoas/" + state.getString("pessoas[0].id"))).then().statusCode(200)
                .extract().jsonPath();
        assertThat(pessoa.getString("telefone_comercial")).isEqualTo("(11) 3333-4444");
        assertThat(pessoa.getString("observacao")).startsWith("Origem: Nuvemshop");
    }

    @Test
    void r40_whatTheShopTookOffTheOrderGoesToTheSaleSoTheSaleIsWhatTheBuyerPaid() {
        NuvemshopToContaAzul c = connect(Map.of());
        String id = order(STORE, customer("Ana Souza", CPF, null), List.of(new Line("Caneta azul", "12.34", "3")),
                "15.90", Map.of("coupon", "BEMVINDO", "discount_coupon", "5.00", "discount_gateway", "2.51"));
        pay(STORE, id, 1);
        eventually(() -> assertThat(c.history(id)).anyMatch(m -> m.contains("created pending review")));
        var shop = nuvemshop();
        // 3 × 12.34 + 15.90 − 5.00 − 2.51
        assertThat(decimal(shop, "orders.find { it.id.toString() == '" + id + "' }.total"))
                .isEqualByComparingTo("45.41");
        var state = contaAzul();
        assertThat(decimal(state, "vendas[0].composicaoDeValor.desconto.valor")).isEqualByComparingTo("7.51");
        assertThat(decimal(state, "vendas[0].composicaoDeValor.frete")).isEqualByComparingTo("15.90");
        assertThat(decimal(state, "vendas[0].total")).isEqualByComparingTo("45.41");
    }

    @Test
    void r6_aCnpjMakesTheCustomerACompanyAndAnInvalidDocumentIsNotSent() {
        NuvemshopToContaAzul c = connect(Map.of());
        String company = order(STORE, customer("Acme Ltda", "11.222.333/0001-81", null),
                List.of(new Line("Caneta", "10.00", "1")), null);
        String invalid = order(STORE, customer("Bruno Lima", "111.222.333-00", null),
                List.of(new Line("Caneta", "10.00", "1")), null);
        pay(STORE, company, 1);
        pay(STORE, invalid, 1);
        eventually(() -> assertThat(sales()).isEqualTo(2));
        var state = contaAzul();
        assertThat(state.getString("pessoas.find { it.nome == 'Acme Ltda' }.tipo_pessoa")).isEqualTo("Jurídica");
        assertThat(state.getString("pessoas.find { it.nome == 'Acme Ltda' }.documento")).isEqualTo("11222333000181");
        assertThat(state.getString("pessoas.find { it.nome == 'Bruno Lima' }.documento")).isNull();
        assertThat(c.history(invalid)).anyMatch(m -> m.startsWith("CPF/CNPJ not sent"));
    }

    @Test
    void r1_onlyAPaidOrderCreatesASale() {
        NuvemshopToContaAzul c = connect(Map.of());
        String pending = anOrder("Caneta");
        // The shop says "paid" of an order that is not (a stale or forged-but-signed event): the order is read again.
        c.deliverSigned(paidEvent(STORE, pending)).then().statusCode(202);
        eventually(() -> assertThat(c.history(pending)).anyMatch(m -> m.contains("the order is not paid")));
        assertThat(sales()).isZero();
        String paid = anOrder("Lápis");
        pay(STORE, paid, 1);
        eventually(() -> assertThat(sales()).isEqualTo(1));
        assertThat(c.history(paid)).anyMatch(m -> m.contains("created pending review"));
    }

    @Test
    void r2_anOrderPaidBeforeTheActivationIsNotSynced() {
        NuvemshopToContaAzul c = NuvemshopToContaAzul.installed(Map.of());
        String early = anOrder("Caneta");
        pay(STORE, early, 1);
        Instant paid = Instant.now();
        // The shop writes whole seconds: the activation must fall in a later second than the payment.
        await().atMost(Duration.ofSeconds(3)).until(() -> Instant.now().getEpochSecond() > paid.getEpochSecond());
        c.enable();
        c.deliverSigned(paidEvent(STORE, early)).then().statusCode(202);
        eventually(() -> assertThat(c.history(early)).anyMatch(m -> m.contains("paid before the connection was "
                + "activated")));
        String late = anOrder("Lápis");
        pay(STORE, late, 1);
        eventually(() -> assertThat(sales()).isEqualTo(1));
        assertThat(as(c.tenant.key()).get("/api/v1/connections/" + c.connection).then().statusCode(200).extract()
                .jsonPath().getString("activatedAt")).isNotBlank();
    }

    @Test
    void r61_r2_anOrderPaidBeforeTheActivationIsPreviewedWithoutWritingThenBackfilledOnce() {
        NuvemshopToContaAzul c = NuvemshopToContaAzul.installed(Map.of());
        String early = anOrder("Caneta");
        pay(STORE, early, 1);
        Map<String, String> range = Map.of("from", Instant.now().minusSeconds(3600).toString(), "to",
                Instant.now().plusSeconds(60).toString());

        var preview = as(c.tenant.key()).contentType(ContentType.JSON).body(range)
                .post("/api/v1/connections/" + c.connection + "/dry-run").then().statusCode(200).extract().jsonPath();
        assertThat(preview.getInt("records")).isEqualTo(1);
        assertThat(preview.getString("previews[0].flow")).isEqualTo("PaidOrderToSale");
        assertThat(preview.getString("previews[0].outcome")).isEqualTo("CREATE");
        assertThat(preview.getList("previews[0].decisions", String.class)).contains(
                "product \"Caneta\" would be created: no code or name match");
        assertThat(contaAzul().getList("produtos")).isEmpty();
        assertThat(contaAzul().getList("pessoas")).isEmpty();

        c.enable();
        Map<String, String> backfill = new java.util.HashMap<>(range);
        backfill.put("mode", "backfill");
        eventually(() -> as(c.tenant.key()).contentType(ContentType.JSON).body(backfill)
                .post("/api/v1/connections/" + c.connection + "/runs").then().statusCode(202));
        eventually(() -> assertThat(sales()).isEqualTo(1));
        assertThat(c.history(early)).anyMatch(m -> m.contains("created pending review"));
        assertThat(as(c.tenant.key()).contentType(ContentType.JSON).body(range)
                .post("/api/v1/connections/" + c.connection + "/dry-run").then().statusCode(200).extract().jsonPath()
                .getString("previews[0].outcome")).isEqualTo("REUSE");
    }

    @Test
    void r8_reusesTheLedgerProductOfTheSameDescriptionAndCreatesTheRest() {
        NuvemshopToContaAzul c = connect(Map.of());
        var user = given().contentType(ContentType.JSON).header("Authorization", "Bearer "
                + PipedriveToContaAzul.contaAzulToken());
        String known = user.body(Map.of("nome", "Caneta azul")).post(CONTA_AZUL + "/v1/produtos").then()
                .statusCode(200).extract().path("id");
        // A service of the same description is not a product of the stock: the shop's rule creates the product.
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + PipedriveToContaAzul.contaAzulToken())
                .body(Map.of("descricao", "Embrulho")).post(CONTA_AZUL + "/v1/servicos").then().statusCode(200);
        String id = order(STORE, customer("Ana Souza", CPF, null), List.of(new Line("Caneta azul", "5.00", "2"),
                new Line("Embrulho", "3.00", "1")), null);
        pay(STORE, id, 1);
        eventually(() -> assertThat(sales()).isEqualTo(1));
        var state = contaAzul();
        assertThat(state.getList("produtos.nome")).containsExactlyInAnyOrder("Caneta azul", "Embrulho");
        assertThat(state.getString("vendas[0].itens.find { it.descricao == 'Caneta azul' }.id_item")).isEqualTo(known);
        assertThat(c.history(id)).anyMatch(m -> m.contains("product \"Embrulho\" created"));
    }

    @Test
    void r10_cashInOneInstalmentByDefault() {
        connect(Map.of());
        pay(STORE, anOrder("Caneta"), 1);
        eventually(() -> assertThat(sales()).isEqualTo(1));
        assertThat(contaAzul().getString("vendas[0].condicaoPagamento.tipo_pagamento")).isEqualTo("DINHEIRO");
        assertThat(contaAzul().getList("vendas[0].condicaoPagamento.parcelas")).hasSize(1);
    }

    @Test
    void r10_instalmentsAsConfigured() {
        connect(Map.of("instalments", 2));
        pay(STORE, anOrder("Caneta"), 1);
        eventually(() -> assertThat(sales()).isEqualTo(1));
        assertThat(contaAzul().getList("vendas[0].condicaoPagamento.parcelas")).hasSize(2);
    }

    @Test
    void r11_theConfiguredSellerIsOnTheSale() {
        String seller = "5f0c6a0e-1111-4222-8333-944455556666";
        connect(Map.of("sellerId", seller));
        pay(STORE, anOrder("Caneta"), 1);
        eventually(() -> assertThat(sales()).isEqualTo(1));
        assertThat(contaAzul().getString("vendas[0].idVendedor")).isEqualTo(seller);
    }

    @Test
    void r11_theSellerIsTheUserWhoActivatedTheConnection() {
        connect(Map.of("activatedBy", "Ana Souza"));
        pay(STORE, anOrder("Caneta"), 1);
        eventually(() -> assertThat(sales()).isEqualTo(1));
        String ana = given().header("Authorization", "Bearer " + PipedriveToContaAzul.contaAzulToken())
                .get(CONTA_AZUL + "/v1/venda/vendedores").then().statusCode(200).extract()
                .path("find { it.nome == 'Ana Souza' }.id");
        assertThat(contaAzul().getString("vendas[0].idVendedor")).isEqualTo(ana);
    }

    @Test
    void r15_aSaleRefusedForStockIsKeptWithItsReasonAndRetriedAfterTheFix() {
        NuvemshopToContaAzul c = connect(Map.of());
        given().contentType(ContentType.JSON).body(Map.of("stock_check", true)).post(CONTA_AZUL + "/_faults");
        pay(STORE, anOrder("Caneta"), 1);
        eventually(() -> assertThat(c.jobs("status=DEAD").getInt("total")).isEqualTo(1));
        var dead = c.jobs("status=DEAD");
        assertThat(dead.getString("items[0].lastError.detail")).containsIgnoringCase("estoque");
        assertThat(sales()).isZero();
        given().delete(CONTA_AZUL + "/_faults");
        as(c.tenant.key()).post("/api/v1/jobs/" + dead.getLong("items[0].id") + "/retry").then().statusCode(200);
        eventually(() -> assertThat(sales()).isEqualTo(1));
    }

    @Test
    void r16_uninstallingTheAppNeedsReconnectKeepsTheWorkAndReinstallingResumesIt() {
        NuvemshopToContaAzul c = connect(Map.of());
        NuvemshopSeeds.uninstall(STORE);
        eventually(() -> assertThat(c.status()).isEqualTo("NEEDS_RECONNECT"));
        String id = anOrder("Caneta");
        pay(STORE, id, 1);
        // A retry of a delivery sent before the uninstall: kept, parked with the connection's work.
        c.deliverSigned(paidEvent(STORE, id)).then().statusCode(202);
        assertThat(c.jobs("status=QUEUED").getInt("total")).isEqualTo(1);
        assertThat(sales()).isZero();
        c.install();
        eventually(() -> assertThat(sales()).isEqualTo(1));
        assertThat(c.status()).isEqualTo("ACTIVE");
        assertThat(nuvemshop().getList("webhooks.event")).as("subscribed again")
                .containsExactlyInAnyOrder("order/paid", "app/uninstalled");
    }

    @Test
    void r16_aTokenTheShopRefusesNeedsReconnectAndTheOrderIsSyncedAfterReinstalling() {
        NuvemshopToContaAzul c = connect(Map.of());
        String id = anOrder("Caneta");
        given().contentType(ContentType.JSON).body(Map.of("next_401", 1000)).post("/sandbox/nuvemshop/_faults");
        pay(STORE, id, 1);
        eventually(() -> assertThat(c.status()).isEqualTo("NEEDS_RECONNECT"));
        assertThat(sales()).isZero();
        given().delete("/sandbox/nuvemshop/_faults").then().statusCode(204);
        c.install();
        eventually(() -> assertThat(sales()).isEqualTo(1));
    }

    @Test
    void r17_enablingSubscribesDisablingRemovesTheWebhooksAndADisabledConnectionTakesNoOrder() {
        NuvemshopToContaAzul c = connect(Map.of());
        assertThat(nuvemshop().getList("webhooks.event")).containsExactlyInAnyOrder("order/paid", "app/uninstalled");
        assertThat(nuvemshop().getList("webhooks.url", String.class)).allMatch(u -> u.endsWith(c.hookUrl()));
        as(c.tenant.key()).post("/api/v1/connections/" + c.connection + "/disable").then().statusCode(200);
        assertThat(nuvemshop().getList("webhooks")).isEmpty();
        String id = anOrder("Caneta");
        pay(STORE, id, 1);
        c.deliverSigned(paidEvent(STORE, id)).then().statusCode(404);
        assertThat(c.jobs("").getInt("total")).isZero();
        assertThat(sales()).isZero();
    }

    @Test
    void r18_theReconciliationCatchesAnOrderWhoseWebhookWasMissed() {
        NuvemshopToContaAzul c = connect(Map.of("schedule.incremental", "* * * * * ?"));
        try {
            String token = connections.credentials(c.connection).get("nuvemshopAccessToken");
            for (Object hook : nuvemshop().getList("webhooks.id")) {
                given().header("Authentication", "bearer " + token).header("User-Agent", "Tests (tests@ponte.dev)")
                        .delete("/sandbox/nuvemshop/v1/" + STORE + "/webhooks/" + hook).then().statusCode(200);
            }
            String id = anOrder("Caneta");
            pay(STORE, id, 1);
            eventually(() -> assertThat(sales()).isEqualTo(1));
            assertThat(c.history(id)).anyMatch(m -> m.contains("created pending review"));
        } finally {
            // Its every-second reconciliation would keep calling the sandboxes through the tests after it.
            as(c.tenant.key()).post("/api/v1/connections/" + c.connection + "/disable").then().statusCode(200);
        }
    }

    @Test
    void r40_aDeliveryWithoutASignatureWithAWrongOneOrWithItsBodyChangedIs401AndQueuesNothing() {
        NuvemshopToContaAzul c = connect(Map.of());
        String id = anOrder("Caneta");
        String body = paidEvent(STORE, id);
        c.deliver(body, null).then().statusCode(401).contentType("application/problem+json");
        c.deliver(body, NuvemshopSeeds.sign(body).replace('a', 'b').replace('1', '2')).then().statusCode(401);
        c.deliver(body, "not-hex").then().statusCode(401);
        String changed = body.replace(id, String.valueOf(Long.parseLong(id) + 1));
        c.deliver(changed, NuvemshopSeeds.sign(body)).then().statusCode(401);
        assertThat(c.jobs("").getInt("total")).isZero();
        c.deliver(body, NuvemshopSeeds.sign(body)).then().statusCode(202);
        assertThat(c.jobs("").getInt("total")).isEqualTo(1);
    }

    @Test
    void r40_theSameDeliveryFiveTimesMakesOneSale() {
        NuvemshopToContaAzul c = connect(Map.of());
        String id = anOrder("Caneta");
        pay(STORE, id, 5);
        eventually(() -> assertThat(nuvemshop().getList("deliveries.findAll { it.event == 'order/paid' }.status"))
                .hasSize(5).containsOnly(202));
        eventually(() -> assertThat(c.history(id)).anyMatch(m -> m.contains("created pending review")));
        assertThat(c.jobs("").getInt("total")).isEqualTo(1);
        assertThat(sales()).isEqualTo(1);
    }
}
