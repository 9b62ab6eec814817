package dev.ponte.flow;

import static dev.ponte.flow.PipedriveToContaAzul.connect;
import static dev.ponte.flow.PipedriveToContaAzul.contaAzul;
import static dev.ponte.flow.PipedriveToContaAzul.create;
import static dev.ponte.flow.PipedriveToContaAzul.deal;
import static dev.ponte.flow.PipedriveToContaAzul.eventually;
import static dev.ponte.flow.PipedriveToContaAzul.organization;
import static dev.ponte.flow.PipedriveToContaAzul.sales;
import static dev.ponte.flow.PipedriveToContaAzul.setStatus;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.ponte.connector.Postponed;
import dev.ponte.engine.Job;
import dev.ponte.engine.JobService;
import dev.ponte.engine.JobStatus;
import dev.ponte.engine.Records;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 8, item 3: waiting for another job's claim is not failing; a refused create gives its claim back at once. */
@QuarkusTest
class WonDealToSaleWaitingTest {

    private static final String CNPJ = "11.222.333/0001-81";

    @Inject
    Records records;

    @Inject
    JobService jobs;

    @Inject
    WonDealToSale handler;

    @BeforeEach
    void reset() {
        PipedriveToContaAzul.resetSandboxes();
    }

    /**
     * Another job holds the customer's claim for longer than a worker waits in its thread (as when its create keeps
     * meeting 429s and it backs off): the deal is postponed, spends no attempt, and syncs once the claim is given up.
     */
    @Test
    void dealWaitingForAnotherJobsCustomerClaimSpendsNoAttempt() {
        PipedriveToContaAzul c = connect(Map.of());
        long deal = deal("Venda", 10, organization("Acme", CNPJ), null, PipedriveToContaAzul.product("P", "P-1", 10),
                1);
        Records.Claim held = records.claimMatch(c.connection, "customer", "CNPJ:11222333000181", "job:elsewhere",
                LedgerMatching.CLAIM_STALE_AFTER);
        assertThat(held.reserved()).isTrue();
        setStatus(deal, "won");
        // Two postponements in: the job has waited past its worker's in-thread wait twice (where the flow used to
        // spend an attempt per wait, and eight waits killed the deal).
        await().atMost(Duration.ofSeconds(30)).until(() -> job(c).filter(j -> j.postponements() >= 2
                || j.attempts() >= 2).isPresent());
        records.releaseMatch(c.connection, "customer", "CNPJ:11222333000181", "job:elsewhere");

        eventually(() -> assertThat(sales()).isEqualTo(1));
        eventually(() -> assertThat(job(c).orElseThrow().status()).isEqualTo(JobStatus.SUCCEEDED));
        Job done = job(c).orElseThrow();
        assertThat(done.attempts()).isEqualTo(1);
        assertThat(done.lastError()).isNull();
        assertThat(contaAzul().getList("pessoas")).hasSize(1);
    }

    /**
     * A deal whose product is tagged as a service that the ledger lacks is refused; its claim of the item is given
     * back, so once the user creates the service, the next deal with it syncs at once instead of waiting minutes for
     * the refused job's claim to go stale.
     */
    @Test
    void refusedItemGivesItsClaimBackAtOnce() {
        PipedriveToContaAzul c = connect(Map.of());
        long service = create("/v1/products", Map.of("name", "Consultoria", "code", "SRV-1", "description",
                "contaazul-serviço", "prices", List.of(Map.of("price", 100, "currency", "BRL"))));
        setStatus(deal("Primeira", 100, organization("Acme", CNPJ), null, service, 1), "won");
        eventually(() -> assertThat(c.jobs("status=DEAD").getInt("total")).isEqualTo(1));
        assertThat(c.jobs("status=DEAD").getString("items[0].lastError.detail")).contains("does not exist");

        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + PipedriveToContaAzul.contaAzulToken())
                .body(Map.of("descricao", "Consultoria", "codigo", "SRV-1"))
                .post(PipedriveToContaAzul.CONTA_AZUL + "/v1/servicos").then().statusCode(200);
        setStatus(deal("Segunda", 100, organization("Beta", "11.444.777/0001-61"), null, service, 1), "won");
        eventually(() -> assertThat(sales()).isEqualTo(1));
        JsonPath succeeded = c.jobs("status=SUCCEEDED");
        assertThat(succeeded.getInt("total")).isEqualTo(1);
        assertThat(succeeded.getInt("items[0].attempts")).isEqualTo(1);
    }

    /**
     * A job already claimed when its connection is switched off (or needs a reconnect) finds it inactive: it waits
     * with the connection's other work instead of being skipped, which would lose the deal for good.
     */
    @Test
    void aJobThatFindsItsConnectionSwitchedOffWaitsInsteadOfBeingSkipped() {
        PipedriveToContaAzul c = connect(Map.of());
        setStatus(deal("Venda", 10, organization("Acme", CNPJ), null, PipedriveToContaAzul.product("P", "P-1", 10), 1),
                "won");
        eventually(() -> assertThat(sales()).isEqualTo(1));
        Job claimed = job(c).orElseThrow();
        dev.ponte.support.Api.as(c.tenant.key()).post("/api/v1/connections/" + c.connection + "/disable").then()
                .statusCode(200);

        assertThatThrownBy(() -> handler.run(claimed)).isInstanceOf(Postponed.class)
                .hasMessageContaining("the connection is not active");
    }

    private java.util.Optional<Job> job(PipedriveToContaAzul c) {
        return jobs.list(List.of(c.connection), c.connection, null, null, 0, 10).items().stream().findFirst();
    }
}
