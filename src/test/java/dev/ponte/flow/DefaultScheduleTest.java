package dev.ponte.flow;

import static dev.ponte.flow.PipedriveToContaAzul.PIPEDRIVE;
import static dev.ponte.flow.PipedriveToContaAzul.connect;
import static dev.ponte.flow.PipedriveToContaAzul.deal;
import static dev.ponte.flow.PipedriveToContaAzul.eventually;
import static dev.ponte.flow.PipedriveToContaAzul.organization;
import static dev.ponte.flow.PipedriveToContaAzul.pipedrive;
import static dev.ponte.flow.PipedriveToContaAzul.product;
import static dev.ponte.flow.PipedriveToContaAzul.sales;
import static dev.ponte.flow.PipedriveToContaAzul.setStatus;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * R18 without configuration: every enabled connection reconciles incrementally on the default schedule, so a deal
 * whose webhook never arrived still becomes a sale; a connection whose setting says {@code off} has no such runs.
 * The default here fires every second instead of every five minutes.
 */
@QuarkusTest
@TestProfile(DefaultScheduleTest.EverySecond.class)
class DefaultScheduleTest {

    /**
     * Every second, on a database of its own: the in-memory H2 of the other tests outlives their apps, and their
     * hundreds of connections would all reconcile every second here.
     */
    public static class EverySecond implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ponte.schedules.incremental", "* * * * * ?", "quarkus.datasource.jdbc.url",
                    "jdbc:h2:mem:ponte-schedule;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
                            + "DB_CLOSE_DELAY=-1");
        }
    }

    @BeforeEach
    void reset() {
        PipedriveToContaAzul.resetSandboxes();
    }

    @Test
    void r18_aMissedWebhookIsCaughtWithoutAnyScheduleConfigured() {
        PipedriveToContaAzul off = connect(Map.of("schedule.incremental", "off"));
        PipedriveToContaAzul c = connect(Map.of());
        for (Object id : pipedrive().get(PIPEDRIVE + "/v1/webhooks").jsonPath().getList("data.id")) {
            pipedrive().delete(PIPEDRIVE + "/v1/webhooks/" + id).then().statusCode(200);
        }
        long deal = deal("Venda", 10, organization("Acme", "11.222.333/0001-81"), null, product("P", "P-1", 10), 1);
        setStatus(deal, "won");
        eventually(() -> assertThat(sales()).isEqualTo(1));
        assertThat(c.history(deal)).anyMatch(m -> m.contains("created pending review"));
        // Several default runs have come and gone by now; the connection switched off had none of them.
        eventually(() -> assertThat(c.jobs("subject=schedule:incremental").getInt("total")).isGreaterThanOrEqualTo(3));
        assertThat(off.jobs("subject=schedule:incremental").getInt("total")).isZero();
    }
}
