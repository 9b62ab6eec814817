package dev.ponte.sandbox.contaazul;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The emulator's Conta Azul Financeiro (wave2-contracts §4), over raw HTTP: categories and financial accounts, the
 * synchronous creates and their validation rules, the instalment search, instalments by id and by event, and the
 * shared faults and rate limits on these routes.
 */
@QuarkusTest
class ContaAzulFinanceiroSandboxTest {

    private static final String BASE = "/sandbox/contaazul";
    private static final String EVENTOS = BASE + "/v1/financeiro/eventos-financeiros";
    private static final String REDIRECT = "https://ponte.example/callback";
    private static final String RECEITA = ContaAzul.CATEGORIAS.get(1).id().toString();
    private static final String DESPESA = ContaAzul.CATEGORIAS.get(4).id().toString();
    private static final String CONTA = ContaAzul.CONTAS_FINANCEIRAS.get(0).id().toString();
    private static final String INATIVA = ContaAzul.CONTAS_FINANCEIRAS.get(2).id().toString();
    private static final String RECEBA_FACIL = ContaAzul.CONTAS_FINANCEIRAS.get(3).id().toString();

    private String token;

    @BeforeEach
    void resetAndConnect() {
        given().delete(BASE + "/_state").then().statusCode(204);
        given().delete(BASE + "/_faults").then().statusCode(204);
        // Several calls in a row check the API's answers: the limits are lifted, and put back to test them below.
        given().contentType(ContentType.JSON).body("{}").post(BASE + "/_limits").then().statusCode(200);
        String location = given().redirects().follow(false).queryParam("response_type", "code")
                .queryParam("client_id", ContaAzul.CLIENT_ID).queryParam("redirect_uri", REDIRECT)
                .queryParam("scope", "openid profile").get(BASE + "/auth/oauth2/authorize").then().statusCode(302)
                .extract().header("Location");
        String code = URI.create(location).getQuery().replaceAll(".*code=([^&]+).*", "$1");
        token = given().auth().preemptive().basic(ContaAzul.CLIENT_ID, ContaAzul.CLIENT_SECRET)
                .formParam("grant_type", "authorization_code").formParam("code", code)
                .formParam("redirect_uri", REDIRECT).post(BASE + "/auth/oauth2/token").then().statusCode(200)
                .body("id_token", notNullValue()).extract().path("access_token");
    }

    @AfterEach
    void restoreLimits() {
        given().delete(BASE + "/_limits").then().statusCode(200);
    }

    @Test
    void listsLeafOrAllCategoriesPerTypeAndRefusesAnUnknownPageSize() {
        api().queryParam("tipo", "RECEITA").queryParam("apenas_filhos", true).get(BASE + "/v1/categorias").then()
                .statusCode(200).body("itens_totais", equalTo(2)).body("itens.tipo", hasSize(2))
                .body("itens.categoria_pai", equalTo(List.of(ContaAzul.CATEGORIAS.get(0).id().toString(),
                        ContaAzul.CATEGORIAS.get(0).id().toString())));
        api().queryParam("tipo", "DESPESA").get(BASE + "/v1/categorias").then().statusCode(200)
                .body("itens_totais", equalTo(3));
        api().queryParam("tamanho_pagina", 7).get(BASE + "/v1/categorias").then().statusCode(400)
                .body("error", containsString("'tamanho_pagina'"));
    }

    @Test
    void listsActiveFinancialAccountsWithOneDefault() {
        JsonPath contas = api().queryParam("apenas_ativo", true).get(BASE + "/v1/conta-financeira").then()
                .statusCode(200).extract().jsonPath();
        assertThat(contas.getList("itens.nome", String.class)).doesNotContain("Conta antiga Itaú");
        assertThat(contas.getList("itens.findAll { it.conta_padrao }.id", String.class)).containsExactly(CONTA);
        api().get(BASE + "/v1/conta-financeira").then().body("itens_totais", equalTo(4));
    }

