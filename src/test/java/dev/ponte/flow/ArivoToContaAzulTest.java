package dev.ponte.flow;

import static dev.ponte.flow.ArivoToContaAzul.ARIVO;
import static dev.ponte.flow.ArivoToContaAzul.CNPJ;
import static dev.ponte.flow.ArivoToContaAzul.CONTA_AZUL;
import static dev.ponte.flow.ArivoToContaAzul.arivo;
import static dev.ponte.flow.ArivoToContaAzul.company;
import static dev.ponte.flow.ArivoToContaAzul.connect;
import static dev.ponte.flow.ArivoToContaAzul.contaAzul;
import static dev.ponte.flow.ArivoToContaAzul.contaAzulCustomer;
import static dev.ponte.flow.ArivoToContaAzul.contaAzulProduct;
import static dev.ponte.flow.ArivoToContaAzul.contaAzulService;
import static dev.ponte.flow.ArivoToContaAzul.contaAzulUser;
import static dev.ponte.flow.ArivoToContaAzul.create;
import static dev.ponte.flow.ArivoToContaAzul.deal;
import static dev.ponte.flow.ArivoToContaAzul.eventually;
import static dev.ponte.flow.ArivoToContaAzul.person;
import static dev.ponte.flow.ArivoToContaAzul.product;
import static dev.ponte.flow.ArivoToContaAzul.sales;
import static dev.ponte.flow.ArivoToContaAzul.setStatus;
import static dev.ponte.flow.ArivoToContaAzul.webhooks;
import static dev.ponte.support.Api.admitted;
import static dev.ponte.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.ponte.connection.ConnectionService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Arivo → Conta Azul over real HTTP against the sandbox emulators: one test per requirement of the seed, and one per
 * clause of Arivo's product/service rule (R8: code, name, service code, service name, tag, none).
 */
@QuarkusTest
class ArivoToContaAzulTest {

    @Inject
    ConnectionService connections;

    @BeforeEach
    void reset() {
        ArivoToContaAzul.resetSandboxes();
    }

    @Test
    void r1_dealClosedAsWonCreatesExactlyOneSaleAndOpenOrLostDealsNothing() {
        ArivoToContaAzul c = connect(Map.of());
        String acme = company("Acme Ltda", CNPJ);
        String won = deal("Venda", 30, acme, null, product("Caneta", "CAN-01", 10), 3);
        String open = deal("Aberta", 20, acme, null, product("Lapis", "LAP-01", 10), 2);
        String lost = deal("Perdida", 20, acme, null, product("Borracha", "BOR-01", 10), 2);
        setStatus(won, "won");
        setStatus(lost, "lost");
        arivo().body(Map.of("value", 25)).put(ARIVO + "/deals/" + open).then().statusCode(200);
        eventually(() -> assertThat(sales()).isEqualTo(1));
        eventually(() -> assertThat(c.history(won)).anyMatch(m -> m.contains("created pending review")));
        assertThat(c.history(open)).isEmpty();
        assertThat(c.history(lost)).isEmpty();
    }

    @Test
    void r3_saleIsPendingReview() {
        connect(Map.of());
        setStatus(deal("Venda", 10, company("Acme", CNPJ), null, product("P", "P-1", 10), 1), "won");
        eventually(() -> assertThat(sales()).isEqualTo(1));
        assertThat(contaAzul().getString("vendas[0].situacao")).isEqualTo("EM_ANDAMENTO");
    }

    @Test
    void r4_companyIsTheCustomerEvenWithAContact() {
        connect(Map.of());
        String acme = company("Empresa Ltda", CNPJ);
        String ana = person("Ana Souza", "529.982.247-25");
        setStatus(deal("Venda", 10, acme, ana, product("P", "P-1", 10), 1), "won");
        eventually(() -> assertThat(sales()).isEqualTo(1));
        assertThat(contaAzul().getList("pessoas.nome")).containsExactly("Empresa Ltda");
        assertThat(contaAzul().getString("pessoas[0].tipo_pessoa")).isEqualTo("Jurídica");
        assertThat(contaAzul().getString("pessoas[0].documento")).isEqualTo("11222333000181");
    }

