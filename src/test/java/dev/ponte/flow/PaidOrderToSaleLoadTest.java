package dev.ponte.flow;

import static dev.ponte.flow.NuvemshopToContaAzul.CONTA_AZUL;
import static dev.ponte.flow.NuvemshopToContaAzul.NUVEMSHOP;
import static dev.ponte.flow.NuvemshopToContaAzul.STORE;
import static dev.ponte.flow.NuvemshopToContaAzul.connect;
import static dev.ponte.flow.NuvemshopToContaAzul.contaAzul;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ponte.connector.nuvemshop.NuvemshopSeeds;
import dev.ponte.connector.nuvemshop.NuvemshopSeeds.Line;
import dev.ponte.model.TaxId;
import dev.ponte.support.PostgresProfile;
import io.quarkus.logging.Log;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Issue 11's "must show", on PostgreSQL (vendor limits lifted: see {@link LiftedLimits}): 500 orders paid at once,
 * each {@code order/paid} delivered twice, one in ten of Conta Azul's answers a 429 or a 500 → exactly 500 sales, each
 * with its freight, and no customer (CPF) or product (description) twice.
 */
@QuarkusTest
@TestProfile(PaidOrderToSaleLoadTest.LiftedLimits.class)
class PaidOrderToSaleLoadTest {

    /**
     * Both vendors' limits lifted, on Ponte's side and in the emulators: what this test is about is exactly-once under
     * refused answers (the faults) and repeated deliveries, and pacing 500 orders' marker searches and creates at Conta
     * Azul's 10 requests/s would take several minutes and prove nothing new: Conta Azul's pacing at its enforced limits
     * is shown by {@code WonDealToSaleLoadTest}, Nuvemshop's bucket by
     * {@code NuvemshopConnectorTest.aFullBucketIs429AndItsWaitIsTheTimeOneRequestsRoomTakesToFree}.
     */
    public static class LiftedLimits extends PostgresProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.put("ponte.vendors.nuvemshop.requests-per-second", "1000");
            overrides.put("%test.ponte.vendors.nuvemshop.requests-per-second", "1000");
            return overrides;
        }
    }

    private static final int ORDERS = Integer.getInteger("load.orders", 500);
    private static final int CUSTOMERS = 50;
    private static final int PRODUCTS = 20;

    @Test
    void fiveHundredOrdersPaidAtOnceEachWebhookTwiceUnder429sAnd5xxMakeFiveHundredSalesWithTheirFreight()
            throws Exception {
        NuvemshopToContaAzul.resetSandboxes();
        given().contentType(ContentType.JSON).body(Map.of("capacity", 100_000, "drain_per_second", 10_000))
                .post(NUVEMSHOP + "/_control/limits").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{}").post(CONTA_AZUL + "/_limits").then().statusCode(200);
        NuvemshopToContaAzul c = connect(Map.of());
        List<String> orders = orders();
        given().contentType(ContentType.JSON).body(Map.of("p429", 0.05, "p500", 0.05, "retry_after_seconds", 1,
                "seed", 11)).post(CONTA_AZUL + "/_faults").then().statusCode(200);

        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            parallel(pool, orders.size(), i -> {
                NuvemshopSeeds.pay(STORE, orders.get(i), 2);
                return null;
            });
        } finally {
            pool.shutdown();
        }
        await().atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofSeconds(1)).conditionEvaluationListener(e ->
                Log.infof("nuvemshop load: %d of %d sales; dead %d", NuvemshopToContaAzul.sales(), ORDERS,
                        c.jobs("status=DEAD&size=1").getInt("total")))
                .until(() -> c.jobs("status=QUEUED&size=1").getInt("total") + c.jobs("status=RUNNING&size=1")
                        .getInt("total") + c.jobs("status=FAILED&size=1").getInt("total") == 0
                        && NuvemshopToContaAzul.sales() + c.jobs("status=DEAD&size=1").getInt("total") >= ORDERS);
        given().delete(CONTA_AZUL + "/_faults");
        given().delete(CONTA_AZUL + "/_limits");
        given().delete(NUVEMSHOP + "/_control/limits");

        JsonPath ledger = contaAzul();
        assertThat(ledger.getList("vendas")).hasSize(ORDERS);
        assertThat(ledger.getList("vendas.composicaoDeValor.frete", String.class))
                .hasSize(ORDERS).allSatisfy(f -> assertThat(new BigDecimal(f)).isEqualByComparingTo("7.50"));
        assertThat(ledger.getList("pessoas.documento", String.class)).hasSize(Math.min(CUSTOMERS, ORDERS))
                .doesNotHaveDuplicates();
        assertThat(ledger.getList("produtos.nome", String.class)).hasSize(Math.min(PRODUCTS, ORDERS))
                .doesNotHaveDuplicates();
        assertThat(c.jobs("status=DEAD").getInt("total")).isZero();
        assertThat(c.jobs("size=1").getInt("total")).as("one job per order").isEqualTo(ORDERS);
    }

    /** {@code ORDERS} orders, the i-th of customer {@code i % CUSTOMERS} with product {@code i % PRODUCTS}. */
    private static List<String> orders() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            return parallel(pool, ORDERS, i -> NuvemshopSeeds.order(STORE,
                    NuvemshopSeeds.customer("Cliente " + i % CUSTOMERS, cpf(i % CUSTOMERS), null),
                    List.of(new Line("Produto " + i % PRODUCTS, (10 + i % PRODUCTS) + ".90", "2")), "7.50"));
        } finally {
            pool.shutdown();
        }
    }

    /** A valid CPF per customer number. */
    static String cpf(int n) {
        String base = String.format("%09d", 100_000_000 + n * 7_919);
        for (int d1 = 0; d1 < 10; d1++) {
            for (int d2 = 0; d2 < 10; d2++) {
                String candidate = base + d1 + d2;
                if (TaxId.tryParseBrazilian(candidate).isPresent()) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("no CPF for " + n);
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
