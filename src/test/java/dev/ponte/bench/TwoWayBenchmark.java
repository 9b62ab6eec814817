package dev.ponte.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 4: two-way CRM in Cloud ↔ Reviso sync at 100,000 customers a side. Two packaged-app processes: the emulators
 * (sandboxes on, engine off, a large heap, their own database) and Ponte under test ({@code -Xmx256m}, sandboxes off,
 * its vendor URLs pointing at the emulator process), both on Zonky's embedded PostgreSQL. Setup: 95,000 identical pairs
 * (same Partita IVA, name, address, e-mail and terms) linked by a first full run, which is timed too. Each measured
 * round drifts 5,000 linked pairs (half in the ledger, half in the CRM) and adds 5,000 new customers to each side that
 * have no counterpart, then times a full run from trigger to SUCCEEDED; after the incremental overlap has passed it
 * changes 100 pairs (50 a side) and times an incremental run. Peak heap comes from Ponte's GC log: the highest heap
 * occupancy after a young or full collection during the run (what the run keeps alive, plus old garbage not yet
 * collected) and the highest before one (bounded by the heap). The Reviso connector's 5 requests/s politeness limit
 * is lifted, so this measures Ponte's own cost. Run with {@code ./mvnw -Pbench verify}; figures go to {@code target/benchmark-twoway.txt}.
 */
class TwoWayBenchmark {