    @Test
    void r4_contactIsTheCustomerWithoutACompany() {
        connect(Map.of());
        setStatus(deal("Venda", 10, null, person("Ana Souza", "529.982.247-25"), product("P", "P-1", 10), 1), "won");
        eventually(() -> assertThat(sales()).isEqualTo(1));
        assertThat(contaAzul().getList("pessoas.nome")).containsExactly("Ana Souza");
        assertThat(contaAzul().getString("pessoas[0].tipo_pessoa")).isEqualTo("Física");
        assertThat(contaAzul().getString("pessoas[0].documento")).isEqualTo("52998224725");
    }

    @Test
    void r5_reusesTheCustomerWithTheSameCnpj() {
        connect(Map.of());
        String existing = contaAzulCustomer("ACME COMERCIO LTDA", "11222333000181");
        setStatus(deal("Venda", 10, company("Acme", CNPJ), null, product("P", "P-1", 10), 1), "won");
        eventually(() -> assertThat(sales()).isEqualTo(1));
        assertThat(contaAzul().getList("pessoas")).hasSize(1);
        assertThat(contaAzul().getString("vendas[0].idCliente")).isEqualTo(existing);
    }

    @Test
    void r5_aHomonymIsNotReusedByDefault() {
        connect(Map.of());
        String other = contaAzulCustomer("João da Silva", null);
        setStatus(deal("Venda", 10, null, person("João da Silva", null), product("P", "P-1", 10), 1), "won");
        eventually(() -> assertThat(sales()).isEqualTo(1));
        assertThat(contaAzul().getList("pessoas")).hasSize(2);
        assertThat(contaAzul().getString("vendas[0].idCliente")).isNotEqualTo(other);
    }

    @Test
    void r5_matchByExactNameOnlyWhenSwitchedOn() {
        connect(Map.of("matchByName", true));
        String existing = contaAzulCustomer("Sem Documento", null);
        setStatus(deal("Venda", 10, null, person("Sem Documento", null), product("P", "P-1", 10), 1), "won");
        eventually(() -> assertThat(sales()).isEqualTo(1));
        assertThat(contaAzul().getString("vendas[0].idCliente")).isEqualTo(existing);
    }

    @Test
    void r6_customerCarriesNameEmailPhonesDocumentAndOrigin() {
        connect(Map.of());
        String ana = create("/contacts", Map.of("contact_type", "person", "name", "Ana Souza", "cpf", "529.982.247-25",
                "emails", List.of(Map.of("address", "ana@example.com", "type", "work")),
                "phones", List.of(Map.of("number", "+55 11 3333-4444", "type", "work"),
                        Map.of("number", "+55 11 99999-8888", "type", "mobile"))));
        setStatus(deal("Venda", 10, null, ana, product("P", "P-1", 10), 1), "won");
        eventually(() -> assertThat(sales()).isEqualTo(1));
        var state = contaAzul();
        assertThat(state.getString("pessoas[0].nome")).isEqualTo("Ana Souza");
        assertThat(state.getString("pessoas[0].documento")).isEqualTo("52998224725");
        assertThat(state.getString("pessoas[0].email")).isEqualTo("ana@example.com");
        assertThat(state.getString("pessoas[0].telefone")).contains("99999-8888");
        // Read as a Conta Azul client does: the account's 10 requests/s are shared with Ponte.
        String path = CONTA_AZUL + "/v1/pessoas/" + state.getString("pessoas[0].id");
        String observacao = admitted(() -> contaAzulUser().get(path)).then().statusCode(200).extract()
                .path("observacao");
        assertThat(observacao).contains("Arivo");
    }

