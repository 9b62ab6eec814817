package dev.ponte.flow;

import static dev.ponte.flow.PipedriveToContaAzul.connect;
import static dev.ponte.flow.PipedriveToContaAzul.contaAzul;
import static dev.ponte.flow.PipedriveToContaAzul.contaAzulToken;
import static dev.ponte.flow.PipedriveToContaAzul.deal;
import static dev.ponte.flow.PipedriveToContaAzul.eventually;
import static dev.ponte.flow.PipedriveToContaAzul.organization;
import static dev.ponte.flow.PipedriveToContaAzul.product;
import static dev.ponte.flow.PipedriveToContaAzul.sales;
import static dev.ponte.flow.PipedriveToContaAzul.setStatus;
import static dev.ponte.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ponte.connection.ConnectionService;
import dev.ponte.connector.OAuth2Connect;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * R11 by default: the user who activated the connection is the one who consented to Conta Azul's OAuth2 grant (the
 * sandbox's consenting user is its owner, Ana Souza, also one of its sellers), recorded as {@code activatedBy} when
 * nobody typed one, and so the seller of every sale.
 */
@QuarkusTest
class SellerFromConsentTest {

    @Inject
    ConnectionService connections;

    @BeforeEach
    void reset() {
        PipedriveToContaAzul.resetSandboxes();
    }

    @Test
    void r11_theUserWhoConsentedIsTheSellerWhenNoActivatedByIsTyped() {
        PipedriveToContaAzul c = connect(Map.of());
        assertThat(activatedBy(c)).isEqualTo("Ana Souza");
        assertThat(connections.credentials(c.connection)).as("a name, not a credential").containsKey("access_token")
                .doesNotContainKey(OAuth2Connect.CONSENTING_USER);

        long won = deal("Venda", 10, organization("Acme", "11.222.333/0001-81"), null, product("P", "P-1", 10), 1);
        setStatus(won, "won");

        eventually(() -> assertThat(sales()).isEqualTo(1));
        String token = contaAzulToken();
        String ana = dev.ponte.support.Api.admitted(() -> given().header("Authorization", "Bearer " + token)
                .get(PipedriveToContaAzul.CONTA_AZUL + "/v1/venda/vendedores")).then().statusCode(200).extract()
                .path("find { it.nome == 'Ana Souza' }.id");
        assertThat(contaAzul().getString("vendas[0].idVendedor")).isEqualTo(ana);
        assertThat(c.history(won)).anyMatch(m -> m.contains("seller Ana Souza (" + ana + ")"));
    }

    @Test
    void r11_aTypedActivatedByIsKeptThroughConsentAndReconsent() {
        PipedriveToContaAzul c = connect(Map.of("activatedBy", "Bruno Lima"));
        assertThat(activatedBy(c)).isEqualTo("Bruno Lima");

        c.connectContaAzul();

        assertThat(activatedBy(c)).isEqualTo("Bruno Lima");
    }

    @Test
    void r11_anEditThatLeavesActivatedByOutKeepsTheRecordedOneAndOneThatSendsItSetsIt() {
        PipedriveToContaAzul c = connect(Map.of());
        assertThat(activatedBy(c)).isEqualTo("Ana Souza");

        put(c, Map.of("taxIdField", PipedriveToContaAzul.CNPJ_FIELD, "matchByName", true));
        assertThat(activatedBy(c)).as("left out of the edit").isEqualTo("Ana Souza");

        put(c, Map.of("taxIdField", PipedriveToContaAzul.CNPJ_FIELD, "activatedBy", "Bruno Lima"));
        assertThat(activatedBy(c)).isEqualTo("Bruno Lima");
    }

    private static void put(PipedriveToContaAzul c, Map<String, Object> settings) {
        as(c.tenant.key()).body(Map.of("name", "Pipedrive → Conta Azul", "sourceSystem", "PIPEDRIVE", "ledgerSystem",
                "CONTA_AZUL", "flows", java.util.List.of("WonDealToSale"), "settings", settings))
                .put("/api/v1/connections/" + c.connection).then().statusCode(200);
    }

    private static String activatedBy(PipedriveToContaAzul c) {
        return as(c.tenant.key()).get("/api/v1/connections/" + c.connection).then().statusCode(200).extract()
                .path("settings.activatedBy");
    }
}
