package dev.ponte.flow;

import static dev.ponte.connector.moskit.MoskitSeeds.company;
import static dev.ponte.connector.moskit.MoskitSeeds.field;
import static dev.ponte.connector.moskit.MoskitSeeds.product;
import static dev.ponte.connector.moskit.MoskitSeeds.text;
import static dev.ponte.flow.MoskitToContaAzul.CONTA_AZUL;
import static dev.ponte.flow.MoskitToContaAzul.connect;
import static dev.ponte.flow.MoskitToContaAzul.contaAzul;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ponte.connector.moskit.MoskitSeeds;
import dev.ponte.connector.moskit.MoskitSeeds.Line;
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
 * Issue 10's "must show", on PostgreSQL (vendor limits lifted: see {@link LiftedLimits}):
 * 500 Moskit deals won at once, each webhook delivered twice, one in ten of Conta Azul's answers a 429 or a 500, the
 * connection running sale + receivable (R23) → exactly 500 sales and 500 receivables, no customer (CNPJ) or product
 * (code) twice, every job SUCCEEDED.
 */
@QuarkusTest
@TestProfile(MoskitToContaAzulLoadTest.LiftedLimits.class)
class MoskitToContaAzulLoadTest {

    /**
     * Both vendors' limits lifted, on Ponte's side and in the emulators: what this test is about is exactly-once under
     * lost and refused answers (the faults), and pacing 500 deals' 1,000 actions at Conta Azul's 10 requests/s and
     * Moskit's 4/s would take over four minutes and prove nothing new: Conta Azul's pacing at its enforced limits is
     * shown by {@code WonDealToSaleLoadTest}, Moskit's by
     * {@code MoskitWonDealToSaleTest.r63_aBurstOfWonDealsStaysUnderMoskitsRateLimits}.
     */
    public static class LiftedLimits extends PostgresProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.put("ponte.vendors.moskit.requests-per-second", "1000");
            overrides.put("%test.ponte.vendors.moskit.requests-per-second", "1000");
            return overrides;
        }
    }

    private static final int DEALS = Integer.getInteger("load.deals", 500);
    private static final int COMPANIES = 50;
    private static final int PRODUCTS = 20;

    @Test
    void fiveHundredDealsWonAtOnceEachWebhookTwiceUnder429sAnd5xxMakeFiveHundredSalesAndReceivables()
            throws Exception {
        MoskitToContaAzul.resetSandboxes();
        for (String vendor : List.of(MoskitToContaAzul.MOSKIT, CONTA_AZUL)) {
            given().contentType(ContentType.JSON).body("{}").post(vendor + "/_limits").then().statusCode(200);
        }
        List<Long> deals = deals();
        MoskitToContaAzul c = connect(List.of("WonDealToSale", "WonDealToReceivable"), Map.of("taxIdField", "CNPJ"),
                Map.of("receivable", MoskitWonDealToEntryTest.receivableMapping()));
        given().contentType(ContentType.JSON).body(Map.of("p429", 0.05, "p500", 0.05, "retry_after_seconds", 1,
                "seed", 10)).post(CONTA_AZUL + "/_faults").then().statusCode(200);

        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            parallel(pool, deals.size(), i -> {
                MoskitSeeds.setStatus(deals.get(i), "WON");
                return MoskitSeeds.deliver(c.webhookUrl(), deals.get(i), 2);
            });
        } finally {
            pool.shutdown();
        }
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(2)).conditionEvaluationListener(e ->
                Log.infof("moskit load: %d of %d sales, %d receivables; dead %d", MoskitToContaAzul.sales(), DEALS,
                        MoskitToContaAzul.entries().size(), c.jobs("status=DEAD&size=1").getInt("total")))
                .until(() -> c.jobs("status=QUEUED&size=1").getInt("total") + c.jobs("status=RUNNING&size=1")
                        .getInt("total") + c.jobs("status=FAILED&size=1").getInt("total") == 0
                        && c.jobs("size=1").getInt("total") >= 2 * DEALS);
        given().delete(CONTA_AZUL + "/_faults");

        JsonPath ledger = contaAzul();
        assertThat(ledger.getList("vendas")).hasSize(DEALS);
        assertThat(ledger.getList("eventos_financeiros")).hasSize(DEALS);
        assertThat(ledger.getList("eventos_financeiros.referencia_externa", String.class)).doesNotHaveDuplicates();
        assertThat(ledger.getList("pessoas.documento", String.class)).hasSize(COMPANIES).doesNotHaveDuplicates();
        assertThat(ledger.getList("produtos.codigo_sku", String.class)).hasSize(PRODUCTS).doesNotHaveDuplicates();
        assertThat(c.jobs("size=1").getInt("total")).isEqualTo(2 * DEALS);
        assertThat(c.jobs("status=SUCCEEDED&size=1").getInt("total")).isEqualTo(2 * DEALS);
    }

    /** {@code DEALS} open deals, the i-th of company {@code i % COMPANIES} with product {@code i % PRODUCTS}. */
    private static List<Long> deals() throws Exception {
        String cnpj = field("CNPJ", "COMPANY", "TEXT");
        String centre = field("Centro de custo", "DEAL", "TEXT");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Long> companies = parallel(pool, COMPANIES,
                    i -> company("Empresa " + i, List.of(text(cnpj, WonDealToSaleLoadTest.cnpj(i)))));
            List<Long> products = parallel(pool, PRODUCTS, i -> product("Produto " + i, "SKU-" + i, 1000 + i));
            return parallel(pool, DEALS, i -> {
                long price = 1000 + i % PRODUCTS;
                return MoskitSeeds.deal("Negócio " + i, price, companies.get(i % COMPANIES), null,
                        MoskitSeeds.SALES_STAGE, List.of(new Line(products.get(i % PRODUCTS), BigDecimal.ONE, price)),
                        "OPEN", List.of(text(centre, "Loja " + i % 3)));
            });
        } finally {
            pool.shutdown();
        }
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