    @Test
    void r7_invalidCnpjIsNeverSentAndHistorySaysWhy() {
        ArivoToContaAzul c = connect(Map.of("taxIdField", "cnpj", "personTaxIdField", "cpf"));
        String deal = deal("Venda", 10, company("Erro Ltda", "11.222.333/0001-00"), null, product("P", "P-1", 10), 1);
        setStatus(deal, "won");
        eventually(() -> assertThat(sales()).isEqualTo(1));
        assertThat(contaAzul().getString("pessoas[0].documento")).isNull();
        assertThat(c.history(deal)).anyMatch(m -> m.startsWith("CPF/CNPJ not sent"));
    }

    @Test
    void r8_code_reusesTheProductWithTheSameCode() {
        connect(Map.of());
        String existing = contaAzulProduct("Caneta azul", "CAN-01");
        setStatus(deal("Venda", 10, company("Acme", CNPJ), null, product("Caneta", "CAN-01", 10), 1), "won");
        eventually(() -> assertThat(sales()).isEqualTo(1));
        assertThat(contaAzul().getList("produtos")).hasSize(1);
        assertThat(contaAzul().getString("vendas[0].itens[0].id_item")).isEqualTo(existing);
    }

    @Test
    void r8_name_reusesTheProductWithExactlyTheSameNameWhenNoCodeMatches() {
        connect(Map.of());
        String existing = contaAzulProduct("Caneta", "OUTRO-01");
        setStatus(deal("Venda", 10, company("Acme", CNPJ), null, product("Caneta", "CAN-01", 10), 1), "won");
        eventually(() -> assertThat(sales()).isEqualTo(1));
        assertThat(contaAzul().getList("produtos")).hasSize(1);
        assertThat(contaAzul().getString("vendas[0].itens[0].id_item")).isEqualTo(existing);
    }

    @Test
    void r8_serviceCode_reusesTheServiceWhoseCodeIsTheIdentificationCode() {
        connect(Map.of());
        String service = contaAzulService("Consultoria mensal", "CONS-1");
        setStatus(deal("Venda", 10, company("Acme", CNPJ), null, product("Consultoria", "CONS-1", 10), 1), "won");
        eventually(() -> assertThat(sales()).isEqualTo(1));
        assertThat(contaAzul().getList("produtos")).isEmpty();
        assertThat(contaAzul().getString("vendas[0].itens[0].id_item")).isEqualTo(service);
        assertThat(contaAzul().getString("vendas[0].itens[0].tipo")).isEqualTo("SERVICO");
    }

    @Test
    void r8_serviceName_reusesTheServiceWithTheSameNameWhenNoCodeMatches() {
        connect(Map.of());
        String service = contaAzulService("Consultoria", "OUTRO-9");
        setStatus(deal("Venda", 10, company("Acme", CNPJ), null, product("Consultoria", "CONS-1", 10), 1), "won");
        eventually(() -> assertThat(sales()).isEqualTo(1));
        assertThat(contaAzul().getList("produtos")).isEmpty();
        assertThat(contaAzul().getString("vendas[0].itens[0].id_item")).isEqualTo(service);
    }

    @Test
    void r8_tag_aProductTaggedAsServiceIsAlwaysAServiceAndNeverCreatesAProduct() {
        ArivoToContaAzul c = connect(Map.of());
        contaAzulProduct("Outro produto", "CONS-1");
        String service = contaAzulService("Consultoria", null);
        setStatus(deal("Venda", 10, company("Acme", CNPJ), null,
                product("Consultoria", "CONS-1", 10, "contaazul-serviço"), 1), "won");
        eventually(() -> assertThat(sales()).isEqualTo(1));
        assertThat(contaAzul().getString("vendas[0].itens[0].id_item")).isEqualTo(service);
        assertThat(contaAzul().getString("vendas[0].itens[0].tipo")).isEqualTo("SERVICO");

        String missing = deal("Outra", 10, company("Beta", "11.444.777/0001-61"), null,
                product("Treinamento", "TRE-1", 10, "contaazul-serviço"), 1);
        setStatus(missing, "won");
        eventually(() -> assertThat(c.jobs("status=DEAD").getInt("total")).isEqualTo(1));
        assertThat(c.jobs("status=DEAD").getString("items[0].lastError.detail")).contains("does not exist");
        assertThat(contaAzul().getList("produtos.nome")).containsExactly("Outro produto");
    }

