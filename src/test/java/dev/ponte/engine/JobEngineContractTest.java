package dev.ponte.engine;

import static dev.ponte.support.Api.as;
import static dev.ponte.support.Api.newConnection;
import static dev.ponte.support.Api.newTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.ponte.support.Api.Tenant;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The job engine's guarantees, through the running application; subclasses run it on H2 and PostgreSQL. */
abstract class JobEngineContractTest {

    @Inject
    JobService jobs;

    @Inject
    DataSource dataSource;

    @Test
    void sameEnqueueRepeated100TimesIsOneJob() {
        UUID connection = UUID.randomUUID();
        String key = "pipedrive:deal:8712:won:" + UUID.randomUUID();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            ids.add(jobs.enqueue(new NewJob(connection, "test.noop", "deal:8712", key, null)));
        }
        assertThat(ids).containsOnly(ids.get(0));
        assertThat(jobs.list(List.of(connection), null, null, null, 0, 500).total()).isEqualTo(1);
        awaitStatus(ids.get(0), JobStatus.SUCCEEDED);
        assertThat(NoopHandler.RUNS.get(ids.get(0)).get()).isEqualTo(1);
    }

    @Test
    void rateLimitedJobWaitsForRetryAfterWithoutSpendingAnAttempt() {
        long id = enqueue(UUID.randomUUID(), "rate-limit-once");
        Job done = awaitStatus(id, JobStatus.SUCCEEDED);
        List<Instant> runs = ScriptedHandler.RUNS.get(id);
        assertThat(runs).hasSize(2);
        assertThat(Duration.between(runs.get(0), runs.get(1))).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(done.attempts()).isEqualTo(1);
        assertThat(done.lastError()).isNull();
    }

    @Test
    void postponedJobComesBackWithoutSpendingAnAttemptOrRecordingAnError() {
        long id = enqueue(UUID.randomUUID(), "postpone:12");
        Job done = awaitStatus(id, JobStatus.SUCCEEDED);
        // More waits than the job has attempts, and it still succeeded at its first.
        assertThat(ScriptedHandler.RUNS.get(id)).hasSize(13);
        assertThat(done.attempts()).isEqualTo(1).isLessThan(done.maxAttempts());
        assertThat(done.lastError()).isNull();
        assertThat(done.postponements()).isZero();
    }

    @Test
    void jobPostponedForEverSpendsItsAttemptsOnceItsFreeWaitsAreUsedAndEndsDead() {
        long id = enqueue(UUID.randomUUID(), "postpone-always");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> jobs.find(id).orElseThrow().status() == JobStatus.DEAD);
        Job dead = jobs.find(id).orElseThrow();
        assertThat(dead.attempts()).isEqualTo(dead.maxAttempts());
        assertThat(ScriptedHandler.RUNS.get(id)).hasSize(JobEngine.FREE_POSTPONEMENTS + dead.maxAttempts());
        assertThat(dead.lastError()).contains("times in a row");
    }

    @Test
    void permanentFailureIsDeadAtOnceAndRetriedThroughTheApi() {
        Tenant tenant = newTenant("Dead letters");
        UUID connection = newConnection(tenant, Map.of());
        long id = enqueue(connection, "reject-once");
        Job dead = awaitStatus(id, JobStatus.DEAD);
        assertThat(dead.attempts()).isEqualTo(1);
        assertThat(dead.lastError()).contains("Not enough stock").contains("itens[0].quantidade");
        as(tenant.key()).get("/api/v1/jobs?status=DEAD&connectionId=" + connection).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].lastError.errors[0].field", equalTo("itens[0].quantidade"));
        as(tenant.key()).post("/api/v1/jobs/" + id + "/retry").then().statusCode(200);
        awaitStatus(id, JobStatus.SUCCEEDED);
        assertThat(ScriptedHandler.RUNS.get(id)).hasSize(2);
        as(tenant.key()).post("/api/v1/jobs/" + id + "/retry").then().statusCode(422);
        as(newTenant("Stranger").key()).post("/api/v1/jobs/" + id + "/retry").then().statusCode(404);
    }

    @Test
    void refusedCredentialsPauseTheConnectionUntilReconnected() {
        Tenant tenant = newTenant("Revoked");
        UUID connection = newConnection(tenant, Map.of("credentials", Map.of("apiToken", "old")));
        as(tenant.key()).post("/api/v1/connections/" + connection + "/enable").then().statusCode(200);
        long first = enqueue(connection, "credentials-once");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as(tenant.key())
                .get("/api/v1/connections/" + connection).then().body("status", equalTo("NEEDS_RECONNECT"))
                .body("paused", equalTo(true)));
        long second = enqueue(connection, "ok");
        // A job of another connection, queued after it, has run: the engine went past the paused one.
        awaitStatus(enqueue(UUID.randomUUID(), "ok"), JobStatus.SUCCEEDED);
        assertThat(jobs.find(first).orElseThrow().status()).isEqualTo(JobStatus.QUEUED);
        assertThat(jobs.find(first).orElseThrow().attempts()).isZero();
        assertThat(ScriptedHandler.RUNS.get(second)).isNull();
        as(tenant.key()).body(Map.of("name", "Reconnected", "sourceSystem", "PIPEDRIVE", "ledgerSystem",
                "CONTA_AZUL", "credentials", Map.of("apiToken", "new"))).put("/api/v1/connections/" + connection)
                .then().statusCode(200).body("status", equalTo("ACTIVE")).body("paused", equalTo(false));
        awaitStatus(first, JobStatus.SUCCEEDED);
        awaitStatus(second, JobStatus.SUCCEEDED);
    }

    @Test
    void jobsOfOneSubjectRunOneAtATimeInOrder() {
        UUID connection = UUID.randomUUID();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(jobs.enqueue(new NewJob(connection, "test.scripted", "deal:ordered", "ordered:" + UUID.randomUUID(),
                    "sleep:50")));
        }
        ids.forEach(id -> awaitStatus(id, JobStatus.SUCCEEDED));
        List<Instant> starts = ids.stream().map(id -> ScriptedHandler.RUNS.get(id).get(0)).toList();
        assertThat(starts).isSorted();
        assertThat(ScriptedHandler.MAX_CONCURRENT_SAME_SUBJECT.get()).isEqualTo(1);
    }

    @Test
    void skippedJobKeepsItsReason() {
        long id = enqueue(UUID.randomUUID(), "skip");
        assertThat(awaitStatus(id, JobStatus.SKIPPED).reason()).isEqualTo("deal has no value");
    }

    @Test
    void metricsCountJobsAndTimeThem() {
        awaitStatus(enqueue(UUID.randomUUID(), "ok"), JobStatus.SUCCEEDED);
        // The counts by status are read at most every five seconds: wait for a scrape that has them.
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(io.restassured.RestAssured
                .given().auth().oauth2("test-metrics-key").get("/q/metrics").then().statusCode(200).extract().asString())
                .containsPattern("ponte_jobs\\{[^}]*status=\"SUCCEEDED\"[^}]*} [1-9]"));
        String metrics = io.restassured.RestAssured.given().auth().oauth2("test-metrics-key").get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("ponte_jobs\\{[^}]*status=\"SUCCEEDED\"[^}]*} [1-9]")
                .contains("ponte_jobs_run_seconds_bucket").contains("ponte_jobs_queue_wait_seconds_bucket")
                .contains("ponte_jobs_completed_total");
    }

    @Test
    void expiredLeaseIsRecoveredAndTheJobSucceedsExactlyOnce() throws Exception {
        JobStore store = new JobStore(dataSource);
        Instant now = Instant.now();
        long id = store.enqueue(new NewJob(UUID.randomUUID(), "test.noop", "deal:lease", "lease:" + UUID.randomUUID(),
                null, now.plusSeconds(3600)), 5, now);
        // A worker of another instance claims the job with a short lease, then dies without a word.
        try (var c = dataSource.getConnection(); var ps = c.prepareStatement("update job set status = 'RUNNING',"
                + " run_at = null, lease_owner = 'dead-worker', lease_until = ?, attempts = 1 where id = ?")) {
            ps.setObject(1, JobStore.ts(Instant.now().plusMillis(300)));
            ps.setLong(2, id);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        // Its lease expires; a live worker recovers the job and runs it.
        Job done = awaitStatus(id, JobStatus.SUCCEEDED);
        assertThat(done.attempts()).isEqualTo(2);
        assertThat(NoopHandler.RUNS.get(id)).hasValue(1);
        // The dead worker comes back and reports: its outcome is refused; the job stays done, once.
        int lost = store.complete(List.of(new JobStore.Completion(id, "dead-worker", 1, JobStatus.SUCCEEDED, 1, null,
                null, null, Instant.now())));
        assertThat(lost).isEqualTo(1);
        assertThat(jobs.find(id).orElseThrow().status()).isEqualTo(JobStatus.SUCCEEDED);
    }

    @Test
    void aLongJobKeepsItsLeaseAndStopsOnceAnotherWorkerTookItOver() throws Exception {
        JobStore store = new JobStore(dataSource);
        Instant now = Instant.now();
        long id = store.enqueue(new NewJob(UUID.randomUUID(), "test.noop", "deal:long", "long:" + UUID.randomUUID(),
                null, now.plusSeconds(3600)), 5, now);
        claim(id, "live-worker", 1, now.plusMillis(300));
        Job running = jobs.find(id).orElseThrow();
        jobs.leaseKeeper(running).run();
        assertThat(jobs.find(id).orElseThrow().leaseUntil()).isAfter(now.plusSeconds(10));
        // The lease expired all the same (the job stalled) and another worker took the job: the keeper says so.
        claim(id, "other-worker", 2, now.plusSeconds(20));
        Runnable stale = jobs.leaseKeeper(running);
        assertThatThrownBy(stale::run).isInstanceOf(JobService.LeaseLost.class);
        assertThat(jobs.find(id).orElseThrow().leaseOwner()).isEqualTo("other-worker");
    }

    @Test
    void aJobRunningLongerThanAQuarterLeaseHasItsLeaseMovedOnAndRunsOnce() {
        long id = enqueue(UUID.randomUUID(), "sleep:7000");
        Job running = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> jobs.find(id).orElseThrow(), j -> j.status() == JobStatus.RUNNING);
        // The engine renews every quarter lease (5 s of the tests' 20 s) while the handler still runs.
        await().atMost(Duration.ofSeconds(7)).pollInterval(Duration.ofMillis(100))
                .until(() -> jobs.find(id).orElseThrow(), j -> j.status() == JobStatus.RUNNING
                        && j.leaseUntil().isAfter(running.leaseUntil()));
        Job done = awaitStatus(id, JobStatus.SUCCEEDED);
        assertThat(done.attempts()).isEqualTo(1);
        assertThat(ScriptedHandler.RUNS.get(id)).hasSize(1);
    }

    private void claim(long id, String owner, int attempts, Instant until) throws Exception {
        try (var c = dataSource.getConnection(); var ps = c.prepareStatement("update job set status = 'RUNNING',"
                + " run_at = null, lease_owner = ?, lease_until = ?, attempts = ? where id = ?")) {
            ps.setString(1, owner);
            ps.setObject(2, JobStore.ts(until));
            ps.setInt(3, attempts);
            ps.setLong(4, id);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    void activeConnectionScheduleEnqueuesReconciliationAndDisabledDoesNot() {
        Tenant tenant = newTenant("Scheduled");
        Map<String, Object> everySecond = Map.of("settings", Map.of("schedule.full", "* * * * * ?"));
        UUID active = newConnection(tenant, everySecond);
        UUID disabled = newConnection(tenant, everySecond);
        as(tenant.key()).post("/api/v1/connections/" + active + "/enable").then().statusCode(200);
        as(tenant.key()).post("/api/v1/connections/" + disabled + "/enable").then().statusCode(200);
        as(tenant.key()).post("/api/v1/connections/" + disabled + "/disable").then().statusCode(200);
        // Each scheduled firing is one full run with its report (R50); the disabled connection runs nothing.
        await().atMost(Duration.ofSeconds(15)).until(() -> as(tenant.key()).get("/api/v1/connections/" + active
                + "/runs").then().statusCode(200).extract().jsonPath()
                .getList("items.findAll { it.triggeredBy == 'SCHEDULE' && it.status == 'SUCCEEDED' }").size() >= 2);
        as(tenant.key()).get("/api/v1/connections/" + disabled + "/runs").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.is(0));
    }

    @Test
    void aJobsHistoryLinesAreCommittedWithItsOutcome() throws Exception {
        // Recorded, the job still running: nothing of it is visible yet, so no one reads half an attempt.
        heldAfterItsLines("history:3", held -> assertThat(held).isEmpty(),
                done -> assertThat(done).containsExactly("line 1", "line 2", "line 3"));
    }

    @Test
    void aLongAttemptWritesItsHistoryAHundredLinesAtATime() throws Exception {
        heldAfterItsLines("history:250", held -> assertThat(held).hasSize(200).startsWith("line 1", "line 2")
                .endsWith("line 200"), done -> assertThat(done).hasSize(250).endsWith("line 249", "line 250"));
    }

    /** Runs a {@code history:<n>} job, checks its history while it is held after its lines, then once it succeeded. */
    private void heldAfterItsLines(String script, Consumer<List<String>> held, Consumer<List<String>> done)
            throws Exception {
        UUID connection = UUID.randomUUID();
        ScriptedHandler.HOLD = new CountDownLatch(1);
        try {
            long id = enqueue(connection, script);
            await().atMost(Duration.ofSeconds(20)).until(() -> ScriptedHandler.HELD.contains(id));
            held.accept(historyOf(connection));
            assertThat(jobs.find(id).orElseThrow().status()).isEqualTo(JobStatus.RUNNING);
            ScriptedHandler.HOLD.countDown();
            awaitStatus(id, JobStatus.SUCCEEDED);
            done.accept(historyOf(connection));
        } finally {
            ScriptedHandler.HOLD.countDown();
        }
    }

    @Test
    void aHistoryLineTheDatabaseRefusesHoldsBackNeitherTheOutcomeNorOtherJobsLines() throws Exception {
        UUID connection = UUID.randomUUID();
        long refused = enqueue(connection, "history-refused");
        long fine = enqueue(connection, "history:2");
        awaitStatus(refused, JobStatus.SUCCEEDED);
        awaitStatus(fine, JobStatus.SUCCEEDED);
        assertThat(historyOf(connection)).containsExactly("line 1", "line 2");
    }

    /** The messages of a connection's history lines, oldest first. */
    private List<String> historyOf(UUID connection) throws Exception {
        List<String> messages = new ArrayList<>();
        try (var c = dataSource.getConnection(); var ps = c.prepareStatement("select message from history where"
                + " connection_id = ? order by id")) {
            ps.setObject(1, connection);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    messages.add(rs.getString(1));
                }
            }
        }
        return messages;
    }

    @Test
    void aWorkerThreadEndsOnceItHasBeenIdleForWorkerIdle() {
        // The test profile's ponte.engine.worker-idle is 2 s.
        long id = enqueue(UUID.randomUUID(), "done");
        awaitStatus(id, JobStatus.SUCCEEDED);
        assertThat(workerThreads()).as("the worker that ran the job, still waiting for another").isPositive();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> workerThreads() == 0);
    }

    private static long workerThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("ponte-worker-"))
                .count();
    }

    long enqueue(UUID connection, String script) {
        return jobs.enqueue(new NewJob(connection, "test.scripted", "subject:" + UUID.randomUUID(),
                "key:" + UUID.randomUUID(), script));
    }

    Job awaitStatus(long id, JobStatus status) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> jobs.find(id).orElseThrow().status() == status);
        return jobs.find(id).orElseThrow();
    }

}
