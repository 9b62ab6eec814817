package dev.ponte.flow;

import static dev.ponte.connector.moskit.MoskitSeeds.company;
import static dev.ponte.connector.moskit.MoskitSeeds.field;
import static dev.ponte.connector.moskit.MoskitSeeds.product;
import static dev.ponte.connector.moskit.MoskitSeeds.text;
import static dev.ponte.flow.MoskitToContaAzul.CONTA_AZUL;
import static dev.ponte.flow.MoskitToContaAzul.connect;
import static dev.ponte.flow.MoskitToContaAzul.connected;
import static dev.ponte.flow.MoskitToContaAzul.contaAzul;
import static dev.ponte.flow.MoskitToContaAzul.entries;
import static dev.ponte.flow.MoskitToContaAzul.eventually;
import static dev.ponte.flow.MoskitToContaAzul.sales;
import static dev.ponte.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ponte.connector.moskit.MoskitSeeds;
import dev.ponte.connector.moskit.MoskitSeeds.Line;
import io.quarkus.logging.Log;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Moskit → Conta Azul Financeiro over real HTTP against the sandbox emulators: a won deal's receivable (R21) and
 * payable (R22) filled from the connection's mapping, several actions of one trigger (R23), the mapping checked when
 * saved, and the crash between the ledger's create and Ponte's commit.
 */
@QuarkusTest
class MoskitWonDealToEntryTest {

    private static final String CNPJ = "11.222.333/0001-81";
    private static final String BANCO_DO_BRASIL = "4c0e8a10-0000-4000-8000-000000000101";
    private static final String CAIXINHA = "4c0e8a10-0000-4000-8000-000000000102";
    private static final String VENDAS_DE_PRODUTOS = "ca7e6a00-0000-4000-8000-000000000002";
    private static final String PRESTACAO_DE_SERVICOS = "ca7e6a00-0000-4000-8000-000000000003";
    private static final String SERVICOS_DE_TERCEIROS = "ca7e6a00-0000-4000-8000-000000000013";
    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

    @BeforeEach
    void reset() {
        MoskitToContaAzul.resetSandboxes();
    }

    /** The mapping of the README: a template, constants and source fields. */
    static Map<String, String> receivableMapping() {
        Map<String, String> fields = new HashMap<>();
        fields.put("competence", "{deal.wonDate}");
        fields.put("value", "{deal.value}");
        fields.put("description", "Pedido {deal.title} – {company.name}");
        fields.put("notes", "Centro de custo: {deal.field:Centro de custo}");
        fields.put("financialAccount", "Conta corrente Banco do Brasil");
        fields.put("category", "Vendas de produtos");
        fields.put("customerName", "{customer.name}");
        fields.put("customerType", "{customer.type}");
        fields.put("role", "Cliente");
        return fields;
    }

    private static Map<String, String> with(Map<String, String> fields, String name, String value) {
        Map<String, String> changed = new HashMap<>(fields);
        if (value == null) {
            changed.remove(name);
        } else {
            changed.put(name, value);
        }
        return changed;
    }

    /** A company with its CNPJ in the custom field "CNPJ", and its won-to-be deal with a "Centro de custo". */
    private static long acmeDeal(String title, long centavos, String costCentre) {
        String cnpj = field("CNPJ", "COMPANY", "TEXT");
        String centre = field("Centro de custo", "DEAL", "TEXT");
        long org = company("Acme Ltda", List.of(text(cnpj, CNPJ)));
        long item = product("Caneta", "CAN-1", centavos);
        return MoskitSeeds.deal(title, centavos, org, null, MoskitSeeds.SALES_STAGE,
                List.of(new Line(item, BigDecimal.ONE, centavos)), "OPEN", List.of(text(centre, costCentre)));
    }

