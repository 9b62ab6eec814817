package dev.ponte.engine;

import dev.ponte.support.PostgresProfile;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@TestProfile(PostgresProfile.class)
class JobEnginePostgresTest extends JobEngineContractTest {

    @Inject
    MeterRegistry meters;

    @Test
    void twoEnginesOnOneDatabaseRunTenThousandJobsExactlyOnce() {
        JobStore store = new JobStore(dataSource);
        UUID connection = UUID.randomUUID();
        NoopHandler handler = new NoopHandler();
        List<JobEngine> engines = List.of(engine("instance-a", handler), engine("instance-b", handler));
        Set<Long> ids = new HashSet<>();
        java.time.Instant now = java.time.Instant.now();
        for (int i = 0; i < 10_000; i++) {
            // A tenth of the jobs share subjects, so ordering is exercised under contention too.
            String subject = i % 10 == 0 ? "deal:shared-" + (i % 7) : "deal:" + i;
            ids.add(store.enqueue(new NewJob(connection, "test.noop", subject, "many:" + UUID.randomUUID(), null),
                    8, now));
        }
        engines.forEach(JobEngine::start);
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> jobs.list(
                    List.of(connection), connection, JobStatus.SUCCEEDED, null, 0, 1).total() == 10_000);
        } finally {
            engines.forEach(e -> e.stop(Duration.ofSeconds(5)));
        }
        assertThat(ids).hasSize(10_000);
        Map<Long, AtomicInteger> runs = NoopHandler.RUNS;
        assertThat(ids).allSatisfy(id -> assertThat(runs.get(id)).as("runs of job %d", id).hasValue(1));
    }

    private JobEngine engine(String owner, NoopHandler handler) {
        return new JobEngine(new JobStore(dataSource), Map.of("test.noop", handler), owner, 8, Duration.ofMinutes(1),
                Duration.ofMillis(50), Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofSeconds(10), id -> 1_000_000,
                Clock.systemUTC(), (id, message) -> { }, meters);
    }
}
