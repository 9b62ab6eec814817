package dev.ponte.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A run whose job ended without finishing it must not block the connection's reconciliation for ever (R18). */
@QuarkusTest
class AbandonedRunTest {

    @Inject
    RunService runs;

    @Inject
    JobService jobs;

    @Test
    void aRunWhoseJobEndedWithoutFinishingItGivesWayToTheNextAndSaysSo() {
        // No such connection: its run's job is skipped before it begins the run, which stays active.
        UUID connection = UUID.randomUUID();
        SyncRun first = runs.trigger(connection, "incremental").orElseThrow();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> jobs.find(first.jobId).orElseThrow().status().finished());

        assertThat(runs.trigger(connection, "incremental")).isPresent();
        SyncRun ended = QuarkusTransaction.requiringNew().call(() -> SyncRun.<SyncRun>findById(first.id));
        assertThat(ended.status).isEqualTo("FAILED");
        assertThat(ended.message).contains("abandoned");
        assertThat(ended.activeKey).isNull();
    }
}
