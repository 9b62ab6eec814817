package dev.ponte.flow;

import static dev.ponte.flow.PipedriveToContaAzul.connect;
import static dev.ponte.flow.PipedriveToContaAzul.create;
import static dev.ponte.flow.PipedriveToContaAzul.organization;
import static dev.ponte.flow.PipedriveToContaAzul.pipedrive;
import static dev.ponte.flow.PipedriveToContaAzul.product;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import dev.ponte.support.BenchmarkProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.lang.management.ManagementFactory;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Pipedrive → Conta Azul figures (issue 3), on PostgreSQL with both sandbox emulators answering at 0 ms and at 100 ms
 * per call. All {@value #DEALS} deals are marked won in one burst (one PATCH each, all at once). Measured: webhook →
 * sale latency p50/p99, from the moment Ponte received the deal's webhook (its job's creation) to the sale's
 * creation in the Conta Azul emulator; the same from the PATCH that marked the deal won (end to end, including the
 * emulated Pipedrive's own latency and webhook delivery); won deals per second from the first webhook received to the last
 * sale; and Ponte's requests per deal to each emulator. Medians of three runs (40 companies, 20 products, so later
 * deals reuse linked customers and products). The test profile lifts the Conta Azul connector's 10 requests/s per
 * connection pacing, and the benchmark the emulator's enforced 10/s and 600/min, so this measures Ponte's own cost;
 * {@code WonDealToSaleLoadTest} measures it at the real limits. Run with {@code ./mvnw -Pbench verify}.
 */
@QuarkusTest
@TestProfile(BenchmarkProfile.class)
class DealSyncBenchmark {

    private static final int RUNS = Integer.getInteger("bench.runs", 3);
    private static final int DEALS = 200;
    private static final Pattern MARKER = Pattern.compile(":deal:(\\d+)]");
    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");
    /** Per-call latencies of the emulators, in ms; {@code -Dbench.latencies=100} runs one of them. */
    private static final String LATENCIES = System.getProperty("bench.latencies", "0,100");

    @Test
    void webhookToSaleLatencyThroughputAndCallsPerDeal() throws Exception {
        List<String> report = new ArrayList<>();
        for (int latency : Arrays.stream(LATENCIES.split(",")).mapToInt(l -> Integer.parseInt(l.strip())).toArray()) {
            double[] p50 = new double[RUNS];
            double[] p99 = new double[RUNS];
            double[] endToEnd50 = new double[RUNS];
            double[] endToEnd99 = new double[RUNS];
            double[] rate = new double[RUNS];
            double[] contaAzul = new double[RUNS];
            double[] pipedrive = new double[RUNS];
            double[] load = new double[RUNS];
            double[] cpu = new double[RUNS];
            for (int run = 0; run < RUNS; run++) {
                load[run] = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
                double[] r = run(latency);
                p50[run] = r[0];
                p99[run] = r[1];
                endToEnd50[run] = r[2];
                endToEnd99[run] = r[3];
                rate[run] = r[4];
                contaAzul[run] = r[5];
                pipedrive[run] = r[6];
                cpu[run] = r[7];
            }
            report.add(String.format("emulators at %d ms per call: webhook→sale p50 %.0f ms, p99 %.0f ms (p99 runs %s);"
                    + " from the won PATCH p50 %.0f ms, p99 %.0f ms; %.1f won deals/s (runs %s); Ponte's requests per"
                    + " deal: %.2f to Conta Azul, %.2f to Pipedrive; %.1f ms of this JVM's CPU per deal (Ponte,"
                    + " emulators, client; not PostgreSQL); machine load average %.1f on %d cores (other processes slow"
                    + " every figure)",
                    latency, median(p50), median(p99), Arrays.toString(round(p99)), median(endToEnd50),
                    median(endToEnd99), median(rate), Arrays.toString(round(rate)), median(contaAzul),
                    median(pipedrive), median(cpu),
                    median(load), Runtime.getRuntime().availableProcessors()));
        }
        String text = String.join(System.lineSeparator(), report);
        Files.writeString(Path.of("target", "benchmark-sync.txt"), text + System.lineSeparator());
        System.out.println(System.lineSeparator() + "==== Pipedrive → Conta Azul benchmark (medians of " + RUNS
                + " runs of " + DEALS + " deals) ====" + System.lineSeparator() + text + System.lineSeparator());
    }

