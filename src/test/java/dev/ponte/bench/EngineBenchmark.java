package dev.ponte.bench;

import dev.ponte.engine.Job;
import dev.ponte.engine.JobEngine;
import dev.ponte.engine.JobHandler;
import dev.ponte.engine.JobResult;
import dev.ponte.engine.JobStore;
import dev.ponte.engine.NewJob;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The job engine's and the packaged app's figures on real PostgreSQL (Zonky's embedded PostgreSQL 17 with its default
 * settings, which turn fsync and synchronous_commit off as for tests): no-op jobs per second against a naive one-job-per-transaction queue measured in the same run,
 * enqueue→start latency under load (offered at half the throughput measured in the same run, so that it measures the
 * engine's latency, not a queue that grows because the machine is slower than a fixed rate), and the packaged app's start-to-ready time and resident memory against a bare
 * JVM start. Each figure is the median of {@value #RUNS} runs. Run with {@code ./mvnw -Pbench verify}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EngineBenchmark {

    private static final int RUNS = 3;
    private static final int JOBS = 20_000;
    private static final int WORKERS = 8;

    private static EmbeddedPostgres postgres;
    private static AgroalDataSource dataSource;
    private static final List<String> REPORT = new ArrayList<>();
    /** The engine's median throughput in this run, jobs/s; the latency test offers half of it. */
    private static double engineThroughput = Double.NaN;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(Path.of("target", "embedded-pg-bench").toAbsolutePath().toFile())
                .setServerConfig("max_connections", "100").start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database bench");
            s.execute("create database app");
        }
        dataSource = AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier().connectionPoolConfiguration(
                pool -> pool.maxSize(30).connectionFactoryConfiguration(factory -> factory
                        .jdbcUrl(postgres.getJdbcUrl("postgres", "bench"))
                        .principal(new NamePrincipal("postgres")).credential(new SimplePassword("postgres")))));
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    @AfterAll
    static void report() throws IOException {
        if (dataSource != null) {
            dataSource.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        String text = String.join(System.lineSeparator(), REPORT);
        Files.writeString(Path.of("target", "benchmark.txt"), text + System.lineSeparator());
        System.out.println(System.lineSeparator() + "==== Ponte benchmark (medians of " + RUNS + " runs) ===="
                + System.lineSeparator() + text + System.lineSeparator());
    }

    @Test
    @Order(1)
    void engineThroughputAgainstNaiveQueue() throws Exception {
        double[] engine = new double[RUNS];
        double[] naive = new double[RUNS];
        for (int run = 0; run < RUNS; run++) {
            fill(JOBS);
            engine[run] = engineRun(JOBS);
            fill(JOBS);
            naive[run] = naiveRun(JOBS);
        }
        double e = median(engine);
        double n = median(naive);
        engineThroughput = e;
        REPORT.add(String.format("engine throughput: %,.0f no-op jobs/s (%d jobs, 1 instance, %d workers; runs %s)",
                e, JOBS, WORKERS, rounded(engine)));
        REPORT.add(String.format("baseline, one job per transaction with SKIP LOCKED, %d threads: %,.0f jobs/s"
                + " (runs %s); engine/baseline = %.1fx", WORKERS, n, rounded(naive), e / n));
    }

    @Test
    @Order(2)
    void enqueueToStartLatencyUnderLoad() throws Exception {
        double[] p50 = new double[RUNS];
        double[] p99 = new double[RUNS];
        if (Double.isNaN(engineThroughput)) {
            // run alone (-Dit.test=EngineBenchmark#enqueueToStartLatencyUnderLoad): measure the capacity once
            fill(JOBS);
            engineThroughput = engineRun(JOBS);
        }
        int rate = (int) Math.max(1, Math.round(engineThroughput / 2));
        for (int run = 0; run < RUNS; run++) {
            truncate();
            ConcurrentLinkedQueue<Long> waits = new ConcurrentLinkedQueue<>();
            JobHandler handler = handler(job -> waits.add(Duration.between(job.createdAt(), Instant.now()).toNanos()));
            JobEngine engine = engine(handler);
            engine.start();
            JobStore store = new JobStore(dataSource);
            UUID connection = UUID.randomUUID();
            int seconds = 5;
            long start = System.nanoTime();
            for (int i = 0; i < rate * seconds; i++) {
                long due = start + (long) i * 1_000_000_000L / rate;
                while (System.nanoTime() < due) {
                    Thread.onSpinWait();
                }
                store.enqueue(new NewJob(connection, "noop", "deal:" + i, "lat:" + run + ":" + i, null), 8,
                        Instant.now());
                engine.wakeUp();
            }
            long until = System.currentTimeMillis() + 30_000;
            while (waits.size() < rate * seconds && System.currentTimeMillis() < until) {
                Thread.sleep(10);
            }
            engine.stop(Duration.ofSeconds(10));
            long[] sorted = waits.stream().mapToLong(Long::longValue).sorted().toArray();
            p50[run] = sorted[sorted.length / 2] / 1e6;
            p99[run] = sorted[(int) (sorted.length * 0.99)] / 1e6;
        }
        REPORT.add(String.format("enqueue→start latency at %,d jobs/s offered, half the engine's %,.0f jobs/s measured"
                + " in this run (one enqueue per transaction): p50 %.1f ms, p99 %.1f ms (p99 runs %s)", rate,
                engineThroughput, median(p50), median(p99), rounded(p99)));
    }

    @Test
    @Order(3)
    void packagedAppStartAndMemory() throws Exception {
        Path app = Path.of("target", "quarkus-app").toAbsolutePath();
        if (!Files.exists(app.resolve("quarkus-run.jar"))) {
            REPORT.add("packaged app: target/quarkus-app/quarkus-run.jar missing; run with -Pbench verify");
            return;
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        double[] jvm = new double[RUNS];
        double[] plain = new double[RUNS];
        double[] cds = new double[RUNS];
        double[] rss = new double[RUNS];
        for (int run = 0; run < RUNS; run++) {
            long t0 = System.nanoTime();
            new ProcessBuilder(java, "-version").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor();
            jvm[run] = (System.nanoTime() - t0) / 1e6;
            plain[run] = startApp(app, run, "plain", java, "-jar", "quarkus-run.jar")[0];
            double[] withCds = startApp(app, run, "cds", java, "-XX:SharedArchiveFile=app-cds.jsa", "-jar",
                    "quarkus-run.jar");
            cds[run] = withCds[0];
            rss[run] = withCds[1];
        }
        REPORT.add(String.format("packaged app start-to-ready (process start → /q/health/ready 200, on PostgreSQL):"
                + " %.0f ms with its AppCDS archive (runs %s), %.0f ms as plain java -jar (runs %s);"
                + " bare JVM start (java -version) %.0f ms", median(cds), rounded(cds), median(plain), rounded(plain),
                median(jvm)));
        REPORT.add(String.format("packaged app resident memory after start: %.0f MB (runs %s)", median(rss),
                rounded(rss)));
    }

    /** Starts the packaged app, waits until it is ready, and answers {milliseconds to ready, resident MB}. */
    private static double[] startApp(Path dir, int run, String name, String... command) throws Exception {
        int port = freePort();
        ProcessBuilder app = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(Path.of("target", "bench-app-" + name + "-" + run + ".log").toFile());
        Map<String, String> env = app.environment();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.getJdbcUrl("postgres", "app"));
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("PONTE_SECRETS_KEY", "YmVuY2gtb25seS1rZXktYmVuY2gtb25seS1rZXktMDE=");
        env.put("PONTE_BOOTSTRAP_API_KEY", "bench-admin-key");
        long started = System.nanoTime();
        Process process = app.start();
        try {
            awaitReady(port, Duration.ofSeconds(60));
            double ready = (System.nanoTime() - started) / 1e6;
            return new double[] {ready, residentMegabytes(process.pid())};
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    private double engineRun(int jobs) throws Exception {
        CountDownLatch done = new CountDownLatch(jobs);
        JobEngine engine = engine(handler(job -> done.countDown()));
        long t0 = System.nanoTime();
        engine.start();
        done.await();
        while (engine.inFlight() > 0) {
            Thread.onSpinWait();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        engine.stop(Duration.ofSeconds(10));
        if (count("SUCCEEDED") != jobs) {
            throw new IllegalStateException("engine run lost jobs");
        }
        return jobs / seconds;
    }

    /** What a hand-rolled queue does: one transaction per job (lock one row, mark it done, commit). */
    private double naiveRun(int jobs) throws Exception {
        AtomicInteger left = new AtomicInteger(jobs);
        List<Thread> threads = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int t = 0; t < WORKERS; t++) {
            Thread thread = new Thread(() -> {
                try (Connection c = dataSource.getConnection()) {
                    c.setAutoCommit(false);
                    while (left.get() > 0) {
                        try (PreparedStatement claim = c.prepareStatement("select id from job where status = 'QUEUED'"
                                + " order by id limit 1 for update skip locked");
                                ResultSet rs = claim.executeQuery()) {
                            if (rs.next()) {
                                try (PreparedStatement finish = c.prepareStatement(
                                        "update job set status = 'SUCCEEDED', run_at = null where id = ?")) {
                                    finish.setLong(1, rs.getLong(1));
                                    finish.executeUpdate();
                                }
                                left.decrementAndGet();
                            }
                        }
                        c.commit();
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return jobs / ((System.nanoTime() - t0) / 1e9);
    }

    private static JobEngine engine(JobHandler handler) {
        return new JobEngine(new JobStore(dataSource), Map.of("noop", handler), "bench-" + UUID.randomUUID(), WORKERS,
                Duration.ofMinutes(1), Duration.ofMillis(200), Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofSeconds(60),
                id -> 1e9, Clock.systemUTC(), (id, message) -> { }, new SimpleMeterRegistry());
    }

    private static JobHandler handler(java.util.function.Consumer<Job> onRun) {
        return new JobHandler() {
            @Override
            public String kind() {
                return "noop";
            }

            @Override
            public JobResult run(Job job) {
                onRun.accept(job);
                return JobResult.succeeded();
            }
        };
    }

    private static void fill(int jobs) throws SQLException {
        truncate();
        UUID connection = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("insert into job"
                + " (connection_id, kind, subject, idempotency_key, status, attempts, max_attempts, run_at, created_at)"
                + " values (?, 'noop', ?, ?, 'QUEUED', 0, 8, ?, ?)")) {
            for (int i = 0; i < jobs; i++) {
                ps.setObject(1, connection);
                ps.setString(2, "deal:" + i);
                ps.setString(3, "fill:" + i);
                ps.setObject(4, now);
                ps.setObject(5, now);
                ps.addBatch();
                if (i % 1000 == 999) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("analyze job");
        }
    }

    private static void truncate() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("truncate job");
        }
    }

    private static long count(String status) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select count(*) from job where status = ?")) {
            ps.setString(1, status);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void awaitReady(int port, Duration timeout) throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        long until = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < until) {
            try {
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("the packaged app did not become ready in " + timeout);
    }

    private static double residentMegabytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String rounded(double[] values) {
        List<String> out = new ArrayList<>();
        for (double v : values) {
            out.add(String.format("%.0f", v));
        }
        return out.toString();
    }
}
