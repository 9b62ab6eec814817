package dev.ponte.flow;

import static dev.ponte.flow.PipedriveToContaAzul.CONTA_AZUL;
import static dev.ponte.flow.PipedriveToContaAzul.CPF_FIELD;
import static dev.ponte.flow.PipedriveToContaAzul.PIPEDRIVE;
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
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pipedrive → Conta Azul as a real account lives it (issue 8): Conta Azul tokens that expire, a connection that
 * needs reconnecting while deals keep being won, refusals a person must read. Over real HTTP against the sandboxes.
 */
@QuarkusTest
class WonDealToSaleUnderRealConditionsTest {

    @BeforeEach
    void reset() {
        PipedriveToContaAzul.resetSandboxes();
    }

    @Test
    void ledgerTokenRefreshesKeepThePipedriveTokenAndWebhookSecret() {
        given().contentType(ContentType.JSON).body(Map.of("access_token_seconds", 2)).post(CONTA_AZUL + "/_controls/tokens")
                .then().statusCode(200);
        PipedriveToContaAzul c = connect(Map.of());
        long org = organization("Acme", "11.222.333/0001-81");
        long product = product("P", "P-1", 10);
        for (int round = 1; round <= 5; round++) {
            // Each round starts once the connection's access token has expired, so Ponte must renew it first.
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> contaAzul().getInt("active_access_tokens") == 0);
            for (int i = 0; i < 20; i++) {
                setStatus(deal("Venda " + round + "." + i, 10, org, null, product, 1), "won");
            }
            int expected = round * 20;
            eventually(() -> assertThat(sales()).isEqualTo(expected));
        }
        assertThat(contaAzul().getInt("refreshes")).isGreaterThanOrEqualTo(5);
        assertThat(c.jobs("status=DEAD").getInt("total")).isZero();
        as(c.tenant.key()).get("/api/v1/connections/" + c.connection).then().body("status", equalTo("ACTIVE"));
        as(c.tenant.key()).post("/api/v1/connections/" + c.connection + "/test").then().statusCode(200);
        as(c.tenant.key()).post("/api/v1/connections/" + c.connection + "/disable").then().statusCode(200);
        assertThat(pipedrive().get(PIPEDRIVE + "/v1/webhooks").jsonPath().getList("data")).isEmpty();
    }

    @Test
    void testConnectionChecksTheLedgerToo() {
        var tenant = dev.ponte.support.Api.newTenant("Teste " + java.util.UUID.randomUUID());
        var connection = dev.ponte.support.Api.newConnection(tenant, Map.of("flows", List.of("WonDealToSale"),
                "credentials", Map.of("apiToken", PipedriveToContaAzul.ADMIN_TOKEN)));
        // Pipedrive's token is good, but Conta Azul was never connected.
        as(tenant.key()).post("/api/v1/connections/" + connection + "/test").then().statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.hasItem("credentials"))
                .body("errors.message", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString(
                        "Conta Azul")));
    }

    @Test
    void dealWonWhileTheConnectionNeedsReconnectingIsKeptAndSyncedAfterIt() {
        PipedriveToContaAzul c = connect(Map.of());
        given().contentType(ContentType.JSON).body(Map.of("next_401", 2)).post(CONTA_AZUL + "/_faults");
        long org = organization("Acme", "11.222.333/0001-81");
        long product = product("P", "P-1", 10);
        setStatus(deal("Primeira", 10, org, null, product, 1), "won");
        eventually(() -> as(c.tenant.key()).get("/api/v1/connections/" + c.connection).then()
                .body("status", equalTo("NEEDS_RECONNECT")));
        long second = deal("Segunda", 10, org, null, product, 1);
        setStatus(second, "won");
        // The delivery is kept as parked work: its job waits for the reconnection.
        eventually(() -> assertThat(c.jobs("subject=pipedrive:deal:" + second).getList("items.status"))
                .containsExactly("QUEUED"));
        assertThat(sales()).isZero();
        c.connectContaAzul();
        eventually(() -> assertThat(sales()).isEqualTo(2));
        assertThat(c.history(second)).anyMatch(m -> m.contains("created pending review"));
    }

    @Test
    void deadJobSaysWhyInTheDealsHistoryWithTheLedgersOwnWordsWhateverTheirShape() {
        PipedriveToContaAzul c = connect(Map.of());
        given().contentType(ContentType.JSON).body(Map.of("shape", "strings")).post(CONTA_AZUL + "/_controls/errors")
                .then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("stock_check", true)).post(CONTA_AZUL + "/_faults");
        long deal = deal("Venda", 10, organization("Acme", "11.222.333/0001-81"), null, product("P", "P-1", 10), 1);
        setStatus(deal, "won");
        eventually(() -> assertThat(c.jobs("status=DEAD").getInt("total")).isEqualTo(1));
        assertThat(c.jobs("status=DEAD").getString("items[0].lastError.detail")).contains("estoque suficiente");
        List<String> history = c.history(deal);
        assertThat(history.get(0)).startsWith("Needs a person").contains("estoque suficiente").contains("/retry");
    }

    @Test
    void fieldErrorsGivenAsObjectsAreShownToo() {
        PipedriveToContaAzul c = connect(Map.of());
        given().contentType(ContentType.JSON).body(Map.of("shape", "objects")).post(CONTA_AZUL + "/_controls/errors")
                .then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("stock_check", true)).post(CONTA_AZUL + "/_faults");
        setStatus(deal("Venda", 10, organization("Acme", "11.222.333/0001-81"), null, product("P", "P-1", 10), 1),
                "won");
        eventually(() -> assertThat(c.jobs("status=DEAD").getInt("total")).isEqualTo(1));
        assertThat(c.jobs("status=DEAD").getString("items[0].lastError.detail")).contains("estoque suficiente");
    }

    @Test
    void aContactsCpfComesFromItsOwnFieldWhileTheCompanysCnpjComesFromAnother() {
        connect(Map.of("personTaxIdField", CPF_FIELD));
        long product = product("P", "P-1", 10);
        long person = create("/v1/persons", Map.of("name", "Maria Silva", CPF_FIELD, "529.982.247-25"));
        setStatus(deal("Venda", 10, null, person, product, 1), "won");
        setStatus(deal("Venda PJ", 10, organization("Acme", "11.222.333/0001-81"), null, product, 1), "won");
        eventually(() -> assertThat(sales()).isEqualTo(2));
        assertThat(contaAzul().getList("pessoas.documento", String.class))
                .containsExactlyInAnyOrder("52998224725", "11222333000181");
    }
}