    @Test
    void createsAReceivableSynchronouslyWithItsInstalments() {
        String cliente = pessoa("Alfa Comércio Ltda", "Cliente");

        JsonPath created = api().body(receivable(cliente, "Venda 1 [ref:1]", 150, 100, 50))
                .post(EVENTOS + "/contas-a-receber").then().statusCode(201).body("id", notNullValue())
                .body("parcelas", hasSize(2)).extract().jsonPath();

        String id = created.getString("id");
        String parcela = created.getString("parcelas[1].id");
        api().get(EVENTOS + "/parcelas/" + parcela).then().statusCode(200).body("evento.id", equalTo(id))
                .body("evento.tipo", equalTo("RECEITA")).body("evento.codigo_referencia", equalTo("ref:1"))
                .body("indice", equalTo(2)).body("valor_composicao.valor_bruto", equalTo(50));
        api().get(EVENTOS + "/" + id + "/parcelas").then().statusCode(200).body("id", hasSize(2));
        api().get(EVENTOS + "/parcelas/" + UUID.randomUUID()).then().statusCode(404);
        given().get(BASE + "/_state").then().body("eventos_financeiros", hasSize(1))
                .body("eventos_financeiros[0].id", equalTo(id));
    }

    @Test
    void answersWithAProtocolAsBefore18October2026WhenAsked() {
        String cliente = pessoa("Alfa Comércio Ltda", "Cliente");
        given().contentType(ContentType.JSON).body(Map.of("create", "protocol")).post(BASE + "/_controls/financeiro")
                .then().statusCode(200);

        api().body(receivable(cliente, "Venda", 150, 100, 50)).post(EVENTOS + "/contas-a-receber").then()
                .statusCode(202).body("protocolo", notNullValue()).body("status", equalTo("PENDING"));

        given().get(BASE + "/_state").then().body("eventos_financeiros", hasSize(1));
        given().contentType(ContentType.JSON).body(Map.of("create", "later")).post(BASE + "/_controls/financeiro")
                .then().statusCode(400);
    }

    @Test
    void refusesInvalidEntriesNamingTheFieldAndStoresNothing() {
        String cliente = pessoa("Alfa Comércio Ltda", "Cliente");
        Map<String, Consumer<Map<String, Object>>> cases = new java.util.LinkedHashMap<>();
        cases.put("descricao", b -> b.remove("descricao"));
        cases.put("data_competencia", b -> b.put("data_competencia", "20/11/2026"));
        cases.put("valor", b -> b.put("valor", 0));
        cases.put("conta_financeira", b -> b.put("conta_financeira", INATIVA));
        cases.put("id_cliente", b -> b.put("id_cliente", UUID.randomUUID().toString()));
        cases.put("contato", b -> b.put("contato", UUID.randomUUID().toString()));
        cases.put("rateio", b -> b.put("valor", 149));
        cases.put("rateio[0].id_categoria", b -> b.put("rateio", List.of(Map.of("id_categoria", DESPESA,
                "valor", 150))));
        cases.put("condicao_pagamento.parcelas", b -> b.put("condicao_pagamento", Map.of("parcelas",
                List.of(parcela("2026-12-01", 100)))));
        cases.put("condicao_pagamento.parcelas[0].data_vencimento", b -> b.put("condicao_pagamento",
                Map.of("parcelas", List.of(Map.of("detalhe_valor", Map.of("valor_bruto", 150))))));
        cases.put("condicao_pagamento.parcelas[0].metodo_pagamento", b -> b.put("condicao_pagamento",
                Map.of("parcelas", List.of(Map.of("data_vencimento", "2026-12-01", "metodo_pagamento", "ESCAMBO",
                        "detalhe_valor", Map.of("valor_bruto", 150))))));
        cases.forEach((field, change) -> {
            Map<String, Object> body = receivable(cliente, "Venda", 150, 100, 50);
            change.accept(body);
            api().body(body).post(EVENTOS + "/contas-a-receber").then().statusCode(400)
                    .body("error", containsString("'" + field + "'"));
        });
        given().get(BASE + "/_state").then().body("eventos_financeiros", hasSize(0));
    }