    private static final int CUSTOMERS = Integer.getInteger("bench.twoway.customers", 100_000);
    private static final int RUNS = Integer.getInteger("bench.twoway.runs", 3);
    /** More JVM options for Ponte's process, e.g. the README's production ones ({@code -Dbench.twoway.jvm="..."}). */
    private static final List<String> PONTE_JVM = List.of(System.getProperty("bench.twoway.jvm", "").strip()
            .split("\\s+")).stream().filter(o -> !o.isEmpty()).toList();
    private static final int SHARE = CUSTOMERS / 20;
    private static final int PAIRS = CUSTOMERS - SHARE;
    private static final int CHANGES = 100;
    /** CustomerSync's overlap: an incremental run re-reads what changed since the last run's start minus this. */
    private static final Duration OVERLAP = Duration.ofMinutes(2);
    private static final String ADMIN_KEY = "bench-admin-key";
    private static final Pattern GC_PAUSE = Pattern.compile("Pause (Young|Full).* (\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<String> REPORT = new ArrayList<>();
    private static final Path GC_LOG = Path.of("target", "bench-twoway-ponte-gc.log").toAbsolutePath();

    private static EmbeddedPostgres postgres;
    private static Process emulators;
    private static Process ponte;
    private static String emulatorUrl;
    private static String ponteUrl;

    private String key;
    private String connection;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(Path.of("target", "embedded-pg-twoway").toAbsolutePath().toFile())
                .setServerConfig("max_connections", "200").start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database ponte");
        }
        int emulatorPort = freePort();
        emulatorUrl = "http://localhost:" + emulatorPort;
        emulators = start("emulators", emulatorPort, List.of("-Xmx4g"), Map.of("QUARKUS_HTTP_LIMITS_MAX_BODY_SIZE",
                "100M"));
        int pontePort = freePort();
        ponteUrl = "http://localhost:" + pontePort;
        Files.deleteIfExists(GC_LOG);
        List<String> jvm = new ArrayList<>(List.of("-Xmx256m", "-Xlog:gc*:file=" + GC_LOG));
        jvm.addAll(PONTE_JVM);
        ponte = start("ponte", pontePort, jvm,
                Map.of("QUARKUS_DATASOURCE_JDBC_URL", postgres.getJdbcUrl("postgres", "ponte"),
                        "QUARKUS_DATASOURCE_USERNAME", "postgres", "QUARKUS_DATASOURCE_PASSWORD", "postgres",
                        "PONTE_VENDORS_REVISO_API_URL", emulatorUrl + "/sandbox/reviso",
                        "PONTE_VENDORS_CRMINCLOUD_API_URL", emulatorUrl + "/sandbox/crmincloud",
                        "PONTE_VENDORS_REVISO_APP_SECRET_TOKEN", "sandbox-app-secret-token",
                        "PONTE_VENDORS_REVISO_REQUESTS_PER_SECOND", "100000"));
        awaitReady(emulatorUrl);
        awaitReady(ponteUrl);
    }

    @AfterAll
    static void stop() throws Exception {
        for (Process process : new Process[] {ponte, emulators}) {
            if (process != null) {
                process.destroy();
                process.waitFor();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
        String text = String.join(System.lineSeparator(), REPORT);
        Files.writeString(Path.of("target", "benchmark-twoway.txt"), text + System.lineSeparator());
        System.out.println(System.lineSeparator() + "==== CRM in Cloud ↔ Reviso two-way benchmark ===="
                + System.lineSeparator() + text + System.lineSeparator());
    }

    @Test
    void fullReconciliationAndIncrementalRun() throws Exception {
        JsonNode tenant = call("POST", ponteUrl + "/api/v1/tenants", ADMIN_KEY, Map.of("name", "Benchmark"));
        key = tenant.get("apiKey").asText();
        connection = call("POST", ponteUrl + "/api/v1/connections", key, Map.of("name", "CRM in Cloud ↔ Reviso",
                "sourceSystem", "CRM_IN_CLOUD", "ledgerSystem", "REVISO", "flows", List.of("CustomerSync"),
                "credentials", Map.of("apiKey", "sandbox-crm-api-key",
                        "agreementGrantToken", "sandbox-agreement-grant-token"))).get("id").asText();
        call("POST", ponteUrl + "/api/v1/connections/" + connection + "/enable", key, null);
        // The CRM's selection fields for the ledger's terms exist after a first run; the seeded companies carry them.
        Measured prepare = run("full");
        int[] ledgerIds = new int[PAIRS];
        long[] crmIds = new long[PAIRS];
        long seeding = System.nanoTime();
        for (int from = 0; from < PAIRS; from += 10_000) {
            int to = Math.min(PAIRS, from + 10_000);
            int[] numbers = seedLedger(from, to, i -> customer(i, 0, null));
            long[] ids = seedCrm(from, to, i -> company(i, 0, null));
            System.arraycopy(numbers, 0, ledgerIds, from, to - from);
            System.arraycopy(ids, 0, crmIds, from, to - from);
        }
        REPORT.add(String.format("seeded %,d identical pairs in the emulators in %.1f s (the Reviso sandbox's own %d"
                + " customers were synced by a first small run)", PAIRS, (System.nanoTime() - seeding) / 1e9,
                prepare.report.get("seen").asInt()));
        Measured setup = run("full");
        if (!PONTE_JVM.isEmpty()) {
            REPORT.add("Ponte's JVM options: -Xmx256m " + String.join(" ", PONTE_JVM));
        }
        REPORT.add("setup full run, linking " + String.format("%,d", PAIRS) + " pairs by Partita IVA: " + setup);

        double[] fullSeconds = new double[RUNS];
        double[] incrementalSeconds = new double[RUNS];
        for (int round = 0; round < RUNS; round++) {
            int drifted = round * SHARE;
            int half = SHARE / 2;
            int r = round;
            seedLedger(drifted, drifted + half, i -> customer(i, ledgerIds[i], "Modena " + r));
            seedCrm(drifted + half, drifted + SHARE, i -> company(i, crmIds[i], "drift" + r));
            int newLedger = CUSTOMERS * 10 + round * SHARE;
            int newCrm = CUSTOMERS * 20 + round * SHARE;
            seedLedger(newLedger, newLedger + SHARE, i -> customer(i, 0, null));
            seedCrm(newCrm, newCrm + SHARE, i -> company(i, 0, null));
            Measured full = run("full");
            fullSeconds[round] = full.seconds;
            REPORT.add(String.format("round %d, full run over %,d ledger customers and %,d CRM companies (%,d pairs"
                    + " drifted, %,d new a side): %s", round + 1, CUSTOMERS + round * SHARE + prepare.report.get("seen")
                    .asInt(), CUSTOMERS + round * SHARE + prepare.report.get("seen").asInt(), SHARE, SHARE, full));
            // A steady-state incremental run: one run absorbs the full run's overlap, then 100 changes.
            Thread.sleep(OVERLAP.plusSeconds(5).toMillis());
            Measured absorb = run("incremental");
            int changed = PAIRS - (round + 1) * CHANGES;
            seedLedger(changed, changed + CHANGES / 2, i -> customer(i, ledgerIds[i], "Parma " + r));
            seedCrm(changed + CHANGES / 2, changed + CHANGES, i -> company(i, crmIds[i], "inc" + r));
            Measured incremental = run("incremental");
            incrementalSeconds[round] = incremental.seconds;
            REPORT.add(String.format("round %d, incremental run after %d changes (%d a side): %s; the incremental run"
                    + " before them, re-reading the full run's writes in its %d-minute overlap: %s", round + 1,
                    CHANGES, CHANGES / 2, incremental, OVERLAP.toMinutes(), absorb));
        }
        REPORT.add(String.format("full run median %.1f s (runs %s, target < 60 s), incremental run median %.2f s"
                + " (runs %s, target < 2 s); Ponte at -Xmx256m, machine %d cores", median(fullSeconds),
                rounded(fullSeconds, "%.1f"), median(incrementalSeconds), rounded(incrementalSeconds, "%.2f"),
                Runtime.getRuntime().availableProcessors()));
    }

    /** Triggers a run through the API, waits for its report, and reads the GC log written meanwhile. */
    private Measured run(String mode) throws Exception {
        long gcFrom = Files.exists(GC_LOG) ? Files.size(GC_LOG) : 0;
        long t0 = System.nanoTime();
        String runs = ponteUrl + "/api/v1/connections/" + connection + "/runs";
        long id = call("POST", runs, key, Map.of("mode", mode)).get("id").asLong();
        JsonNode report;
        do {
            Thread.sleep(50);
            report = call("GET", runs + "/" + id, key, null);
        } while (List.of("QUEUED", "RUNNING").contains(report.get("status").asText()));
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (!"SUCCEEDED".equals(report.get("status").asText()) || !ponte.isAlive()) {
            throw new IllegalStateException("the " + mode + " run did not succeed: " + report);
        }
        return new Measured(seconds, report, heap(gcFrom));
    }

    /**
     * {max MB after a collecting pause, max MB before one, heap MB, full GCs} in the GC log from {@code from} bytes
     * on. Only young and full pauses count: G1's remark and cleanup pauses free no young garbage, so their "after"
     * says nothing about what the run keeps alive.
     */
    private static long[] heap(long from) throws IOException {
        long[] heap = new long[4];
        String log = Files.readString(GC_LOG);
        for (String line : log.substring((int) Math.min(from, log.length())).split("\n")) {
            Matcher m = GC_PAUSE.matcher(line);
            if (m.find()) {
                heap[1] = Math.max(heap[1], Long.parseLong(m.group(2)));
                heap[0] = Math.max(heap[0], Long.parseLong(m.group(3)));
                heap[2] = Math.max(heap[2], Long.parseLong(m.group(4)));
                heap[3] += m.group(1).equals("Full") ? 1 : 0;
            }
        }
        return heap;
    }

    private record Measured(double seconds, JsonNode report, long[] heap) {

        @Override
        public String toString() {
            String gc = heap[2] == 0 ? "no GC pause during the run" : String.format("Ponte heap peak %d MB after"
                    + " a young/full GC, %d MB before one (heap %d MB), %d full GCs", heap[0], heap[1], heap[2],
                    heap[3]);
            return String.format("%.2f s trigger→SUCCEEDED; seen %,d, created %,d, updated %,d, unchanged %,d,"
                    + " skipped %,d, conflicts %,d, failed %,d; %s", seconds, report.get("seen").asInt(), report.get("created").asInt(),
                    report.get("updated").asInt(), report.get("unchanged").asInt(), report.get("skipped").asInt(),
                    report.get("conflicts").asInt(), report.get("failed").asInt(), gc);
        }
    }

    // ---- records: customer i of the ledger and company i of the CRM are the same company ---------------------

    private static ObjectNode customer(int i, int number, String city) {
        ObjectNode c = JSON.createObjectNode();
        if (number > 0) {
            c.put("customerNumber", number);
        }
        c.put("name", name(i)).put("currency", "EUR").put("vatNumber", partitaIva(i))
                .put("email", email(i))
                .put("address", "Via Emilia " + (i % 500 + 1)).put("city", city == null ? "Bologna" : city)
                .put("zip", "40121");
        c.putObject("customerGroup").put("customerGroupNumber", 1);
        c.putObject("paymentTerms").put("paymentTermsNumber", 2);
        c.putObject("vatZone").put("vatZoneNumber", 1);
        c.putObject("countryCode").put("code", "IT");
        return c;
    }

    private static ObjectNode company(int i, long id, String email) {
        ObjectNode c = JSON.createObjectNode();
        if (id > 0) {
            c.put("id", id);
        }
        c.put("companyName", name(i)).put("vatId", partitaIva(i))
                .put("emails", email == null ? email(i) : email + "." + email(i))
                .put("address", "Via Emilia " + (i % 500 + 1)).put("city", "Bologna")
                .put("zipCode", "40121").put("country", "IT");
        ArrayNode fields = c.putArray("freeFields");
        Map.of("Valuta Reviso", "EUR", "Gruppo clienti Reviso", "1", "Termini di pagamento Reviso", "2",
                "Zona iva Reviso", "1").forEach((label, value) -> fields.addObject().put("label", label)
                        .put("value", value));
        return c;
    }

    private static String name(int i) {
        return String.format("Impresa %07d S.r.l.", i);
    }

    private static String email(int i) {
        return "amministrazione" + i + "@impresa.example";
    }

    /** Serials from 3,000,000 with the tax office 058, so no record of the sandboxes' own seeds shares one. */
    private static String partitaIva(int i) {
        String first10 = String.format("%07d058", 3_000_000 + i);
        int sum = 0;
        for (int d = 0; d < 10; d++) {
            int digit = first10.charAt(d) - '0';
            sum += d % 2 == 1 ? (2 * digit > 9 ? 2 * digit - 9 : 2 * digit) : digit;
        }
        return first10 + (10 - sum % 10) % 10;
    }

    private static int[] seedLedger(int from, int to, java.util.function.IntFunction<ObjectNode> body)
            throws Exception {
        ArrayNode bodies = JSON.createArrayNode();
        for (int i = from; i < to; i++) {
            bodies.add(body.apply(i));
        }
        JsonNode numbers = call("POST", emulatorUrl + "/sandbox/reviso/_customers", null, bodies)
                .get("customerNumbers");
        int[] out = new int[numbers.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = numbers.get(i).asInt();
        }
        return out;
    }

    private static long[] seedCrm(int from, int to, java.util.function.IntFunction<ObjectNode> body) throws Exception {
        ObjectNode request = JSON.createObjectNode();
        ArrayNode companies = request.putArray("companies");
        for (int i = from; i < to; i++) {
            companies.add(body.apply(i));
        }
        JsonNode ids = call("POST", emulatorUrl + "/sandbox/crmincloud/_seed/companies", null, request).get("ids");
        long[] out = new long[ids.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ids.get(i).asLong();
        }
        return out;
    }

    // ---- processes and HTTP ----------------------------------------------------------------------------------

    /**
     * Ponte is the production app ({@code target/quarkus-app}, on PostgreSQL: the datasource comes in {@code extra});
     * the emulators are their own app ({@code target/emulators}, in memory), both built by {@code ./mvnw package}.
     */
    private static Process start(String name, int port, List<String> jvm, Map<String, String> extra)
            throws IOException {
        Path app = Path.of("target", name.equals("emulators") ? "emulators" : "quarkus-app").toAbsolutePath();
        if (!Files.exists(app.resolve("quarkus-run.jar"))) {
            throw new IllegalStateException(app + "/quarkus-run.jar missing; run with -Pbench verify");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(jvm);
        command.addAll(List.of("-jar", "quarkus-run.jar"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(app.toFile()).redirectErrorStream(true)
                .redirectOutput(Path.of("target", "bench-twoway-" + name + ".log").toAbsolutePath().toFile());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("PONTE_SECRETS_KEY", "YmVuY2gtb25seS1rZXktYmVuY2gtb25seS1rZXktMDE=");
        env.put("PONTE_BOOTSTRAP_API_KEY", ADMIN_KEY);
        env.putAll(extra);
        return builder.start();
    }

    private static JsonNode call(String method, String url, String key, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    private static void awaitReady(String url) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < until) {
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException(url + " did not become ready");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String rounded(double[] values, String format) {
        return Arrays.stream(values).mapToObj(v -> String.format(format, v)).toList().toString();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
