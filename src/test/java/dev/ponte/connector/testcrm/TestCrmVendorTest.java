package dev.ponte.connector.testcrm;

import static dev.ponte.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ponte.model.Deal;
import dev.ponte.model.DealLine;
import dev.ponte.model.DealStatus;
import dev.ponte.model.Item;
import dev.ponte.model.ItemKind;
import dev.ponte.model.Money;
import dev.ponte.model.Party;
import dev.ponte.model.PartyKind;
import dev.ponte.model.TaxId;
import dev.ponte.model.TaxIdKind;
import dev.ponte.support.Api;
import dev.ponte.support.Api.Tenant;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A vendor added as one package (here, of the tests): its connector bean is all Ponte needs to offer it, accept
 * connections naming it and run WonDealToSale on it against the Conta Azul sandbox, over real HTTP.
 */
@QuarkusTest
class TestCrmVendorTest {

    private static final String CONTA_AZUL = "/sandbox/contaazul";

    @Inject
    TestCrmConnector crm;

    @BeforeEach
    void reset() {
        given().delete(CONTA_AZUL + "/_state").then().statusCode(204);
        given().delete(CONTA_AZUL + "/_faults").then().statusCode(204);
        crm.deals.clear();
    }

    @Test
    void aDealWonInANewVendorConnectedByConsentBecomesASaleWithNoMainClassKnowingIt() {
        Tenant tenant = Api.newTenant("Test CRM " + UUID.randomUUID());
        assertThat(as(tenant.key()).get("/api/v1/catalog/flows").then().statusCode(200).extract().jsonPath()
                .getList("find { it.name == 'WonDealToSale' }.pairs.sourceSystem", String.class)).contains("TEST_CRM");
        UUID connection = Api.newConnection(tenant, Map.of("sourceSystem", "TEST_CRM", "ledgerSystem", "CONTA_AZUL",
                "flows", List.of("WonDealToSale"), "credentials", Map.of("secret", "s3cret")));
        // Both sides connect by consent: the authorize call then asks which one.
        as(tenant.key()).redirects().follow(false).get("/api/v1/connections/" + connection + "/oauth/authorize")
                .then().statusCode(422).body("errors[0].field", org.hamcrest.Matchers.equalTo("side"));
        as(tenant.key()).post("/api/v1/connections/" + connection + "/test").then().statusCode(422);
        Api.consent(tenant, connection, "source");
        Api.consent(tenant, connection, "ledger");
        as(tenant.key()).post("/api/v1/connections/" + connection + "/enable").then().statusCode(200);
        // The source's typed secret and consent token, and the ledger's tokens, are all kept side by side.
        as(tenant.key()).post("/api/v1/connections/" + connection + "/test").then().statusCode(200);

        crm.deals.put("7", wonDeal("7"));
        given().queryParam("secret", "guess").queryParam("deal", "7").post("/hooks/" + connection).then()
                .statusCode(401);
        given().queryParam("secret", "s3cret").queryParam("deal", "7").post("/hooks/" + connection).then()
                .statusCode(202);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(given().get(CONTA_AZUL + "/_state")
                .jsonPath().getList("vendas")).hasSize(1));
        var state = given().get(CONTA_AZUL + "/_state").jsonPath();
        assertThat(state.getString("pessoas[0].nome")).isEqualTo("Acme Ltda");
        assertThat(state.getString("produtos[0].codigo_sku")).isEqualTo("P-1");
        assertThat(as(tenant.key()).get("/api/v1/connections/" + connection + "/history?subject=test_crm:deal:7")
                .then().statusCode(200).extract().jsonPath().getList("items.message", String.class))
                .anyMatch(m -> m.contains("created pending review"));
    }

    private static Deal wonDeal(String id) {
        Party acme = new Party(PartyKind.COMPANY, "Acme Ltda", TaxId.parse(TaxIdKind.CNPJ, "11.222.333/0001-81"),
                null, null, null, "BR", "Test CRM", null, "org-1");
        Item item = new Item(ItemKind.PRODUCT, "P-1", "Produto", Money.of("10", "BRL"), null);
        Instant now = Instant.now().plusSeconds(1);
        return new Deal(id, "Venda", DealStatus.WON, Money.of("20", "BRL"), now, now, null, acme, null,
                List.of(new DealLine(item, new BigDecimal("2"), Money.of("10", "BRL"), null)), Map.of(), null);
    }
}
