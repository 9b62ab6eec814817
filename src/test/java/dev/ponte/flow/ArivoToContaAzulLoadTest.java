package dev.ponte.flow;

import static dev.ponte.flow.ArivoToContaAzul.ARIVO;
import static dev.ponte.flow.ArivoToContaAzul.CONTA_AZUL;
import static dev.ponte.flow.ArivoToContaAzul.arivo;
import static dev.ponte.flow.ArivoToContaAzul.company;
import static dev.ponte.flow.ArivoToContaAzul.connect;
import static dev.ponte.flow.ArivoToContaAzul.contaAzul;
import static dev.ponte.flow.ArivoToContaAzul.contaAzulService;
import static dev.ponte.flow.ArivoToContaAzul.create;
import static dev.ponte.flow.ArivoToContaAzul.product;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ponte.support.PostgresProfile;
import io.quarkus.logging.Log;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Issue 12's "must show", on PostgreSQL, Conta Azul's limits lifted in Ponte and in the emulator: this is about exactly
 * once under lost and refused answers (the faults), and Conta Azul's pacing at its enforced limits is shown by
 * {@code WonDealToSaleLoadTest}, which would double this test's time to prove nothing new:
 * 500 Arivo deals won at once, each {@code deal.won} delivered twice, and one in ten of Conta Azul's answers a 429 or a
 * 500 → exactly 500 sales, no customer (CNPJ) or product (code) twice, and the product tagged
 * {@code contaazul-serviço} only ever the ledger's service, never created as a product.
 */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class ArivoToContaAzulLoadTest {

    private static final int DEALS = Integer.getInteger("load.deals", 500);
    private static final int COMPANIES = 50;
    private static final int PRODUCTS = 20;

    @Test
    void fiveHundredDealsWonAtOnceEachWebhookTwiceUnder429sAnd5xxMakeFiveHundredSales() throws Exception {
        ArivoToContaAzul.resetSandboxes();
        given().contentType(ContentType.JSON).body("{}").post(CONTA_AZUL + "/_limits").then().statusCode(200);
        ArivoToContaAzul c = connect(Map.of());
        String service = contaAzulService("Instalação", "INST-1");
        List<String> deals = deals();
        given().contentType(ContentType.JSON).body(Map.of("webhook_duplicates", 2)).post(ARIVO + "/_faults").then()
                .statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("p429", 0.05, "p500", 0.05, "retry_after_seconds", 1,
                "seed", 12)).post(CONTA_AZUL + "/_faults").then().statusCode(200);

        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            parallel(pool, deals.size(), i -> {
                ArivoToContaAzul.setStatus(deals.get(i), "won");
                return null;
            });
        } finally {
            pool.shutdown();
        }
        await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofSeconds(1)).conditionEvaluationListener(e ->
                Log.infof("arivo load: %d of %d sales; dead %d", ArivoToContaAzul.sales(), DEALS,
                        c.jobs("status=DEAD&size=1").getInt("total")))
                .until(() -> c.jobs("status=QUEUED&size=1").getInt("total") + c.jobs("status=RUNNING&size=1")
                        .getInt("total") + c.jobs("status=FAILED&size=1").getInt("total") == 0
                        && ArivoToContaAzul.sales() + c.jobs("status=DEAD&size=1").getInt("total") >= DEALS);
        given().delete(CONTA_AZUL + "/_faults");
        given().delete(ARIVO + "/_faults");
        given().delete(CONTA_AZUL + "/_limits");

        JsonPath ledger = contaAzul();
        assertThat(ledger.getList("vendas")).hasSize(DEALS);
        assertThat(ledger.getList("pessoas.documento", String.class)).hasSize(COMPANIES).doesNotHaveDuplicates();
        assertThat(ledger.getList("produtos.codigo_sku", String.class)).hasSize(PRODUCTS).doesNotHaveDuplicates()
                .doesNotContain("INST-1");
        assertThat(ledger.getList("servicos.id", String.class)).containsExactly(service);
        assertThat(ledger.getList("vendas.itens.id_item").toString()).contains(service);
        assertThat(c.jobs("status=DEAD").getInt("total")).isZero();
    }

    /**
     * {@code DEALS} open deals, the i-th of company {@code i % COMPANIES} with product {@code i % PRODUCTS}, and every
     * fifth also with the tagged installation service.
     */
    private static List<String> deals() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<String> companies = parallel(pool, COMPANIES,
                    i -> company("Empresa " + i, WonDealToSaleLoadTest.cnpj(i)));
            List<String> products = parallel(pool, PRODUCTS, i -> product("Produto " + i, "SKU-" + i, 10 + i));
            String installation = product("Instalação", "INST-1", 50, "contaazul-serviço");
            return parallel(pool, DEALS, i -> {
                String deal = create("/deals", Map.of("name", "Negócio " + i, "value", 10 + i % PRODUCTS
                        + (i % 5 == 0 ? 50 : 0), "company_id", companies.get(i % COMPANIES)));
                item(deal, products.get(i % PRODUCTS), 10 + i % PRODUCTS);
                if (i % 5 == 0) {
                    item(deal, installation, 50);
                }
                return deal;
            });
        } finally {
            pool.shutdown();
        }
    }

    private static void item(String deal, String product, double price) {
        arivo().body(Map.of("product_id", product, "price", price, "quantity", 1))
                .post(ARIVO + "/deals/" + deal + "/quote_items").then().statusCode(201);
    }

    private static <T> List<T> parallel(ExecutorService pool, int n, IntFunction<T> task) throws Exception {
        List<Future<T>> futures = new ArrayList<>();
        IntStream.range(0, n).forEach(i -> futures.add(pool.submit(() -> task.apply(i))));
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            results.add(f.get());
        }
        return results;
    }
}