    @Test
    void aPayableNamesItsSupplierAndRefusesAReceitaCategoryOrAReceiveOnlyAccount() {
        String fornecedor = pessoa("Papelaria Central Ltda", "Fornecedor");
        Map<String, Object> payable = payable(fornecedor, DESPESA, CONTA);

        api().body(payable(fornecedor, RECEITA, CONTA)).post(EVENTOS + "/contas-a-pagar").then().statusCode(400)
                .body("error", containsString("'rateio[0].id_categoria'"));
        api().body(payable(fornecedor, DESPESA, RECEBA_FACIL)).post(EVENTOS + "/contas-a-pagar").then()
                .statusCode(400).body("error", containsString("'conta_financeira'"));
        Map<String, Object> withoutSupplier = new HashMap<>(payable);
        withoutSupplier.remove("id_fornecedor");
        api().body(withoutSupplier).post(EVENTOS + "/contas-a-pagar").then().statusCode(400)
                .body("error", containsString("'id_fornecedor'"));
        api().body(payable).post(EVENTOS + "/contas-a-pagar").then().statusCode(201);

        api().queryParam("data_vencimento_de", "2026-12-01").queryParam("data_vencimento_ate", "2026-12-01")
                .get(EVENTOS + "/contas-a-pagar/buscar").then().statusCode(200).body("itens_totais", equalTo(1))
                .body("itens[0].fornecedor.id", equalTo(fornecedor)).body("itens[0].cliente", equalTo(null));
        api().queryParam("data_vencimento_de", "2026-12-01").queryParam("data_vencimento_ate", "2026-12-01")
                .get(EVENTOS + "/contas-a-receber/buscar").then().statusCode(200).body("itens_totais", equalTo(0));
    }

    @Test
    void theSearchRequiresItsDueDateWindowAndWellFormedValues() {
        api().get(EVENTOS + "/contas-a-receber/buscar").then().statusCode(400)
                .body("error", containsString("'data_vencimento_de'"));
        api().queryParam("data_vencimento_de", "2026-12-01").get(EVENTOS + "/contas-a-receber/buscar").then()
                .statusCode(400).body("error", containsString("'data_vencimento_ate'"));
        window().queryParam("valor_de", "10,50").get(EVENTOS + "/contas-a-receber/buscar").then().statusCode(400)
                .body("error", containsString("'valor_de'"));
        window().queryParam("tamanho_pagina", 15).get(EVENTOS + "/contas-a-receber/buscar").then().statusCode(400);
    }

    @Test
    void theSearchFiltersByDescriptionCustomerValueAndDueDateAndPages() {
        String alfa = pessoa("Alfa Comércio Ltda", "Cliente");
        String beta = pessoa("Beta Serviços Ltda", "Cliente");
        api().body(receivable(alfa, "Venda [ponte:x:deal:1]", 150, 100, 50)).post(EVENTOS + "/contas-a-receber")
                .then().statusCode(201);
        api().body(receivable(beta, "Venda [ponte:x:deal:2]", 150, 100, 50)).post(EVENTOS + "/contas-a-receber")
                .then().statusCode(201);
        List<Map<String, Object>> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(parcela("2026-12-01", 10));
        }
        Map<String, Object> long11 = receivable(beta, "Mensalidade", 110, 10, 0);
        long11.put("condicao_pagamento", Map.of("parcelas", eleven));
        api().body(long11).post(EVENTOS + "/contas-a-receber").then().statusCode(201);