    @Test
    void r8_none_createsANewProductWithTheCode() {
        connect(Map.of());
        setStatus(deal("Venda", 10, company("Acme", CNPJ), null, product("Novo", "NOV-01", 10), 1), "won");
        eventually(() -> assertThat(sales()).isEqualTo(1));
        assertThat(contaAzul().getList("produtos.codigo_sku")).containsExactly("NOV-01");
        assertThat(contaAzul().getList("servicos")).isEmpty();
    }

    @Test
    void r12_dealWithoutValueOrCustomerIsSkippedWithReason() {
        ArivoToContaAzul c = connect(Map.of());
        String noCustomer = deal("Sem cliente", 10, null, null, product("P", "P-1", 10), 1);
        String noValue = deal("Sem valor", 0, company("Acme", CNPJ), null, null, 1);
        setStatus(noCustomer, "won");
        setStatus(noValue, "won");
        eventually(() -> assertThat(c.history(noCustomer)).contains("skipped: the deal has neither a company nor a "
                + "contact"));
        eventually(() -> assertThat(c.history(noValue)).contains("skipped: the deal has no value"));
        assertThat(sales()).isZero();
    }

    @Test
    void r16_testConnectionNamesARefusedApiKey() {
        ArivoToContaAzul c = connect(Map.of());
        as(c.tenant.key()).post("/api/v1/connections/" + c.connection + "/test").then().statusCode(200);
        as(c.tenant.key()).body(Map.of("name", "x", "sourceSystem", "ARIVO", "ledgerSystem", "CONTA_AZUL",
                "flows", List.of("WonDealToSale"), "credentials", Map.of("apiKey", "revoked-key")))
                .put("/api/v1/connections/" + c.connection).then().statusCode(200);
        as(c.tenant.key()).post("/api/v1/connections/" + c.connection + "/test").then().statusCode(422)
                .body("errors.field", hasItem("credentials.apiKey"));
    }

    /**
     * A delivery arrives while Arivo refuses the key: it is kept (queued from the delivery), the connection shows it
     * needs reconnecting, and the sale is made once the key works again. The delivery is made by hand so that the
     * sandbox's refusals start exactly after it was sent.
     */
    @Test
    void r16_refusedArivoKeyNeedsReconnectAndTheDeliveryIsKeptUntilThen() {
        ArivoToContaAzul c = connect(Map.of());
        for (Object id : arivo().get(ARIVO + "/webhooks").jsonPath().getList("id")) {
            arivo().delete(ARIVO + "/webhooks/" + id).then().statusCode(204);
        }
        String deal = deal("Venda", 10, company("Acme", CNPJ), null, product("P", "P-1", 10), 1);
        setStatus(deal, "won");
        String secret = connections.credentials(c.connection).get("webhookSecret");
        given().contentType(ContentType.JSON).body(Map.of("next_401", 1000)).post(ARIVO + "/_faults");
        given().contentType(ContentType.JSON).body("{\"event\": \"deal.won\", \"data\": {\"id\": \"" + deal + "\"}}")
                .post("/hooks/" + c.connection + "?secret=" + secret).then().statusCode(202);
        eventually(() -> as(c.tenant.key()).get("/api/v1/connections/" + c.connection).then()
                .body("status", equalTo("NEEDS_RECONNECT")));
        assertThat(sales()).isZero();
        given().delete(ARIVO + "/_faults").then().statusCode(204);
        // The key is typed again, as a person reconnecting does.
        as(c.tenant.key()).body(Map.of("name", "Arivo → Conta Azul", "sourceSystem", "ARIVO", "ledgerSystem",
                "CONTA_AZUL", "flows", List.of("WonDealToSale"), "credentials", Map.of("apiKey",
                        ArivoToContaAzul.API_KEY))).put("/api/v1/connections/" + c.connection).then().statusCode(200);
        eventually(() -> assertThat(sales()).isEqualTo(1));
        as(c.tenant.key()).get("/api/v1/connections/" + c.connection).then().body("status", equalTo("ACTIVE"));
    }