    @Test
    void r61_aDryRunPreviewsTheReceivableAndPayableAsMappedWritingNothingThenSaysTheyExist() {
        long deal = acmeDeal("42", 100_000, "Loja SP");
        MoskitSeeds.setStatus(deal, "WON");
        MoskitToContaAzul c = connected(List.of("WonDealToReceivable", "WonDealToPayable"), Map.of("taxIdField",
                "CNPJ"));
        c.putMapping("receivable", receivableMapping()).then().statusCode(200);
        LocalDate today = LocalDate.now(SAO_PAULO);
        Map<String, Object> range = Map.of("from", today.minusDays(2) + "T00:00:00Z", "to",
                today.plusDays(2) + "T00:00:00Z");

        JsonPath before = dryRun(c, range);
        assertThat(before.getInt("records")).isEqualTo(1);
        assertThat(before.getString("previews.find { it.flow == 'WonDealToReceivable' }.outcome")).isEqualTo("CREATE");
        assertThat(before.getList("previews.find { it.flow == 'WonDealToReceivable' }.decisions", String.class))
                .anyMatch(d -> d.contains("Acme Ltda")).last().asString()
                .isEqualTo("a receivable of 1000.00 BRL, competence " + today + ", \"Pedido 42 – Acme Ltda\" would be "
                        + "created");
        // No payable mapping is saved: the payable would be refused, saying what to do.
        assertThat(before.getString("previews.find { it.flow == 'WonDealToPayable' }.outcome")).isEqualTo("REFUSE");
        assertThat(before.getList("previews.find { it.flow == 'WonDealToPayable' }.decisions", String.class))
                .anyMatch(d -> d.contains("no payable mapping"));
        assertThat(entries()).isEmpty();
        assertThat(contaAzul().getList("pessoas")).isEmpty();

        as(c.tenant.key()).post("/api/v1/connections/" + c.connection + "/enable").then().statusCode(200);
        as(c.tenant.key()).body(Map.of("mode", "backfill", "from", range.get("from"), "to", range.get("to")))
                .post("/api/v1/connections/" + c.connection + "/runs").then().statusCode(202);
        eventually(() -> assertThat(entries()).hasSize(1));
        eventually(() -> assertThat(dryRun(c, range).getString(
                "previews.find { it.flow == 'WonDealToReceivable' }.outcome")).isEqualTo("REUSE"));
    }

    private static JsonPath dryRun(MoskitToContaAzul c, Map<String, Object> range) {
        return as(c.tenant.key()).body(range).post("/api/v1/connections/" + c.connection + "/dry-run").then()
                .statusCode(200).extract().jsonPath();
    }