        window().queryParam("descricao", "PONTE:X:DEAL:1").get(EVENTOS + "/contas-a-receber/buscar").then()
                .statusCode(200).body("itens_totais", equalTo(1)).body("itens[0].cliente.id", equalTo(alfa))
                .body("itens[0].total", equalTo(100));
        window().queryParam("ids_clientes", alfa).queryParam("ids_clientes", beta).queryParam("valor_de", "100")
                .queryParam("valor_ate", "100.00").get(EVENTOS + "/contas-a-receber/buscar").then()
                .body("itens_totais", equalTo(2));
        window().queryParam("ids_clientes", beta + "," + UUID.randomUUID()).queryParam("tamanho_pagina", 10)
                .get(EVENTOS + "/contas-a-receber/buscar").then().body("itens_totais", equalTo(12))
                .body("itens", hasSize(10));
        window().queryParam("ids_clientes", beta).queryParam("pagina", 2).queryParam("tamanho_pagina", 10)
                .get(EVENTOS + "/contas-a-receber/buscar").then().body("itens", hasSize(2));
        api().queryParam("data_vencimento_de", "2027-01-01").queryParam("data_vencimento_ate", "2027-01-31")
                .get(EVENTOS + "/contas-a-receber/buscar").then().body("itens_totais", equalTo(2))
                .body("itens.total", equalTo(List.of(50, 50)));
    }

    @Test
    void theSharedFaultsApplyToTheFinancialRoutes() {
        String cliente = pessoa("Alfa Comércio Ltda", "Cliente");
        given().get(BASE + "/v1/categorias").then().statusCode(401);
        faults(Map.of("next_500", 1));
        api().body(receivable(cliente, "Venda", 150, 100, 50)).post(EVENTOS + "/contas-a-receber").then()
                .statusCode(500);
        faults(Map.of("next_429", 1, "retry_after_seconds", 4));
        window().get(EVENTOS + "/contas-a-receber/buscar").then().statusCode(429).header("Retry-After", "4");
        given().get(BASE + "/_state").then().body("eventos_financeiros", hasSize(0));
        faults(Map.of("drop_after_commit", 1, "drop_mode", "502"));
        api().body(receivable(cliente, "Venda", 150, 100, 50)).post(EVENTOS + "/contas-a-receber").then()
                .statusCode(502);
        given().get(BASE + "/_state").then().body("eventos_financeiros", hasSize(1));
    }

    @Test
    void theAccountsRateLimitCountsTheFinancialRoutes() {
        given().contentType(ContentType.JSON).body(Map.of("requests_per_second", 1)).post(BASE + "/_limits").then()
                .statusCode(200);

        api().get(BASE + "/v1/conta-financeira").then().statusCode(200);
        api().get(BASE + "/v1/categorias").then().statusCode(429).header("Retry-After", "1")
                .body("error", containsString("Limite"));
    }

    private RequestSpecification api() {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private RequestSpecification window() {
        return api().queryParam("data_vencimento_de", "2026-11-01").queryParam("data_vencimento_ate", "2026-12-31");
    }

    private static void faults(Map<String, Object> spec) {
        given().contentType(ContentType.JSON).body(spec).post(BASE + "/_faults").then().statusCode(200);
    }

    private String pessoa(String nome, String perfil) {
        return api().body(Map.of("nome", nome, "tipo_pessoa", "Jurídica", "perfis",
                List.of(Map.of("tipo_perfil", perfil)))).post(BASE + "/v1/pessoas").then().statusCode(200)
                .extract().path("id");
    }

    /** {@code valor}, booked whole under a receita leaf, in two instalments (the second a month later). */
    private static Map<String, Object> receivable(String cliente, String descricao, int valor, int first,
            int second) {
        List<Map<String, Object>> parcelas = new ArrayList<>(List.of(parcela("2026-12-01", first)));
        if (second > 0) {
            parcelas.add(parcela("2027-01-01", second));
        }
        return new HashMap<>(Map.of("descricao", descricao, "data_competencia", "2026-11-20", "valor", valor,
                "observacao", "ponte", "contato", cliente, "id_cliente", cliente, "conta_financeira", CONTA,
                "rateio", List.of(Map.of("id_categoria", RECEITA, "valor", valor)),
                "condicao_pagamento", Map.of("parcelas", parcelas), "referencia_externa", "ref:1"));
    }

    private static Map<String, Object> payable(String fornecedor, String categoria, String conta) {
        return new HashMap<>(Map.of("descricao", "Compra", "data_competencia", "2026-11-20", "valor", 80,
                "id_fornecedor", fornecedor, "conta_financeira", conta,
                "rateio", List.of(Map.of("id_categoria", categoria, "valor", 80)),
                "condicao_pagamento", Map.of("parcelas", List.of(parcela("2026-12-01", 80)))));
    }

    private static Map<String, Object> parcela(String vencimento, int valor) {
        return Map.of("descricao", "Parcela", "data_vencimento", vencimento, "nota", "n",
                "detalhe_valor", Map.of("valor_bruto", valor), "metodo_pagamento", "BOLETO_BANCARIO");
    }
}
