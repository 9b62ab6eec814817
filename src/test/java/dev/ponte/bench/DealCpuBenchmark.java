package dev.ponte.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: Ponte's own CPU per won deal and the latency a user sees, with Ponte as the packaged app in a process of
 * its own (sandboxes off, on PostgreSQL) and the Pipedrive and Conta Azul emulators in a second process, so the CPU
 * read from Ponte's {@code /proc/<pid>/stat} (user + system) is Ponte's alone: not the emulators', not this client's,
 * not PostgreSQL's. Several builds can be measured side by side in one run ({@code -Dbench.deal.apps=old=/path/to/
 * old/target/quarkus-app,new=target/quarkus-app}, an entry may add environment variables:
 * {@code new200=target/quarkus-app;PONTE_ENGINE_WORKERS=200}, JVM options as {@code JAVA_TOOL_OPTIONS}, and
 * {@code JAVA=<a java binary>} runs it on another JDK, e.g. {@code aot=target/quarkus-app;JAVA=/usr/lib/jvm/
 * temurin-25-jdk-amd64/bin/java;JAVA_TOOL_OPTIONS=-XX:AOTCache=app.aot}); their runs are interleaved (old, new, old, new,
 * …) so the machine's other load falls on both alike, and each run starts its build afresh on an empty database. The
 * emulators are their own app, {@code target/emulators} (built by {@code ./mvnw package}), on its in-memory database,
 * with C1 only ({@code -Dbench.deal.emulators.jvm} to change): their CPU is on these cores too, which a vendor's is not.
 * Each burst reports where its deals' time went (queued, handler until the sale, after it) and both processes' CPU.
 *
 * <p>One run of a build: Ponte started, a tenant and a Pipedrive → Conta Azul connection made through its API (the
 * OAuth2 consent followed by hand), 40 organizations and 20 products in the Pipedrive emulator, then
 * <ol>
 * <li>a burst of {@value #DEALS} deals won at once with the emulators at 0 ms per call (each creates or reuses one of
 * 40 customers and 20 products, as {@code DealSyncBenchmark}'s burst): Ponte's CPU from the first PATCH until every
 * job has ended, per deal;</li>
 * <li>the same burst of {@value #DEALS} new deals at 100 ms per call, customers and products linked now: webhook → sale
 * p50/p99 and CPU per deal;</li>
 * <li>{@value #ISOLATED} isolated deals at 100 ms per call: each won on an idle system (the last one's sale made and
 * its job ended, then a pause), webhook → sale p50/p99.</li>
 * </ol>
 * "Webhook → sale" runs from the creation of the deal's job in Ponte (its webhook's arrival) to the sale's creation in
 * the Conta Azul emulator (its {@code criadoEm}). Conta Azul's pacing (10 requests/s per account), the emulator's
 * enforced limits and the engine's default 10 jobs/s per connection are lifted, so this is Ponte's own cost. Medians
 * of {@code bench.deal.runs} (3) runs per build, and each build's figures as a ratio of the first build's. Run with
 * {@code ./mvnw -Pbench verify -Dit.test=DealCpuBenchmark}; figures go to {@code target/benchmark-deal-cpu.txt}.
 * After the deal runs, {@code scripts/start-time.sh} times {@code bench.deal.starts} (5) starts of each build, interleaved,
 * and reports each start's phases and the medians ({@code -Dbench.deal.runs=0}: the starts alone). {@code -Dbench.deal.jfr=true} records a JFR profile of each Ponte run ({@code target/bench-deal-<build>-<run>.jfr}).
 */
class DealCpuBenchmark {

    private static final int RUNS = Integer.getInteger("bench.deal.runs", 3);
    private static final int DEALS = Integer.getInteger("bench.deal.burst", 200);
    private static final int ISOLATED = Integer.getInteger("bench.deal.isolated", 50);
    private static final boolean JFR = Boolean.getBoolean("bench.deal.jfr");
    /** Starts per build timed by {@code scripts/start-time.sh} after the deal runs (0: none). */
    private static final int START_RUNS = Integer.getInteger("bench.deal.starts", 5);
    private static final String APPS = System.getProperty("bench.deal.apps", "new=target/quarkus-app");
    /**
     * The emulators' JVM options. They stand in for vendors' servers, which in production run elsewhere: C1 only, so
     * that their JIT compiling (half their CPU in a burst with the default compilers, profiled) does not take the
     * cores Ponte is measured on.
     */
    private static final String EMULATORS_JVM = System.getProperty("bench.deal.emulators.jvm",
            "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
    private static final String PROFILER = System.getProperty("bench.deal.profiler");
    private static final String ADMIN_KEY = "bench-admin-key";
    private static final String TOKEN = "sandbox-admin-token";
    private static final String CNPJ_FIELD = "aaaaaaaaaabbbbbbbbbbccccccccccdddddddddd";
    private static final Pattern MARKER = Pattern.compile(":deal:(\\d+)]");
    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");
    private static final long CLOCK_TICK_NS = 1_000_000_000L / 100; // USER_HZ, 100 on Linux

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(16)).build();

    private static EmbeddedPostgres postgres;
    private static Process emulators;
    private static String emulatorUrl;
    private static String pipedrive;
    private static String contaAzul;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(Path.of("target", "embedded-pg-deal-cpu").toAbsolutePath().toFile())
                .setServerConfig("max_connections", "200").start();
        int port = freePort();
        emulatorUrl = "http://localhost:" + port;
        pipedrive = emulatorUrl + "/sandbox/pipedrive";
        contaAzul = emulatorUrl + "/sandbox/contaazul";
        // The emulators' own app (in memory, no job engine), built next to the production app by ./mvnw package.
        emulators = start(Path.of("target", "emulators").toAbsolutePath(), "emulators", null, port,
                List.of(EMULATORS_JVM.split(" ")), Map.of());
        awaitReady(emulatorUrl, emulators);
    }

    @AfterAll
    static void stop() throws Exception {
        if (emulators != null) {
            emulators.destroy();
            emulators.waitFor();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void cpuPerDealAndLatency() throws Exception {
        Map<String, String> apps = apps();
        Map<String, List<Figures>> figures = new LinkedHashMap<>();
        apps.keySet().forEach(name -> figures.put(name, new ArrayList<>()));
        int database = 0;
        for (int run = 0; run < RUNS; run++) {
            for (Map.Entry<String, String> app : apps.entrySet()) {
                String db = "ponte_" + database++;
                try (Connection c = postgres.getPostgresDatabase().getConnection();
                        Statement s = c.createStatement()) {
                    s.execute("create database " + db);
                }
                Figures f = run(app.getKey(), Path.of(app.getValue()), db, run + 1);
                figures.get(app.getKey()).add(f);
                progress(app.getKey() + " run " + (run + 1) + ": " + f);
            }
        }
        List<String> report = new ArrayList<>();
        Figures base = null;
        for (Map.Entry<String, List<Figures>> e : figures.entrySet()) {
            if (e.getValue().isEmpty()) {
                continue; // bench.deal.runs=0: start times only
            }
            Figures m = Figures.median(e.getValue());
            report.add(e.getKey() + " (" + apps.get(e.getKey()) + (environment(e.getKey()).isEmpty() ? ""
                    : " " + environment(e.getKey())) + "), medians of " + e.getValue().size() + " runs: "
                    + m + "; runs: CPU/deal at 0 ms " + e.getValue().stream().map(f -> String.format("%.1f",
                            f.cpuMs0)).toList() + ", burst p99 at 100 ms " + e.getValue().stream()
                                    .map(f -> f.burstP99).toList() + ", isolated p99 " + e.getValue().stream()
                                            .map(f -> f.isolatedP99).toList());
            if (base == null) {
                base = m;
            } else {
                report.add(String.format("%s / %s: Ponte CPU per deal %.2f at 0 ms, %.2f at 100 ms; burst p99 %.2f;"
                        + " isolated p50 %.2f, p99 %.2f", e.getKey(), figures.keySet().iterator().next(),
                        m.cpuMs0 / base.cpuMs0, m.cpuMs100 / base.cpuMs100, (double) m.burstP99 / base.burstP99,
                        (double) m.isolatedP50 / base.isolatedP50, (double) m.isolatedP99 / base.isolatedP99));
            }
        }
        if (START_RUNS > 0) {
            report.addAll(startTimes(apps));
        }
        report.add(String.format("machine: %d cores, load average %.1f at the end (other processes slow every"
                + " figure; ratios come from interleaved runs)", Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        String text = String.join(System.lineSeparator(), report);
        Files.writeString(Path.of("target", "benchmark-deal-cpu.txt"), text + System.lineSeparator());
        System.out.println(System.lineSeparator() + "==== Ponte's CPU per won deal and webhook → sale latency ("
                + DEALS + "-deal bursts, " + ISOLATED + " isolated deals) ====" + System.lineSeparator() + text
                + System.lineSeparator());
    }

    /** A figure as it comes, also to {@code target/benchmark-deal-cpu-runs.txt}, so a run cut short keeps its own. */
    private static void progress(String line) {
        System.out.println("[deal-cpu] " + line);
        try {
            Files.writeString(Path.of("target", "benchmark-deal-cpu-runs.txt"), line + System.lineSeparator(),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final Pattern START_LINE = Pattern.compile("run 1: (\\d+) ms to ready, (\\d+) ms CPU, (\\d+) MB"
            + " resident \\((\\d+) MB private\\)");

    /**
     * {@code scripts/start-time.sh} on each build, one start at a time, builds interleaved, on a database of its own
     * per build (the first start migrates it, the others find it current, as a production restart does): each start's
     * phases, then the medians of time to ready, CPU and resident memory per build.
     */
    private static List<String> startTimes(Map<String, String> apps) throws Exception {
        List<String> lines = new ArrayList<>();
        Map<String, List<long[]>> figures = new LinkedHashMap<>();
        for (String name : apps.keySet()) {
            figures.put(name, new ArrayList<>());
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("create database start_" + name.replaceAll("\\W", "_"));
            }
        }
        for (int run = 0; run < START_RUNS; run++) {
            for (Map.Entry<String, String> app : apps.entrySet()) {
                ProcessBuilder builder = new ProcessBuilder("bash", Path.of("scripts", "start-time.sh").toAbsolutePath()
                        .toString(), "-n", "1", "-d", app.getValue(), "--", environment(app.getKey())
                                .getOrDefault("JAVA", java()), "-jar", "quarkus-run.jar").redirectErrorStream(true);
                Map<String, String> env = builder.environment();
                env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.getJdbcUrl("postgres", "start_"
                        + app.getKey().replaceAll("\\W", "_")));
                env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
                env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
                env.put("QUARKUS_HTTP_PORT", String.valueOf(freePort()));
                env.put("PONTE_SECRETS_KEY", "YmVuY2gtb25seS1rZXktYmVuY2gtb25seS1rZXktMDE=");
                env.put("PONTE_BOOTSTRAP_API_KEY", ADMIN_KEY);
                env.putAll(environment(app.getKey()));
                Process p = builder.start();
                String out = new String(p.getInputStream().readAllBytes()).strip();
                p.waitFor();
                for (String line : out.split("\n")) {
                    Matcher m = START_LINE.matcher(line);
                    if (m.find()) {
                        figures.get(app.getKey()).add(new long[] {Long.parseLong(m.group(1)),
                                Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), Long.parseLong(m.group(4))});
                        lines.add("start of " + app.getKey() + ", " + line.replace("run 1: ", "run " + (run + 1)
                                + ": "));
                        progress(lines.get(lines.size() - 1));
                    } else if (!line.startsWith("median")) {
                        lines.add("start of " + app.getKey() + ": " + line);
                    }
                }
            }
        }
        long[] base = null;
        for (Map.Entry<String, List<long[]>> e : figures.entrySet()) {
            if (e.getValue().isEmpty()) {
                continue;
            }
            long[] m = new long[4];
            for (int i = 0; i < 4; i++) {
                int k = i;
                long[] v = e.getValue().stream().mapToLong(f -> f[k]).sorted().toArray();
                m[i] = v[v.length / 2];
            }
            lines.add(String.format("start of %s, medians of %d (scripts/start-time.sh, PostgreSQL): %d ms to ready,"
                    + " %d ms CPU, %d MB resident (%d MB private)%s", e.getKey(), e.getValue().size(), m[0], m[1],
                    m[2], m[3], base == null ? "" : String.format("; / first build: %.2f wall, %.2f CPU, %.2f"
                            + " resident, %.2f private", (double) m[0] / base[0], (double) m[1] / base[1],
                            (double) m[2] / base[2], (double) m[3] / base[3])));
            if (base == null) {
                base = m;
            }
        }
        return lines;
    }

    /** Figures of one run of one build. */
    record Figures(double cpuMs0, double cpuMs100, long burstP50, long burstP99, long isolatedP50, long isolatedP99,
            double rate0, double startMs) {

        static Figures median(List<Figures> all) {
            return new Figures(med(all, Figures::cpuMs0), med(all, Figures::cpuMs100),
                    (long) med(all, f -> f.burstP50), (long) med(all, f -> f.burstP99),
                    (long) med(all, f -> f.isolatedP50), (long) med(all, f -> f.isolatedP99), med(all, Figures::rate0),
                    med(all, Figures::startMs));
        }

        private static double med(List<Figures> all, java.util.function.ToDoubleFunction<Figures> value) {
            double[] v = all.stream().mapToDouble(value).sorted().toArray();
            return v[v.length / 2];
        }

        @Override
        public String toString() {
            return String.format("Ponte CPU per won deal %.1f ms at 0 ms per call (%.1f deals/s), %.1f ms at 100 ms;"
                    + " %d-deal burst at 100 ms webhook→sale p50 %d ms, p99 %d ms; isolated deals at 100 ms p50 %d"
                    + " ms, p99 %d ms; start to ready %.0f ms", cpuMs0, rate0, cpuMs100, DEALS, burstP50, burstP99,
                    isolatedP50, isolatedP99, startMs);
        }
    }

    private static Figures run(String name, Path app, String database, int run) throws Exception {
        reset();
        int port = freePort();
        String url = "http://localhost:" + port;
        List<String> jvm = new ArrayList<>();
        if (JFR) {
            jvm.add("-XX:StartFlightRecording=filename=" + Path.of("target", "bench-deal-" + name + "-" + run + ".jfr")
                    .toAbsolutePath() + ",settings=profile,dumponexit=true");
        }
        long t0 = System.nanoTime();
        Map<String, String> env = new HashMap<>(Map.of(
                "PONTE_PUBLIC_URL", url,
                "PONTE_VENDORS_PIPEDRIVE_API_URL", pipedrive,
                "PONTE_VENDORS_CONTAAZUL_API_URL", contaAzul,
                "PONTE_VENDORS_CONTAAZUL_AUTH_URL", contaAzul + "/auth",
                "PONTE_VENDORS_CONTAAZUL_CLIENT_ID", "sandbox-client",
                "PONTE_VENDORS_CONTAAZUL_CLIENT_SECRET", "sandbox-secret",
                "PONTE_VENDORS_CONTAAZUL_REQUESTS_PER_SECOND", "100000",
                "PONTE_ENGINE_DEFAULT_JOBS_PER_SECOND", "100000"));
        env.putAll(environment(name));
        Process ponte = start(app, name + "-" + run, database, port, jvm, env);
        try {
            awaitReady(url, ponte);
            double startMs = (System.nanoTime() - t0) / 1e6;
            String key = call("POST", url + "/api/v1/tenants", ADMIN_KEY, Map.of("name", "Bench " + name)).get("apiKey")
                    .asText();
            String connection = call("POST", url + "/api/v1/connections", key, Map.of("name", "Pipedrive → Conta Azul",
                    "sourceSystem", "PIPEDRIVE", "ledgerSystem", "CONTA_AZUL", "flows", List.of("WonDealToSale"),
                    "settings", Map.of("taxIdField", CNPJ_FIELD), "credentials", Map.of("apiToken", TOKEN)))
                    .get("id").asText();
            consent(url, key, connection);
            call("POST", url + "/api/v1/connections/" + connection + "/enable", key, null);
            List<Long> orgs = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                orgs.add(pd("POST", "/v1/organizations", Map.of("name", "Empresa " + i, "custom_fields",
                        Map.of(CNPJ_FIELD, cnpj(i)))).get("data").get("id").asLong());
            }
            List<Long> products = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                products.add(pd("POST", "/v1/products", Map.of("name", "Produto " + i, "code", "SKU-" + i, "prices",
                        List.of(Map.of("price", 10 + i, "currency", "BRL")))).get("data").get("id").asLong());
            }
            Jobs jobs = new Jobs(url, key, connection);
            // 1. burst at 0 ms, customers and products created by the first deals of each
            List<Long> first = deals(orgs, products, DEALS, 0);
            Burst fresh = burst(ponte, jobs, first, 0);
            // 2. burst at 100 ms, all linked
            List<Long> second = deals(orgs, products, DEALS, DEALS);
            latency(100);
            profile(ponte, name + "-" + run, "start,event=cpu,interval=1ms");
            Burst linked = burst(ponte, jobs, second, 100);
            profile(ponte, name + "-" + run, "stop,collapsed,file=" + Path.of("target").toAbsolutePath()
                    + "/bench-deal-profile-%s.txt");
            // 3. isolated deals at 100 ms
            List<Long> isolated = deals(orgs, products, ISOLATED, 2 * DEALS);
            long[] alone = isolated(jobs, isolated);
            progress(name + " run " + run + ": isolated deals' webhook→sale, slowest five "
                    + Arrays.toString(Arrays.copyOfRange(alone, Math.max(0, alone.length - 5), alone.length))
                    + " ms, fastest " + alone[0] + " ms");
            latency(0);
            return new Figures(fresh.cpuMs / DEALS, linked.cpuMs / DEALS, linked.p50, linked.p99,
                    percentile(alone, 0.5), percentile(alone, 0.99), fresh.rate, startMs);
        } finally {
            ponte.destroy();
            ponte.waitFor();
        }
    }

    private record Burst(double cpuMs, long p50, long p99, double rate) {
    }

    /**
     * With {@code -Dbench.deal.profiler=<path of async-profiler's libasyncProfiler.so>} (from Maven Central's
     * {@code tools.profiler:async-profiler} linux jar), loads it into Ponte and the emulators around the burst at 100
     * ms: CPU stacks, collapsed, in {@code target/bench-deal-profile-<build>-<run>.txt} and
     * {@code …-emulators-<build>-<run>.txt}. Their JVMs need {@code -XX:+EnableDynamicAgentLoading} on JDK 21+.
     */
    private static void profile(Process ponte, String run, String command) throws Exception {
        if (PROFILER == null) {
            return;
        }
        for (Process process : List.of(ponte, emulators)) {
            String args = command.formatted(process == emulators ? "emulators-" + run : run);
            // jcmd would split the options at '=' unless they are quoted
            new ProcessBuilder("jcmd", String.valueOf(process.pid()), "JVMTI.agent_load", PROFILER, "\"" + args + "\"")
                    .inheritIO().start().waitFor();
        }
    }

    /** Marks all deals won at once and waits until every deal's job has ended; Ponte's CPU over that time. */
    private static Burst burst(Process ponte, Jobs jobs, List<Long> deals, int latencyMs) throws Exception {
        int endedBefore = jobs.ended();
        ExecutorService pool = Executors.newFixedThreadPool(deals.size());
        long cpuBefore = cpuNs(ponte);
        long emulatorsBefore = cpuNs(emulators);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> wins = new ArrayList<>();
            for (long deal : deals) {
                wins.add(pool.submit(() -> {
                    go.await();
                    pd("PATCH", "/api/v2/deals/" + deal, Map.of("status", "won"));
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : wins) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        // Sales counted in the emulator (its CPU, not Ponte's), then Ponte's jobs: a sale is made before its job ends.
        long until = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (!sales().keySet().containsAll(deals) && System.nanoTime() < until) {
            Thread.sleep(200);
        }
        while (jobs.ended() < endedBefore + deals.size()) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("the burst's jobs did not end in 5 minutes");
            }
            Thread.sleep(200);
        }
        double cpuMs = (cpuNs(ponte) - cpuBefore) / 1e6;
        double emulatorsMs = (cpuNs(emulators) - emulatorsBefore) / 1e6;
        Map<Long, Instant[]> times = jobs.times();
        Map<Long, Instant> created = sales();
        progress(String.format("burst at %d ms: %s; CPU per deal: Ponte %.1f ms, the emulators %.1f ms", latencyMs,
                phases(deals, times, created), cpuMs / deals.size(), emulatorsMs / deals.size()));
        Map<Long, Instant> received = new HashMap<>();
        times.forEach((deal, t) -> received.put(deal, t[0]));
        long[] latencies = deals.stream().mapToLong(d -> Duration.between(received.get(d), created.get(d)).toMillis())
                .sorted().toArray();
        Instant firstIn = deals.stream().map(received::get).min(Instant::compareTo).orElseThrow();
        Instant lastOut = deals.stream().map(created::get).max(Instant::compareTo).orElseThrow();
        return new Burst(cpuMs, percentile(latencies, 0.5), percentile(latencies, 0.99),
                deals.size() / (Duration.between(firstIn, lastOut).toMillis() / 1000.0));
    }

    /** Each deal won alone: the one before it has its sale and its job has ended, and the system has idled. */
    private static long[] isolated(Jobs jobs, List<Long> deals) throws Exception {
        int succeeded = jobs.count("SUCCEEDED");
        for (long deal : deals) {
            Thread.sleep(300);
            pd("PATCH", "/api/v2/deals/" + deal, Map.of("status", "won"));
            succeeded++;
            // Its three vendor calls take 300 ms at least; then a light poll (one count) until its job has succeeded.
            Thread.sleep(300);
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (jobs.count("SUCCEEDED") < succeeded) {
                if (System.nanoTime() > until) {
                    throw new IllegalStateException("deal " + deal + "'s job did not succeed in 30 s");
                }
                Thread.sleep(25);
            }
        }
        Map<Long, Instant[]> times = jobs.times();
        Map<Long, Instant> created = sales();
        progress("isolated deals: " + phases(deals, times, created));
        return deals.stream().mapToLong(d -> Duration.between(times.get(d)[0], created.get(d)).toMillis()).sorted()
                .toArray();
    }

    /** Where deals' time goes: queued (job created → started), handler until the sale, after the sale. */
    private static String phases(List<Long> deals, Map<Long, Instant[]> times, Map<Long, Instant> created) {
        long[] queued = deals.stream().mapToLong(d -> Duration.between(times.get(d)[0], times.get(d)[1]).toMillis())
                .sorted().toArray();
        long[] toSale = deals.stream().mapToLong(d -> Duration.between(times.get(d)[1], created.get(d)).toMillis())
                .sorted().toArray();
        long[] after = deals.stream().mapToLong(d -> Duration.between(created.get(d), times.get(d)[2]).toMillis())
                .sorted().toArray();
        return "job created → started p50 " + percentile(queued, 0.5) + " ms, p99 " + percentile(queued, 0.99)
                + "; started → sale p50 " + percentile(toSale, 0.5) + " ms, p99 " + percentile(toSale, 0.99)
                + "; sale → job finished p50 " + percentile(after, 0.5) + " ms, p99 " + percentile(after, 0.99);
    }

    /** Deals of the 40 organizations and 20 products, numbered from {@code from} (their titles). */
    private static List<Long> deals(List<Long> orgs, List<Long> products, int count, int from) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Long>> created = new ArrayList<>();
            for (int i = from; i < from + count; i++) {
                int n = i;
                created.add(pool.submit(() -> {
                    long deal = pd("POST", "/api/v2/deals", Map.of("title", "Negócio " + n, "value", 10 + n % 20,
                            "currency", "BRL", "org_id", orgs.get(n % 40))).get("data").get("id").asLong();
                    pd("POST", "/api/v2/deals/" + deal + "/products", Map.of("product_id", products.get(n % 20),
                            "item_price", 10 + n % 20, "quantity", 1));
                    return deal;
                }));
            }
            List<Long> deals = new ArrayList<>();
            for (Future<Long> f : created) {
                deals.add(f.get());
            }
            return deals;
        } finally {
            pool.shutdown();
        }
    }

    /** Ponte's jobs of the connection, read through its API. */
    private static final class Jobs {
        final String url;
        final String key;
        final String connection;

        Jobs(String url, String key, String connection) {
            this.url = url;
            this.key = key;
            this.connection = connection;
        }

        int ended() throws Exception {
            return count("SUCCEEDED") + count("SKIPPED") + count("DEAD");
        }

        int count(String status) throws Exception {
            return call("GET", url + "/api/v1/jobs?connectionId=" + connection + "&status=" + status + "&size=1", key,
                    null).get("total").asInt();
        }

        /** Deal id → {created, started, finished} of its first job. */
        Map<Long, Instant[]> times() throws Exception {
            Map<Long, Instant[]> times = new HashMap<>();
            for (int page = 0; ; page++) {
                JsonNode items = call("GET", url + "/api/v1/jobs?connectionId=" + connection + "&size=500&page=" + page,
                        key, null).get("items");
                for (JsonNode job : items) {
                    String subject = job.get("subject").asText();
                    if (subject.startsWith("pipedrive:deal:")) {
                        Instant[] t = {instant(job, "createdAt"), instant(job, "startedAt"),
                                instant(job, "finishedAt")};
                        times.merge(Long.parseLong(subject.substring("pipedrive:deal:".length())), t,
                                (a, b) -> a[0].isBefore(b[0]) ? a : b);
                    }
                }
                if (items.size() < 500) {
                    return times;
                }
            }
        }
    }

    private static Instant instant(JsonNode job, String field) {
        return job.hasNonNull(field) ? Instant.parse(job.get(field).asText()) : null;
    }

    /** Deal id → the creation time of its sale in the Conta Azul emulator. */
    private static Map<Long, Instant> sales() throws Exception {
        Map<Long, Instant> created = new HashMap<>();
        for (JsonNode venda : call("GET", contaAzul + "/_state", null, null).get("vendas")) {
            Matcher marker = MARKER.matcher(venda.path("observacoes").asText());
            if (marker.find()) {
                created.put(Long.parseLong(marker.group(1)), LocalDateTime.parse(venda.get("criadoEm").asText())
                        .atZone(SAO_PAULO).toInstant());
            }
        }
        return created;
    }

    private static void reset() throws Exception {
        for (String vendor : List.of(pipedrive, contaAzul)) {
            call("DELETE", vendor + "/_state", null, null);
            call("DELETE", vendor + "/_faults", null, null);
        }
        // Ponte's own cost, not the account's limits.
        call("POST", contaAzul + "/_limits", null, Map.of());
    }

    private static void latency(int ms) throws Exception {
        for (String vendor : List.of(pipedrive, contaAzul)) {
            call("POST", vendor + "/_faults", null, Map.of("latency_ms", ms));
        }
    }

    /** The OAuth2 dance a browser does: Ponte → Conta Azul consent → Ponte's callback. */
    private static void consent(String url, String key, String connection) throws Exception {
        HttpResponse<String> authorize = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/connections/"
                + connection + "/oauth/authorize")).header("Authorization", "Bearer " + key).build(),
                HttpResponse.BodyHandlers.ofString());
        String location = authorize.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException(
                "authorize answered " + authorize.statusCode() + ": " + authorize.body()));
        if (!location.contains("/oauth/callback")) {
            location = HTTP.send(HttpRequest.newBuilder(URI.create(location)).build(),
                    HttpResponse.BodyHandlers.discarding()).headers().firstValue("Location").orElseThrow();
        }
        HttpResponse<String> callback = HTTP.send(HttpRequest.newBuilder(URI.create(location)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (callback.statusCode() != 200) {
            throw new IllegalStateException("OAuth2 callback answered " + callback.statusCode() + ": "
                    + callback.body());
        }
    }

    /** utime + stime of a process, from {@code /proc/<pid>/stat}. */
    private static long cpuNs(Process process) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields after the command: state is field 3, utime 14 and stime 15 of the whole line
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * CLOCK_TICK_NS;
    }

    /** A valid CNPJ for company i. */
    static String cnpj(int i) {
        String base = String.format("%08d0001", 10_000_000 + i);
        int[] w1 = {5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};
        int[] w2 = {6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};
        int d1 = digit(base, w1);
        int d2 = digit(base + d1, w2);
        return base + d1 + d2;
    }

    private static int digit(String s, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (s.charAt(i) - '0') * weights[i];
        }
        int r = sum % 11;
        return r < 2 ? 0 : 11 - r;
    }

    /** Build name → app directory, from {@code name=dir[;ENV=value…]} entries. */
    private static Map<String, String> apps() {
        Map<String, String> apps = new LinkedHashMap<>();
        for (String entry : APPS.split(",")) {
            String[] kv = entry.strip().split("=", 2);
            apps.put(kv[0], Path.of(kv[1].split(";")[0]).toAbsolutePath().toString());
        }
        return apps;
    }

    /** The JDK that runs this benchmark: a build's default, unless its entry names another as {@code ;JAVA=…}. */
    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The environment an entry of {@code bench.deal.apps} gives its build ({@code ;ENV=value} after the dir). */
    private static Map<String, String> environment(String name) {
        Map<String, String> env = new HashMap<>();
        for (String entry : APPS.split(",")) {
            String[] kv = entry.strip().split("=", 2);
            if (kv[0].equals(name)) {
                String[] parts = kv[1].split(";");
                for (int i = 1; i < parts.length; i++) {
                    String[] e = parts[i].split("=", 2);
                    env.put(e[0], e[1]);
                }
            }
        }
        return env;
    }

    private static JsonNode pd(String method, String path, Object body) throws Exception {
        return call(method, pipedrive + path, null, body, Map.of("x-api-token", TOKEN));
    }

    // ---- processes and HTTP ----------------------------------------------------------------------------------

    private static Process start(Path app, String name, String database, int port, List<String> jvm,
            Map<String, String> extra) throws IOException {
        if (!Files.exists(app.resolve("quarkus-run.jar"))) {
            throw new IllegalStateException(app + "/quarkus-run.jar missing; run with -Pbench verify");
        }
        List<String> command = new ArrayList<>(List.of(extra.getOrDefault("JAVA", java())));
        command.addAll(jvm);
        command.addAll(List.of("-jar", "quarkus-run.jar"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(app.toFile()).redirectErrorStream(true)
                .redirectOutput(Path.of("target", "bench-deal-" + name + ".log").toAbsolutePath().toFile());
        Map<String, String> env = builder.environment();
        if (database != null) {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.getJdbcUrl("postgres", database));
            env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
            env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        }
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("PONTE_SECRETS_KEY", "YmVuY2gtb25seS1rZXktYmVuY2gtb25seS1rZXktMDE=");
        env.put("PONTE_BOOTSTRAP_API_KEY", ADMIN_KEY);
        env.put("PONTE_SCHEDULES_INCREMENTAL", "off");
        env.putAll(extra);
        return builder.start();
    }

    private static JsonNode call(String method, String url, String key, Object body) throws Exception {
        return call(method, url, key, body, Map.of());
    }

    private static JsonNode call(String method, String url, String key, Object body, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        headers.forEach(request::header);
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    private static void awaitReady(String url, Process process) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < until && process.isAlive()) {
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException(url + " did not become ready");
    }

    private static long percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))];
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
