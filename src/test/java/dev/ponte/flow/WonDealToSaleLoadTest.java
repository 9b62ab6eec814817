package dev.ponte.flow;

import static dev.ponte.flow.PipedriveToContaAzul.connect;
import static dev.ponte.flow.PipedriveToContaAzul.contaAzul;
import static dev.ponte.flow.PipedriveToContaAzul.create;
import static dev.ponte.flow.PipedriveToContaAzul.pipedrive;
import static dev.ponte.flow.PipedriveToContaAzul.product;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ponte.support.PostgresProfile;
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
 * 1,000 deals won at once on PostgreSQL, every webhook delivered three times, a tenth of Conta Azul's answers 429 or
 * 500: exactly 1,000 sales, no customer (CNPJ) or product (code) twice, and every job done or skipped with a reason.
 */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class WonDealToSaleLoadTest {

    private static final int DEALS = Integer.getInteger("load.deals", 1_000);
    private static final int COMPANIES = DEALS / 5;
    private static final int PRODUCTS = 50;

    @Test
    void thousandDealsWonConcurrentlyWithDuplicateWebhooksAndFaultsMakeExactlyThousandSales() throws Exception {
        PipedriveToContaAzul.resetSandboxes();
        PipedriveToContaAzul c = connect(Map.of());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Long> orgs = parallel(pool, COMPANIES, i -> PipedriveToContaAzul.organization("Empresa " + i, cnpj(i)));
            List<Long> products = parallel(pool, PRODUCTS, i -> product("Produto " + i, "SKU-" + i, 10 + i));
            List<Long> deals = parallel(pool, DEALS, i -> {
                long deal = create("/api/v2/deals", Map.of("title", "Negócio " + i, "value", 10 + i % PRODUCTS,
                        "currency", "BRL", "org_id", orgs.get(i % COMPANIES)));
                pipedrive().body(Map.of("product_id", products.get(i % PRODUCTS), "item_price", 10 + i % PRODUCTS,
                        "quantity", 1)).post(PipedriveToContaAzul.PIPEDRIVE + "/api/v2/deals/" + deal + "/products")
                        .then().statusCode(201);
                return deal;
            });
            given().contentType(ContentType.JSON).body(Map.of("webhook_duplicates", 3))
                    .post(PipedriveToContaAzul.PIPEDRIVE + "/_faults").then().statusCode(200);
            given().contentType(ContentType.JSON).body(Map.of("p429", 0.05, "p500", 0.05, "retry_after_seconds", 1,
                    "seed", 7)).post(PipedriveToContaAzul.CONTA_AZUL + "/_faults").then().statusCode(200);
            parallel(pool, DEALS, i -> {
                PipedriveToContaAzul.setStatus(deals.get(i), "won");
                return null;
            });
        } finally {
            pool.shutdown();
        }
        long won = System.nanoTime();
        await().atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofSeconds(1)).conditionEvaluationListener(e -> io.quarkus.logging.Log.infof("load: %d sales; jobs queued %d, failed %d, "
                        + "running %d, dead %d", PipedriveToContaAzul.sales(), c.jobs("status=QUEUED").getInt("total"),
                        c.jobs("status=FAILED").getInt("total"), c.jobs("status=RUNNING").getInt("total"),
                        c.jobs("status=DEAD").getInt("total")))
                .until(() -> c.jobs("status=QUEUED")
                .getInt("total") + c.jobs("status=RUNNING").getInt("total") + c.jobs("status=FAILED").getInt("total") == 0
                && PipedriveToContaAzul.sales() + c.jobs("status=DEAD").getInt("total") >= DEALS);
        given().delete(PipedriveToContaAzul.CONTA_AZUL + "/_faults");
        io.quarkus.logging.Log.infof("%d won deals synced in %.1f s", DEALS, (System.nanoTime() - won) / 1e9);

        JsonPath ledger = contaAzul();
        assertThat(ledger.getList("vendas")).hasSize(DEALS);
        assertThat(ledger.getList("vendas.observacoes", String.class).stream().distinct()).hasSize(DEALS);
        assertThat(ledger.getList("pessoas.documento", String.class)).hasSize(COMPANIES).doesNotHaveDuplicates();
        assertThat(ledger.getList("produtos.codigo_sku", String.class)).hasSize(PRODUCTS).doesNotHaveDuplicates();
        assertThat(c.jobs("status=DEAD").getInt("total")).isZero();
        assertThat(c.jobs("status=SUCCEEDED").getInt("total")).isEqualTo(DEALS);
        JsonPath skipped = c.jobs("status=SKIPPED&size=500");
        assertThat(skipped.getList("items.reason", String.class)).allSatisfy(r -> assertThat(r).isNotBlank());
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

    /** The i-th valid CNPJ of a made-up root, formatted as a user types it. */
    static String cnpj(int i) {
        String base = String.format("%08d0001", 10_000_000 + i * 7);
        int d1 = checkDigit(base, new int[] {5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2});
        int d2 = checkDigit(base + d1, new int[] {6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2});
        String n = base + d1 + d2;
        return n.substring(0, 2) + "." + n.substring(2, 5) + "." + n.substring(5, 8) + "/" + n.substring(8, 12) + "-"
                + n.substring(12);
    }

    private static int checkDigit(String digits, int[] weights) {
        int sum = 0;
        for (int k = 0; k < weights.length; k++) {
            sum += (digits.charAt(k) - '0') * weights[k];
        }
        int r = sum % 11;
        return r < 2 ? 0 : 11 - r;
    }
}