    @Test
    void r21_wonDealBecomesOneReceivableWithEveryFieldAsMapped() {
        long deal = acmeDeal("42", 100_000, "Loja SP");
        MoskitToContaAzul c = connect(List.of("WonDealToReceivable"), Map.of("taxIdField", "CNPJ",
                "instalments", 3, "dueInDays", 10, "paymentMethod", "BOLETO_BANCARIO"),
                Map.of("receivable", receivableMapping()));
        MoskitSeeds.setStatus(deal, "WON");
        assertThat(MoskitSeeds.deliver(c.webhookUrl(), deal, 2)).containsOnly(202);
        eventually(() -> assertThat(c.history(deal)).anyMatch(m -> m.startsWith("receivable ")
                && m.contains(" created: ")));

        JsonPath ledger = contaAzul();
        Log.infof("R21 receivable: %s", given().get(CONTA_AZUL + "/_state").then().extract().jsonPath()
                .prettify());
        assertThat(entries()).hasSize(1);
        assertThat(sales()).isZero();
        LocalDate today = LocalDate.now(SAO_PAULO);
        assertThat(ledger.getString("eventos_financeiros[0].tipo")).isEqualTo("RECEITA");
        assertThat(ledger.getString("eventos_financeiros[0].descricao"))
                .isEqualTo("Pedido 42 – Acme Ltda [ponte:" + c.connection + ":deal:" + deal + "]");
        assertThat(ledger.getString("eventos_financeiros[0].observacao")).startsWith("Centro de custo: Loja SP");
        assertThat(ledger.getString("eventos_financeiros[0].data_competencia")).isEqualTo(today.toString());
        assertThat(new BigDecimal(ledger.getString("eventos_financeiros[0].valor"))).isEqualByComparingTo("1000.00");
        assertThat(ledger.getString("eventos_financeiros[0].id_conta_financeira")).isEqualTo(BANCO_DO_BRASIL);
        assertThat(ledger.getString("eventos_financeiros[0].rateio[0].id_categoria")).isEqualTo(VENDAS_DE_PRODUTOS);
        assertThat(ledger.getString("eventos_financeiros[0].referencia_externa"))
                .isEqualTo("ponte:" + c.connection + ":deal:" + deal);
        assertThat(ledger.getList("eventos_financeiros[0].parcelas.valor_bruto", String.class).stream()
                .map(BigDecimal::new).toList()).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("333.33"), new BigDecimal("333.33"), new BigDecimal("333.34"));
        assertThat(ledger.getList("eventos_financeiros[0].parcelas.data_vencimento")).containsExactly(
                today.plusDays(10).toString(), today.plusDays(10).plusMonths(1).toString(),
                today.plusDays(10).plusMonths(2).toString());
        assertThat(ledger.getList("eventos_financeiros[0].parcelas.metodo_pagamento")).containsOnly("BOLETO_BANCARIO");
        assertThat(ledger.getList("pessoas")).hasSize(1);
        assertThat(ledger.getString("pessoas[0].nome")).isEqualTo("Acme Ltda");
        assertThat(ledger.getString("pessoas[0].documento")).isEqualTo("11222333000181");
        assertThat(ledger.getString("pessoas[0].tipo_pessoa")).isEqualTo("Jurídica");
        assertThat(ledger.getString("eventos_financeiros[0].id_contato")).isEqualTo(ledger.getString("pessoas[0].id"));
        assertThat(c.jobs("status=SUCCEEDED").getList("items.kind")).containsExactly("deal.receivable");
    }

    @Test
    void r22_wonDealBecomesOnePayableToTheMappedSupplier() {
        String partner = field("Parceiro", "DEAL", "TEXT");
        long org = company("Acme Ltda", List.of());
        long item = product("Caneta", null, 50_000);
        long deal = MoskitSeeds.deal("Venda", 50_000L, org, null, MoskitSeeds.SALES_STAGE,
                List.of(new Line(item, BigDecimal.ONE, 50_000)), "OPEN", List.of(text(partner, "Indica Ltda")));
        Map<String, String> payable = new HashMap<>();
        payable.put("competence", "{deal.wonDate}");
        payable.put("value", "150,00");
        payable.put("description", "Comissão {deal.title} ({deal.id})");
        payable.put("notes", "Indicação de {deal.field:Parceiro} para {customer.name}");
        payable.put("financialAccount", "Caixinha");
        payable.put("category", "Serviços de terceiros");
        payable.put("customerName", "{deal.field:Parceiro}");
        payable.put("customerType", "PJ");
        payable.put("role", "Fornecedor");
        MoskitToContaAzul c = connect(List.of("WonDealToPayable"), Map.of(), Map.of("payable", payable));
        c.win(deal);
        eventually(() -> assertThat(c.history(deal)).anyMatch(m -> m.startsWith("payable ") && m.contains(" created: ")));

        JsonPath ledger = contaAzul();
        assertThat(entries()).hasSize(1);
        assertThat(ledger.getString("eventos_financeiros[0].tipo")).isEqualTo("DESPESA");
        assertThat(new BigDecimal(ledger.getString("eventos_financeiros[0].valor"))).isEqualByComparingTo("150.00");
        assertThat(ledger.getString("eventos_financeiros[0].descricao")).startsWith("Comissão Venda (" + deal + ") [");
        assertThat(ledger.getString("eventos_financeiros[0].observacao"))
                .startsWith("Indicação de Indica Ltda para Acme Ltda");
        assertThat(ledger.getString("eventos_financeiros[0].id_conta_financeira")).isEqualTo(CAIXINHA);
        assertThat(ledger.getString("eventos_financeiros[0].rateio[0].id_categoria")).isEqualTo(SERVICOS_DE_TERCEIROS);
        assertThat(ledger.getList("eventos_financeiros[0].parcelas")).hasSize(1);
        assertThat(ledger.getList("pessoas.nome")).containsExactly("Indica Ltda");
        assertThat(ledger.getList("pessoas[0].perfis")).containsExactly("Fornecedor");
        assertThat(ledger.getString("pessoas[0].tipo_pessoa")).isEqualTo("Jurídica");
        assertThat(ledger.getString("eventos_financeiros[0].id_contato")).isEqualTo(ledger.getString("pessoas[0].id"));
        assertThat(c.history(deal)).anyMatch(m -> m.contains("supplier") || m.contains("created"));
    }

    @Test
    void r23_saleAndReceivableRunOnceEachAndARefusedReceivableRetriedNeverRecreatesTheSale() {
        long deal = acmeDeal("7", 20_000, "Loja RJ");
        MoskitToContaAzul c = connect(List.of("WonDealToSale", "WonDealToReceivable"), Map.of("taxIdField", "CNPJ"),
                Map.of("receivable", receivableMapping()));
        // The mapping's category is deleted in Conta Azul after the mapping was saved.
        given().delete(CONTA_AZUL + "/_controls/categorias/" + VENDAS_DE_PRODUTOS).then().statusCode(200);
        MoskitSeeds.setStatus(deal, "WON");
        assertThat(MoskitSeeds.deliver(c.webhookUrl(), deal, 2)).containsOnly(202);

        eventually(() -> {
            assertThat(c.jobs("status=SUCCEEDED").getList("items.kind")).containsExactly("deal.changed");
            assertThat(c.jobs("status=DEAD").getList("items.kind")).containsExactly("deal.receivable");
        });
        JsonPath dead = c.jobs("status=DEAD");
        Log.infof("R23 refused receivable: %s", dead.getString("items[0].lastError"));
        assertThat(dead.getString("items[0].lastError")).contains("categor");
        assertThat(sales()).isEqualTo(1);
        assertThat(entries()).isEmpty();

        // The person fixes the mapping and retries the receivable alone.
        c.putMapping("receivable", with(receivableMapping(), "category", "Prestação de serviços")).then()
                .statusCode(200);
        as(c.tenant.key()).post("/api/v1/jobs/" + dead.getLong("items[0].id") + "/retry").then().statusCode(200);
        eventually(() -> assertThat(c.jobs("status=SUCCEEDED").getList("items.kind"))
                .containsExactlyInAnyOrder("deal.changed", "deal.receivable"));

        JsonPath ledger = contaAzul();
        assertThat(ledger.getList("vendas")).hasSize(1);
        assertThat(entries()).hasSize(1);
        assertThat(ledger.getString("eventos_financeiros[0].rateio[0].id_categoria")).isEqualTo(PRESTACAO_DE_SERVICOS);
        assertThat(ledger.getList("pessoas")).hasSize(1);
        assertThat(ledger.getString("eventos_financeiros[0].id_contato")).isEqualTo(ledger.getString("vendas[0].idCliente"));
        List<String> history = c.history(deal);
        assertThat(history.stream().filter(m -> m.contains("created pending review"))).hasSize(1);
        assertThat(history.stream().filter(m -> m.startsWith("receivable ") && m.contains(" created: "))).hasSize(1);
        assertThat(c.jobs("size=50").getList("items")).hasSize(2);
    }

    @Test
    void aCategoryTakenFromTheDealIsCheckedBeforeSendingAndTheRefusedJobRetriedOnceTheDealIsFixed() {
        String category = field("Categoria", "DEAL", "TEXT");
        long org = company("Acme Ltda", List.of());
        long item = product("Caneta", null, 5_000);
        long deal = MoskitSeeds.deal("Venda", 5_000L, org, null, MoskitSeeds.SALES_STAGE,
                List.of(new Line(item, BigDecimal.ONE, 5_000)), "OPEN", List.of(text(category, "Consultoria")));
        MoskitToContaAzul c = connect(List.of("WonDealToReceivable"), Map.of(),
                Map.of("receivable", with(with(receivableMapping(), "category", "{deal.field:Categoria}"), "notes",
                        "Negócio {deal.id}")));
        c.win(deal);
        eventually(() -> assertThat(c.jobs("status=DEAD").getList("items.kind")).containsExactly("deal.receivable"));
        JsonPath dead = c.jobs("status=DEAD");
        assertThat(dead.getString("items[0].lastError")).contains("no category named \"Consultoria\"")
                .contains("Prestação de serviços").contains("mapping.category");
        assertThat(entries()).isEmpty();

        // The person fixes the deal's category in the CRM and retries.
        String path = MoskitSeeds.SANDBOX.path("/v2/deals/" + deal);
        Map<String, Object> body = new HashMap<>(MoskitSeeds.admitted(() -> MoskitSeeds.moskit().get(path))
                .then().statusCode(200).extract().jsonPath().getMap(""));
        body.put("entityCustomFields", List.of(text(category, "Prestação de serviços")));
        MoskitSeeds.admitted(() -> MoskitSeeds.moskit().body(body).put(path)).then().statusCode(200);
        as(c.tenant.key()).post("/api/v1/jobs/" + dead.getLong("items[0].id") + "/retry").then().statusCode(200);
        eventually(() -> assertThat(entries()).hasSize(1));
        assertThat(contaAzul().getString("eventos_financeiros[0].rateio[0].id_categoria"))
                .isEqualTo(PRESTACAO_DE_SERVICOS);
    }

    @Test
    void aConnectionWithoutItsMappingRefusesTheJobSayingWhatToSave() {
        long deal = acmeDeal("1", 1_000, "Loja SP");
        MoskitToContaAzul c = connect(List.of("WonDealToReceivable"), Map.of(), Map.of());
        c.win(deal);
        eventually(() -> assertThat(c.jobs("status=DEAD").getList("items.kind")).containsExactly("deal.receivable"));
        assertThat(c.jobs("status=DEAD").getString("items[0].lastError"))
                .contains("/entry-mappings/receivable");
        assertThat(entries()).isEmpty();
    }

    @Test
    void mappingIsCheckedWhenSavedAndEachFieldAtFaultNamed() {
        field("Centro de custo", "DEAL", "TEXT");
        MoskitToContaAzul c = connected(List.of("WonDealToReceivable"), Map.of());
        as(c.tenant.key()).get("/api/v1/connections/" + c.connection + "/entry-mappings/receivable").then()
                .statusCode(404);

        assertRefused(c, "receivable", with(receivableMapping(), "role", null), "fields.role");
        assertRefused(c, "receivable", with(receivableMapping(), "description", "Pedido {deal.nome}"),
                "fields.description");
        assertRefused(c, "receivable", with(receivableMapping(), "description", "Pedido {deal.title"),
                "fields.description");
        assertRefused(c, "receivable", with(receivableMapping(), "notes", "{deal.field:Centro de lucro}"),
                "fields.notes");
        assertRefused(c, "receivable", with(receivableMapping(), "category", "Vendas de serviços"), "fields.category");
        assertRefused(c, "payable", with(with(receivableMapping(), "role", "Fornecedor"), "category",
                "Vendas de produtos"), "fields.category");
        assertRefused(c, "receivable", with(receivableMapping(), "financialAccount", "Conta antiga Itaú"),
                "fields.financialAccount");
        assertRefused(c, "receivable", with(receivableMapping(), "customerType", "XX"), "fields.customerType");
        assertRefused(c, "receivable", with(receivableMapping(), "value", "muito"), "fields.value");
        assertRefused(c, "receivable", with(receivableMapping(), "competence", "amanhã"), "fields.competence");
        assertRefused(c, "receivable", with(receivableMapping(), "dueDate", "{deal.wonDate}"), "fields.dueDate");

        c.putMapping("receivable", with(receivableMapping(), "category", "vendas de PRODUTOS")).then().statusCode(200);
        JsonPath saved = as(c.tenant.key()).get("/api/v1/connections/" + c.connection + "/entry-mappings/receivable")
                .then().statusCode(200).extract().jsonPath();
        assertThat(saved.getString("fields.description")).isEqualTo("Pedido {deal.title} – {company.name}");
        assertThat(saved.getString("categoryId")).isEqualTo(VENDAS_DE_PRODUTOS);
        assertThat(saved.getString("financialAccountId")).isEqualTo(BANCO_DO_BRASIL);
    }

    private static void assertRefused(MoskitToContaAzul c, String kind, Map<String, String> fields, String field) {
        JsonPath problem = c.putMapping(kind, fields).then().statusCode(422).contentType("application/problem+json")
                .extract().jsonPath();
        assertThat(problem.getList("errors.field")).as(fields.toString()).containsExactly(field);
        assertThat(problem.getString("errors[0].message")).isNotBlank();
    }

    @Test
    void aReceivableWhoseCreateAnswerIsLostIsFoundByItsReferenceAndNotCreatedAgain() {
        long deal = acmeDeal("9", 12_345, "Loja MG");
        MoskitToContaAzul c = connect(List.of("WonDealToReceivable"), Map.of("taxIdField", "CNPJ"),
                Map.of("receivable", receivableMapping()));
        given().contentType(ContentType.JSON).header("Authorization", "Bearer "
                + PipedriveToContaAzul.contaAzulToken()).body(Map.of("nome", "ACME LTDA", "tipo_pessoa", "Jurídica",
                        "cnpj", "11222333000181")).post(CONTA_AZUL + "/v1/pessoas").then().statusCode(200);
        // The next create Conta Azul commits (the receivable: the customer exists) loses its answer.
        given().contentType(ContentType.JSON).body(Map.of("drop_after_commit", 1)).post(CONTA_AZUL + "/_faults")
                .then().statusCode(200);
        c.win(deal);
        eventually(() -> assertThat(c.history(deal)).anyMatch(m -> m.contains("found by its reference")));
        assertThat(entries()).hasSize(1);
        assertThat(contaAzul().getList("pessoas")).hasSize(1);
        assertThat(c.jobs("status=SUCCEEDED").getList("items.kind")).containsExactly("deal.receivable");
        assertThat(c.history(deal)).noneMatch(m -> m.contains(" created: "));
    }
}
