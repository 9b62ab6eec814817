package dev.ponte.flow;

import static dev.ponte.connector.moskit.MoskitSeeds.company;
import static dev.ponte.connector.moskit.MoskitSeeds.field;
import static dev.ponte.connector.moskit.MoskitSeeds.product;
import static dev.ponte.connector.moskit.MoskitSeeds.text;
import static dev.ponte.flow.MoskitToContaAzul.CONTA_AZUL;
import static dev.ponte.flow.MoskitToContaAzul.MOSKIT;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import dev.ponte.connector.moskit.MoskitSeeds;
import dev.ponte.connector.moskit.MoskitSeeds.Line;
import dev.ponte.support.BenchmarkProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Moskit → Conta Azul sale + receivable figures (issue 10), on PostgreSQL with both emulators answering at 0 ms and at
 * 100 ms per call: {@value #DEALS} deals marked won and their webhooks delivered at once (16 at a time). Measured:
 * webhook → receivable latency p50/p99, from the receivable job's creation (Ponte received the webhook) to the
 * receivable's creation in the Conta Azul emulator ({@code data_criacao}); and Ponte's requests per deal to each
 * emulator, and to Conta Azul per action (sale, receivable). 40 companies and 20 products, so later deals reuse linked
 * customers and products: a first {@value #WARM} deals, one per company, link them all before the measured deals are
 * won, so these run on a warm cache. Both emulators' enforced limits and Ponte's Moskit pacing are lifted, so this
 * measures Ponte's own cost. Run with {@code ./mvnw -Pbench verify -Dit.test=MoskitEntryBenchmark}.
 */
@QuarkusTest
@TestProfile(MoskitEntryBenchmark.Unpaced.class)
class MoskitEntryBenchmark {

    /** Production logging, and Moskit's 4 requests/s lifted: the figures are Ponte's cost, not Moskit's limits. */
    public static class Unpaced extends BenchmarkProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.put("ponte.vendors.moskit.requests-per-second", "1000");
            overrides.put("%test.ponte.vendors.moskit.requests-per-second", "1000");
            return overrides;
        }
    }

    private static final int WARM = 40;

    private static final int DEALS = Integer.getInteger("bench.entry.deals", 100);
    private static final Pattern MARKER = Pattern.compile(":deal:(\\d+)]");
    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");
    private static final String LATENCIES = System.getProperty("bench.latencies", "0,100");

    @Test
    void webhookToReceivableLatencyAndCallsPerAction() throws Exception {
        List<String> report = new ArrayList<>();
        for (int latency : Arrays.stream(LATENCIES.split(",")).mapToInt(l -> Integer.parseInt(l.strip())).toArray()) {
            report.add(run(latency));
        }
        String text = String.join(System.lineSeparator(), report);
        Files.writeString(Path.of("target", "benchmark-moskit-entry.txt"), text + System.lineSeparator());
        System.out.println(System.lineSeparator() + "==== Moskit → Conta Azul sale + receivable benchmark (" + DEALS
                + " deals) ====" + System.lineSeparator() + text + System.lineSeparator());
    }

    private static String run(int latencyMs) throws Exception {
        MoskitToContaAzul.resetSandboxes();
        for (String vendor : List.of(MOSKIT, CONTA_AZUL)) {
            given().contentType(ContentType.JSON).body("{}").post(vendor + "/_limits").then().statusCode(200);
        }
        String cnpj = field("CNPJ", "COMPANY", "TEXT");
        String centre = field("Centro de custo", "DEAL", "TEXT");
        List<Long> companies = new ArrayList<>();
        for (int i = 0; i < WARM; i++) {
            companies.add(company("Empresa " + i, List.of(text(cnpj, WonDealToSaleLoadTest.cnpj(i)))));
        }
        List<Long> products = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            products.add(product("Produto " + i, "SKU-" + i, 1000 + i));
        }
        List<Long> deals = new ArrayList<>();
        for (int i = 0; i < WARM + DEALS; i++) {
            long price = 1000 + i % 20;
            deals.add(MoskitSeeds.deal("Negócio " + i, price, companies.get(i % WARM), null, MoskitSeeds.SALES_STAGE,
                    List.of(new Line(products.get(i % 20), BigDecimal.ONE, price)), "OPEN",
                    List.of(text(centre, "Loja " + i % 3))));
        }
        MoskitToContaAzul c = MoskitToContaAzul.connect(List.of("WonDealToSale", "WonDealToReceivable"),
                Map.of("taxIdField", "CNPJ"), Map.of("receivable", MoskitWonDealToEntryTest.receivableMapping()));
        String url = c.webhookUrl();
        win(deals.subList(0, WARM), url);
        awaitDone(c, 2 * WARM);
        Set<Long> measured = Set.copyOf(deals.subList(WARM, deals.size()));
        for (String vendor : List.of(MOSKIT, CONTA_AZUL)) {
            given().contentType(ContentType.JSON).body(Map.of("latency_ms", latencyMs)).post(vendor + "/_faults")
                    .then().statusCode(200);
        }
        long contaAzulBefore = requests(CONTA_AZUL);
        long moskitBefore = requests(MOSKIT);
        win(deals.subList(WARM, deals.size()), url);
        awaitDone(c, 2 * (WARM + DEALS));
        // Less the benchmark's own GET + PUT per deal (its webhook deliveries are not API requests): Ponte's calls.
        long moskitCalls = requests(MOSKIT) - moskitBefore - 2L * DEALS;
        long contaAzulCalls = requests(CONTA_AZUL) - contaAzulBefore;
        Map<Long, Instant> received = new HashMap<>();
        for (Map<String, Object> job : c.jobs("size=500").<Map<String, Object>>getList("items")) {
            if ("deal.receivable".equals(job.get("kind"))) {
                received.put(Long.parseLong(((String) job.get("subject")).replace("moskit:deal:", "")),
                        Instant.parse((String) job.get("createdAt")));
            }
        }
        long[] latencies = MoskitToContaAzul.entries().stream().map(e -> {
            Matcher marker = MARKER.matcher((String) e.get("descricao"));
            marker.find();
            long deal = Long.parseLong(marker.group(1));
            Instant created = LocalDateTime.parse((String) e.get("data_criacao")).atZone(SAO_PAULO).toInstant();
            return measured.contains(deal) ? Duration.between(received.get(deal), created).toMillis() : -1;
        }).mapToLong(Long::longValue).filter(l -> l >= 0).sorted().toArray();
        for (String vendor : List.of(MOSKIT, CONTA_AZUL)) {
            given().delete(vendor + "/_faults");
        }
        for (String vendor : List.of(MOSKIT, CONTA_AZUL)) {
            given().delete(vendor + "/_limits");
        }
        return String.format("emulators at %d ms per call: webhook→receivable p50 %d ms, p99 %d ms (%d receivables);"
                + " Ponte's requests per deal (sale + receivable): %.2f to Conta Azul (%.2f per action), %.2f to"
                + " Moskit; machine load average %.1f on %d cores", latencyMs, percentile(latencies, 0.5),
                percentile(latencies, 0.99), latencies.length, (double) contaAzulCalls / DEALS,
                (double) contaAzulCalls / DEALS / 2, (double) moskitCalls / DEALS,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }

    /** Marks the deals won and delivers each one's webhook once, 16 at a time. */
    private static void win(List<Long> deals, String url) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> wins = new ArrayList<>();
            for (long deal : deals) {
                wins.add(pool.submit(() -> {
                    MoskitSeeds.setStatus(deal, "WON");
                    return MoskitSeeds.deliver(url, deal, 1);
                }));
            }
            for (Future<?> f : wins) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static void awaitDone(MoskitToContaAzul c, int jobs) {
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> c.jobs("status=SUCCEEDED&size=1").getInt("total")
                        + c.jobs("status=SKIPPED&size=1").getInt("total") >= jobs);
    }

    private static long percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))];
    }

    private static long requests(String vendor) {
        return given().get(vendor + "/_requests").then().statusCode(200).extract().jsonPath().getLong("requests");
    }
}