    /**
     * One run: answers {webhook→sale p50 ms, p99 ms, PATCH→sale p50 ms, p99 ms, deals/s, Ponte's Conta Azul and
     * Pipedrive requests per deal, JVM CPU ms per deal}. A sale's creation time is the emulator's own record of it
     * ({@code criadoEm}).
     */
    private static double[] run(int latencyMs) throws Exception {
        PipedriveToContaAzul.resetSandboxes();
        // Ponte's own cost, not the account's limits (see the class comment).
        given().contentType(ContentType.JSON).body("{}").post(PipedriveToContaAzul.CONTA_AZUL + "/_limits").then()
                .statusCode(200);
        PipedriveToContaAzul c = connect(Map.of());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        // One thread per deal, started together: the burst is not throttled by the benchmark's own client.
        ExecutorService burst = Executors.newFixedThreadPool(DEALS);
        Map<Long, Instant> wonAt = new ConcurrentHashMap<>();
        long contaAzulBefore;
        long pipedriveBefore;
        long cpuBefore;
        try {
            List<Long> orgs = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                orgs.add(organization("Empresa " + i, WonDealToSaleLoadTest.cnpj(i)));
            }
            List<Long> products = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                products.add(product("Produto " + i, "SKU-" + i, 10 + i));
            }
            List<Future<Long>> created = new ArrayList<>();
            for (int i = 0; i < DEALS; i++) {
                int n = i;
                created.add(pool.submit(() -> {
                    long deal = create("/api/v2/deals", Map.of("title", "Negócio " + n, "value", 10 + n % 20,
                            "currency", "BRL", "org_id", orgs.get(n % 40)));
                    pipedrive().body(Map.of("product_id", products.get(n % 20), "item_price", 10 + n % 20,
                            "quantity", 1)).post(PipedriveToContaAzul.PIPEDRIVE + "/api/v2/deals/" + deal
                                    + "/products").then().statusCode(201);
                    return deal;
                }));
            }
            List<Long> deals = new ArrayList<>();
            for (Future<Long> f : created) {
                deals.add(f.get());
            }
            for (String vendor : List.of(PipedriveToContaAzul.PIPEDRIVE, PipedriveToContaAzul.CONTA_AZUL)) {
                given().contentType(ContentType.JSON).body(Map.of("latency_ms", latencyMs)).post(vendor + "/_faults")
                        .then().statusCode(200);
            }
            contaAzulBefore = requests(PipedriveToContaAzul.CONTA_AZUL);
            pipedriveBefore = requests(PipedriveToContaAzul.PIPEDRIVE);
            cpuBefore = cpu();
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> wins = new ArrayList<>();
            for (long deal : deals) {
                wins.add(burst.submit(() -> {
                    go.await();
                    wonAt.put(deal, Instant.now());
                    PipedriveToContaAzul.setStatus(deal, "won");
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : wins) {
                f.get();
            }
        } finally {
            pool.shutdown();
            burst.shutdown();
        }
        // Done when every deal's one job is: a job whose lease ran out under load is run again, finds its sale and
        // skips, so succeeded jobs alone could fall short for ever. Polled through cheap counts, not the emulator's
        // whole state, which would spend the CPU being measured.
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> c.jobs("status=SUCCEEDED&size=1").getInt("total")
                        + c.jobs("status=SKIPPED&size=1").getInt("total") >= DEALS);
        double cpuMs = (cpu() - cpuBefore) / 1e6;
        // Less the benchmark's own PATCHes: what is left are Ponte's calls.
        long pipedriveCalls = requests(PipedriveToContaAzul.PIPEDRIVE) - pipedriveBefore - DEALS;
        long contaAzulCalls = requests(PipedriveToContaAzul.CONTA_AZUL) - contaAzulBefore;
        Map<Long, Instant> received = new HashMap<>();
        for (Map<String, Object> job : c.jobs("size=500").<Map<String, Object>>getList("items")) {
            long deal = Long.parseLong(((String) job.get("subject")).replace("pipedrive:deal:", ""));
            received.merge(deal, Instant.parse((String) job.get("createdAt")), (a, b) -> a.isBefore(b) ? a : b);
        }
        Map<Long, Instant> created = new HashMap<>();
        for (Map<String, Object> venda : PipedriveToContaAzul.contaAzul().<Map<String, Object>>getList("vendas")) {
            Matcher marker = MARKER.matcher((String) venda.get("observacoes"));
            if (marker.find()) {
                created.put(Long.parseLong(marker.group(1)), LocalDateTime.parse((String) venda.get("criadoEm"))
                        .atZone(SAO_PAULO).toInstant());
            }
        }
        long[] latencies = created.entrySet().stream()
                .mapToLong(e -> Duration.between(received.get(e.getKey()), e.getValue()).toMillis()).sorted().toArray();
        long[] endToEnd = created.entrySet().stream()
                .mapToLong(e -> Duration.between(wonAt.get(e.getKey()), e.getValue()).toMillis()).sorted().toArray();
        Instant first = received.values().stream().min(Instant::compareTo).orElseThrow();
        Instant last = created.values().stream().max(Instant::compareTo).orElseThrow();
        for (String vendor : List.of(PipedriveToContaAzul.PIPEDRIVE, PipedriveToContaAzul.CONTA_AZUL)) {
            given().delete(vendor + "/_faults");
        }
        given().delete(PipedriveToContaAzul.CONTA_AZUL + "/_limits");
        return new double[] {percentile(latencies, 0.5), percentile(latencies, 0.99), percentile(endToEnd, 0.5),
                percentile(endToEnd, 0.99), DEALS / (Duration.between(first, last).toMillis() / 1000.0),
                (double) contaAzulCalls / DEALS, (double) pipedriveCalls / DEALS, cpuMs / DEALS};
    }

    /** CPU time of this JVM (Ponte, both emulators and the benchmark's client; not PostgreSQL), in ns. */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))];
    }

    private static long requests(String vendor) {
        return given().get(vendor + "/_requests").then().statusCode(200).extract().jsonPath().getLong("requests");
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long[] round(double[] values) {
        return Arrays.stream(values).mapToLong(Math::round).toArray();
    }
}