    @Test
    void r17_disablingStopsSyncingAndRemovesItsWebhook() {
        ArivoToContaAzul c = connect(Map.of());
        assertThat(webhooks()).singleElement().asString().contains("/hooks/" + c.connection + "?secret=");
        as(c.tenant.key()).post("/api/v1/connections/" + c.connection + "/disable").then().statusCode(200);
        assertThat(webhooks()).isEmpty();
        ArivoToContaAzul other = connect(Map.of());
        String deal = deal("Venda", 10, company("Acme", CNPJ), null, product("P", "P-1", 10), 1);
        setStatus(deal, "won");
        eventually(() -> assertThat(other.history(deal)).anyMatch(m -> m.contains("created pending review")));
        given().contentType(ContentType.JSON).body("{}").post("/hooks/" + c.connection).then().statusCode(404);
        assertThat(sales()).isEqualTo(1);
        assertThat(c.history(deal)).isEmpty();
    }

    @Test
    void r18_reconciliationCatchesADealWhoseWebhookWasMissed() {
        ArivoToContaAzul c = connect(Map.of("schedule.incremental", "* * * * * ?"));
        try {
            for (Object id : arivo().get(ARIVO + "/webhooks").jsonPath().getList("id")) {
                arivo().delete(ARIVO + "/webhooks/" + id).then().statusCode(204);
            }
            String deal = deal("Venda", 10, company("Acme", CNPJ), null, product("P", "P-1", 10), 1);
            setStatus(deal, "won");
            eventually(() -> assertThat(sales()).isEqualTo(1));
            assertThat(c.history(deal)).anyMatch(m -> m.contains("created pending review"));
        } finally {
            // Its every-second reconciliation would keep calling the sandboxes through the tests after it.
            as(c.tenant.key()).post("/api/v1/connections/" + c.connection + "/disable").then().statusCode(200);
        }
    }

    @Test
    void webhookWithoutTheSecretIsRefused() {
        ArivoToContaAzul c = connect(Map.of());
        given().contentType(ContentType.JSON).body("{\"event\": \"deal.won\", \"data\": {\"id\": \"1\"}}")
                .post("/hooks/" + c.connection + "?secret=guess").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void webhookDeliveredTwiceIsOneSaleAndItsDealIsReadAgain() {
        ArivoToContaAzul c = connect(Map.of());
        given().contentType(ContentType.JSON).body(Map.of("webhook_duplicates", 2)).post(ARIVO + "/_faults");
        String deal = deal("Venda", 10, company("Acme", CNPJ), null, product("P", "P-1", 10), 1);
        setStatus(deal, "won");
        eventually(() -> assertThat(c.history(deal)).anyMatch(m -> m.contains("created pending review")));
        String secret = connections.credentials(c.connection).get("webhookSecret");
        // A hand-made delivery that claims a won deal which is open: only the deal read back counts.
        String open = deal("Aberta", 10, company("Beta", "11.444.777/0001-61"), null, product("P", "P-1", 10), 1);
        given().contentType(ContentType.JSON).body("{\"event\": \"deal.won\", \"data\": {\"id\": \"" + open
                + "\", \"status\": \"won\"}}").post("/hooks/" + c.connection + "?secret=" + secret).then()
                .statusCode(202).body("ignored", org.hamcrest.Matchers.containsString("is not won"));
        assertThat(sales()).isEqualTo(1);
    }
}
