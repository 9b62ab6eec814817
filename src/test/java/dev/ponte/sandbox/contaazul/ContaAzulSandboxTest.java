package dev.ponte.sandbox.contaazul;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ContaAzulSandboxTest {

    private static final String BASE = "/sandbox/contaazul";
    private static final String REDIRECT = "https://ponte.example/callback";

    private String token;

    @BeforeEach
    void resetAndConnect() {
        given().delete(BASE + "/_state").then().statusCode(204);
        given().delete(BASE + "/_faults").then().statusCode(204);
        // These tests check the API's answers, several calls in a row: the rate limits are lifted for them, and tested
        // on their own below (enforces…).
        given().contentType(ContentType.JSON).body("{}").post(BASE + "/_limits").then().statusCode(200);
        token = tokens(authorizationCode()).get("access_token");
    }

    @AfterEach
    void restoreLimits() {
        given().delete(BASE + "/_limits").then().statusCode(200);
    }

    @Test
    void enforcesTenRequestsPerSecondByDefaultWithRetryAfter() {
        given().delete(BASE + "/_limits").then().statusCode(200).body("requests_per_second", equalTo(10))
                .body("requests_per_minute", equalTo(600));
        long started = System.nanoTime();
        int admitted = 0;
        Response refused = null;
        while (refused == null) {
            Response answer = api().get(BASE + "/v1/pessoas");
            if (answer.statusCode() == 200) {
                admitted++;
            } else {
                refused = answer;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        // A second's worth at once, then 10 a second.
        assertThat(admitted).isGreaterThanOrEqualTo(10).isLessThanOrEqualTo(10 + (int) Math.ceil(seconds * 10));
        refused.then().statusCode(429).header("Retry-After", equalTo("1")).body("error", containsString("Limite"));
        await().atMost(Duration.ofSeconds(2)).until(() -> api().get(BASE + "/v1/pessoas").statusCode() == 200);
    }

    @Test
    void enforcesSixHundredRequestsPerMinute() {
        // The per-second limit lifted, so that a minute's worth is sent in a few seconds.
        given().contentType(ContentType.JSON).body(Map.of("requests_per_minute", 600)).post(BASE + "/_limits")
                .then().statusCode(200);
        long started = System.nanoTime();
        for (int i = 0; i < 600; i++) {
            api().get(BASE + "/v1/pessoas").then().statusCode(200);
        }
        String retryAfter = api().get(BASE + "/v1/pessoas").then().statusCode(429).extract().header("Retry-After");
        // Admitted again once the first of the 600 is a minute old (however long sending them took here).
        long took = (long) Math.ceil((System.nanoTime() - started) / 1e9);
        assertThat(Integer.parseInt(retryAfter)).isBetween((int) Math.max(1, 60 - took - 1), 60);
    }

    private String authorizationCode() {
        String location = given().redirects().follow(false)
                .queryParam("response_type", "code").queryParam("client_id", ContaAzul.CLIENT_ID)
                .queryParam("redirect_uri", REDIRECT).queryParam("state", "xyz")
                .queryParam("scope", "openid profile aws.cognito.signin.user.admin")
                .get(BASE + "/auth/oauth2/authorize")
                .then().statusCode(302).extract().header("Location");
        URI uri = URI.create(location);
        assertThat(location).startsWith(REDIRECT).contains("state=xyz");
        return uri.getQuery().replaceAll(".*code=([^&]+).*", "$1");
    }

    private Map<String, String> tokens(String code) {
        return given().auth().preemptive().basic(ContaAzul.CLIENT_ID, ContaAzul.CLIENT_SECRET)
                .formParam("grant_type", "authorization_code").formParam("code", code)
                .formParam("redirect_uri", REDIRECT)
                .post(BASE + "/auth/oauth2/token")
                .then().statusCode(200).body("expires_in", equalTo(3600)).body("token_type", equalTo("Bearer"))
                .extract().as(Map.class);
    }

    private Response refresh(String refreshToken) {
        return given().auth().preemptive().basic(ContaAzul.CLIENT_ID, ContaAzul.CLIENT_SECRET)
                .formParam("grant_type", "refresh_token").formParam("refresh_token", refreshToken)
                .post(BASE + "/auth/oauth2/token");
    }

    private io.restassured.specification.RequestSpecification api() {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private String pessoa(String nome, String cnpj) {
        return api().body(Map.of("nome", nome, "tipo_pessoa", "Jurídica", "cnpj", cnpj,
                        "perfis", List.of(Map.of("tipo_perfil", "Cliente"))))
                .post(BASE + "/v1/pessoas").then().statusCode(200).extract().path("id");
    }

    private String produto(String nome, String sku, int estoque) {
        return api().body(Map.of("nome", nome, "codigo_sku", sku,
                        "estoque", Map.of("valor_venda", 50, "estoque_disponivel", estoque)))
                .post(BASE + "/v1/produtos").then().statusCode(200).extract().path("id");
    }

    private static Map<String, Object> venda(String cliente, long numero, String item, int quantidade) {
        return Map.of("id_cliente", cliente, "numero", numero, "situacao", "EM_ANDAMENTO",
                "data_venda", "2026-01-15", "observacoes", "ponte:pipedrive:deal:123",
                "itens", List.of(Map.of("id", item, "quantidade", quantidade, "valor", 50.0)),
                "condicao_pagamento", Map.of("opcao_condicao_pagamento", "À vista", "tipo_pagamento", "PIX_PAGAMENTO_INSTANTANEO",
                        "parcelas", List.of(Map.of("data_vencimento", "2026-02-15", "valor", 50.0 * quantidade))));
    }

    @Test
    void requiresBearerToken() {
        given().get(BASE + "/v1/pessoas").then().statusCode(401).body("error", notNullValue());
        given().auth().oauth2("forged").get(BASE + "/v1/pessoas").then().statusCode(401);
    }

    @Test
    void rotatesRefreshTokenAndRefusesTheOldOne() {
        Map<String, String> first = tokens(authorizationCode());
        Map<String, Object> second = refresh(first.get("refresh_token")).then().statusCode(200).extract().as(Map.class);

        assertThat(second.get("refresh_token")).isNotEqualTo(first.get("refresh_token"));
        refresh(first.get("refresh_token")).then().statusCode(400).body("error", equalTo("invalid_grant"));
        refresh((String) second.get("refresh_token")).then().statusCode(200);
        given().auth().oauth2((String) second.get("access_token")).get(BASE + "/v1/pessoas").then().statusCode(200);
    }

    @Test
    void refusesUsedCodeAndBadClient() {
        String code = authorizationCode();
        tokens(code);
        given().auth().preemptive().basic(ContaAzul.CLIENT_ID, ContaAzul.CLIENT_SECRET)
                .formParam("grant_type", "authorization_code").formParam("code", code)
                .formParam("redirect_uri", REDIRECT).post(BASE + "/auth/oauth2/token")
                .then().statusCode(400).body("error", equalTo("invalid_grant"));
        given().auth().preemptive().basic(ContaAzul.CLIENT_ID, "wrong")
                .formParam("grant_type", "refresh_token").formParam("refresh_token", "x")
                .post(BASE + "/auth/oauth2/token").then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void findsPessoaByDocumentoAndPages() {
        pessoa("Alfa Comércio Ltda", "11.222.333/0001-81");
        pessoa("Beta Serviços Ltda", "44.555.666/0001-02");
        pessoa("Gama Indústria SA", "77.888.999/0001-03");

        api().queryParam("documentos", "11222333000181").get(BASE + "/v1/pessoas")
                .then().statusCode(200).body("totalItems", equalTo(1)).body("items[0].nome", equalTo("Alfa Comércio Ltda"))
                .body("items[0].documento", equalTo("11222333000181"));
        api().queryParam("busca", "44.555.666/0001-02").get(BASE + "/v1/pessoas")
                .then().body("items[0].nome", equalTo("Beta Serviços Ltda"));
        api().queryParam("pagina", 2).queryParam("tamanho_pagina", 2).get(BASE + "/v1/pessoas")
                .then().body("totalItems", equalTo(3)).body("items", hasSize(1))
                .body("items[0].nome", equalTo("Gama Indústria SA"));
        api().queryParam("data_alteracao_de", "2999-01-01T00:00:00").get(BASE + "/v1/pessoas")
                .then().body("totalItems", equalTo(0));
        api().body(Map.of("nome", "Alfa Comércio Ltda", "tipo_pessoa", "Jurídica", "cnpj", "11222333000181"))
                .post(BASE + "/v1/pessoas").then().statusCode(400).body("error", containsString("documento"));
        api().body(Map.of("nome", "Outra", "tipo_pessoa", "Jurídica", "cnpj", "11222333000181"))
                .post(BASE + "/v1/pessoas").then().statusCode(200);
    }

    @Test
    void findsProdutoBySkuAndServicoByText() {
        String id = produto("Caneta Azul", "CAN-01", 10);
        produto("Lápis", "LAP-01", 10);

        api().queryParam("sku", "CAN-01").get(BASE + "/v1/produtos")
                .then().body("totalItems", equalTo(1)).body("items[0].id", equalTo(id));
        api().queryParam("busca", "lápis").get(BASE + "/v1/produtos").then().body("items[0].codigo_sku", equalTo("LAP-01"));
        api().body(Map.of("descricao", "Consultoria", "codigo", "SRV-9", "preco", 300))
                .post(BASE + "/v1/servicos").then().statusCode(200);
        api().queryParam("busca_textual", "srv-9").get(BASE + "/v1/servicos")
                .then().body("itens", hasSize(1)).body("itens[0].descricao", equalTo("Consultoria"));
    }

    @Test
    void listsTheAccountsSellersAsABareArray() {
        api().get(BASE + "/v1/venda/vendedores").then().statusCode(200)
                .body("nome", hasItem("Ana Souza")).body("[0].id", notNullValue()).body("[0].id_legado", notNullValue());
        given().get(BASE + "/v1/venda/vendedores").then().statusCode(401);
    }

    @Test
    void createsSaleAndRefusesDuplicateNumero() {
        String cliente = pessoa("Alfa Comércio Ltda", "11.222.333/0001-81");
        String item = produto("Caneta", "CAN-01", 10);
        long numero = api().get(BASE + "/v1/venda/proximo-numero").then().statusCode(200).extract().as(Long.class);

        String id = api().body(venda(cliente, numero, item, 2)).post(BASE + "/v1/venda")
                .then().statusCode(200).body("numero", equalTo((int) numero))
                .body("situacao.nome", equalTo("EM_ANDAMENTO")).extract().path("id");
        api().body(venda(cliente, numero, item, 1)).post(BASE + "/v1/venda")
                .then().statusCode(400).body("error", containsString(String.valueOf(numero)));

        api().get(BASE + "/v1/venda/proximo-numero").then().body(equalTo(String.valueOf(numero + 1)));
        api().queryParam("data_alteracao_de", "2000-01-01T00:00:00").get(BASE + "/v1/venda/busca")
                .then().statusCode(200).body("total_itens", equalTo(1)).body("itens[0].id", equalTo(id))
                .body("itens[0].cliente.nome", equalTo("Alfa Comércio Ltda"));
        api().get(BASE + "/v1/venda/" + id).then().statusCode(200).body("venda.numero", equalTo((int) numero))
                .body("cliente.documento", equalTo("11222333000181"));
        api().queryParam("tamanho_pagina", 7).get(BASE + "/v1/venda/busca").then().statusCode(400);
    }

    @Test
    void refusesInvalidSales() {
        String cliente = pessoa("Alfa", "11.222.333/0001-81");
        String item = produto("Caneta", "CAN-01", 10);
        Map<String, Object> missing = new java.util.HashMap<>(venda(cliente, 1, item, 1));
        missing.remove("data_venda");
        api().body(missing).post(BASE + "/v1/venda").then().statusCode(400).body("error", containsString("data_venda"));
        Map<String, Object> wrongTotal = new java.util.HashMap<>(venda(cliente, 2, item, 1));
        wrongTotal.put("itens", List.of(Map.of("id", item, "quantidade", 3, "valor", 50.0)));
        api().body(wrongTotal).post(BASE + "/v1/venda").then().statusCode(400).body("error", containsString("parcelas"));
    }

    @Test
    void refusesSaleForStockWhenStockCheckIsOn() {
        String cliente = pessoa("Alfa", "11.222.333/0001-81");
        String item = produto("Caneta", "CAN-01", 1);
        given().contentType(ContentType.JSON).body(Map.of("stock_check", true)).post(BASE + "/_faults").then().statusCode(200);

        api().body(venda(cliente, 1, item, 2)).post(BASE + "/v1/venda")
                .then().statusCode(400).body("error", containsString("estoque suficiente"));
        api().body(venda(cliente, 1, item, 1)).post(BASE + "/v1/venda").then().statusCode(200);
    }

    @Test
    void injects429WithRetryAfter() {
        given().contentType(ContentType.JSON).body(Map.of("next_429", 1, "retry_after_seconds", 7))
                .post(BASE + "/_faults").then().statusCode(200);

        api().get(BASE + "/v1/pessoas").then().statusCode(429).header("Retry-After", "7").body("error", notNullValue());
        api().get(BASE + "/v1/pessoas").then().statusCode(200);
    }

    @Test
    void droppedResponseAfterCommitLeavesTheSale() {
        String cliente = pessoa("Alfa", "11.222.333/0001-81");
        String item = produto("Caneta", "CAN-01", 10);
        given().contentType(ContentType.JSON).body(Map.of("drop_after_commit", 1, "drop_mode", "502"))
                .post(BASE + "/_faults").then().statusCode(200);

        api().body(venda(cliente, 41, item, 1)).post(BASE + "/v1/venda").then().statusCode(502);

        given().get(BASE + "/_state").then().body("vendas", hasSize(1)).body("vendas[0].numero", equalTo(41))
                .body("vendas[0].observacoes", equalTo("ponte:pipedrive:deal:123"));
    }

    @Test
    void droppedConnectionAfterCommitLeavesTheSale() {
        String cliente = pessoa("Alfa", "11.222.333/0001-81");
        String item = produto("Caneta", "CAN-01", 10);
        given().contentType(ContentType.JSON).body(Map.of("drop_after_commit", 1)).post(BASE + "/_faults");

        assertThatThrownBy(() -> api().body(venda(cliente, 42, item, 1)).post(BASE + "/v1/venda"))
                .isInstanceOf(java.io.IOException.class);

        given().get(BASE + "/_state").then().body("vendas", hasSize(1)).body("vendas[0].numero", equalTo(42));
    }

    @Test
    void createsContractWithItsFirstSale() {
        String cliente = pessoa("Alfa", "11.222.333/0001-81");
        String item = produto("Assinatura", "ASS-01", 100);
        Map<String, Object> contrato = Map.of("id_cliente", cliente,
                "itens", List.of(Map.of("id", item, "quantidade", 1, "valor", 99.9)),
                "condicao_pagamento", Map.of("dia_vencimento", 10, "primeira_data_vencimento", "2026-02-10"),
                "termos", Map.of("tipo_frequencia", "MENSAL", "tipo_expiracao", "DATA", "data_inicio", "2026-01-10",
                        "data_fim", "2026-12-10", "numero", 1));

        String idVenda = api().body(contrato).post(BASE + "/v1/contratos").then().statusCode(200)
                .body("id", notNullValue()).extract().path("id_venda");
        api().body(contrato).post(BASE + "/v1/contratos").then().statusCode(400);
        Map<String, Object> fractional = new java.util.HashMap<>(contrato);
        fractional.put("itens", List.of(Map.of("id", item, "quantidade", 1.5, "valor", 99.9)));
        fractional.put("termos", Map.of("tipo_frequencia", "MENSAL", "tipo_expiracao", "DATA", "data_inicio",
                "2026-01-10", "data_fim", "2026-12-10", "numero", 7));
        api().body(fractional).post(BASE + "/v1/contratos").then().statusCode(400);
        api().queryParam("data_inicio", "2026-01-01").queryParam("data_fim", "2026-12-31").get(BASE + "/v1/contratos")
                .then().body("itens_totais", equalTo(1)).body("items[0].cliente.nome", equalTo("Alfa"));
        api().get(BASE + "/v1/venda/" + idVenda).then().statusCode(200).body("contrato.uuid", notNullValue());
        api().get(BASE + "/v1/contratos/proximo-numero").then().body(equalTo("2"));
    }
}
