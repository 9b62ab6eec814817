package dev.ponte.flow;

import static dev.ponte.flow.PipedriveToContaAzul.connectedNotEnabled;
import static dev.ponte.flow.PipedriveToContaAzul.contaAzul;
import static dev.ponte.flow.PipedriveToContaAzul.contaAzulCustomer;
import static dev.ponte.flow.PipedriveToContaAzul.create;
import static dev.ponte.flow.PipedriveToContaAzul.deal;
import static dev.ponte.flow.PipedriveToContaAzul.eventually;
import static dev.ponte.flow.PipedriveToContaAzul.organization;
import static dev.ponte.flow.PipedriveToContaAzul.pipedrive;
import static dev.ponte.flow.PipedriveToContaAzul.product;
import static dev.ponte.flow.PipedriveToContaAzul.sales;
import static dev.ponte.flow.PipedriveToContaAzul.setStatus;
import static dev.ponte.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.ponte.support.Api;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * R2 and R61 over real HTTP on the sandboxes: a dry run says what a connection would do with the deals won in a range
 * — before it is enabled too — and writes nothing; a backfill of a range syncs the deals won in it before the
 * activation, once, and nothing outside it.
 */
abstract class BackfillContract {

    @BeforeEach
    void reset() {
        PipedriveToContaAzul.resetSandboxes();
    }

    @Test
    void r61_aDryRunOfAConnectionNotYetEnabledSaysWhatItWouldCreateReuseSkipOrReviewAndWritesNothing() {
        Instant from = Instant.now().minus(1, ChronoUnit.HOURS);
        String maria = contaAzulCustomer("Maria Oliveira");
        contaAzulCustomer("Ana Costa");
        contaAzulCustomer("Ana Costa");
        long newCompany = deal("Padaria", 30, organization("Padaria Sol", "11.222.333/0001-81"), null,
                product("Pão", "PAO-1", 10), 3);
        long known = deal("Bolo", 20, null, create("/v1/persons", Map.of("name", "Maria Oliveira")),
                product("Bolo", "BOLO-1", 20), 1);
        long homonym = deal("Torta", 15, null, create("/v1/persons", Map.of("name", "Ana Costa")),
                product("Torta", "TORTA-1", 15), 1);
        long noValue = deal("Amostra", 0, null, create("/v1/persons", Map.of("name", "Rui Dias")),
                product("Amostra", "AM-1", 0), 1);
        long open = deal("Aberto", 50, null, create("/v1/persons", Map.of("name", "Rui Dias")),
                product("Aberto", "AB-1", 50), 1);
        for (long deal : List.of(newCompany, known, homonym, noValue)) {
            setStatus(deal, "won");
        }
        PipedriveToContaAzul c = connectedNotEnabled(Map.of("matchByName", true));
        JsonPath before = contaAzul();

        JsonPath preview = dryRun(c, Map.of("from", from.toString(), "to", Instant.now().plusSeconds(60).toString()))
                .then().statusCode(200).extract().jsonPath();

        assertThat(preview.getInt("records")).isEqualTo(4);
        assertThat(preview.getBoolean("truncated")).isFalse();
        assertThat(preview.getList("previews.subject", String.class)).doesNotContain("pipedrive:deal:" + open);
        Map<String, Object> created = previewOf(preview, newCompany);
        assertThat(created.get("outcome")).isEqualTo("CREATE");
        assertThat(decisions(created)).contains("no customer with CNPJ **.***.***/**01-81 or the same name: would be "
                + "created", "product \"Pão\" would be created: no code or name match");
        assertThat(decisions(created).get(decisions(created).size() - 1)).contains("a sale of 30.00 BRL would be "
                + "created pending review");
        Map<String, Object> matched = previewOf(preview, known);
        assertThat(matched.get("outcome")).isEqualTo("CREATE");
        assertThat(decisions(matched)).contains("customer matched by exact name (" + maria + ")");
        Map<String, Object> review = previewOf(preview, homonym);
        assertThat(review.get("outcome")).isEqualTo("REVIEW");
        assertThat(decisions(review)).anyMatch(d -> d.contains("2 customers have exactly this name"));
        assertThat(previewOf(preview, noValue).get("outcome")).isEqualTo("SKIP");
        assertThat(decisions(previewOf(preview, noValue))).containsExactly("skipped: the deal has no value");
        assertThat(preview.getMap("counts")).containsEntry("CREATE", 2).containsEntry("REVIEW", 1)
                .containsEntry("SKIP", 1).containsEntry("REUSE", 0).containsEntry("REFUSE", 0);

        assertThat(contaAzul().getList("pessoas")).isEqualTo(before.getList("pessoas"));
        assertThat(contaAzul().getList("produtos")).isEqualTo(before.getList("produtos"));
        assertThat(sales()).isZero();
        assertThat(c.history(newCompany)).isEmpty();
        assertThat(c.jobs("").getList("items")).isEmpty();

        JsonPath limited = dryRun(c, Map.of("from", from.toString(), "to", Instant.now().plusSeconds(60).toString(),
                "limit", 1)).then().statusCode(200).extract().jsonPath();
        assertThat(limited.getInt("records")).isEqualTo(1);
        assertThat(limited.getBoolean("truncated")).isTrue();
    }

    @Test
    void r61_aDryRunOrABackfillNeedsARangeInOrderOnTheTenantsOwnEnabledConnection() {
        PipedriveToContaAzul c = connectedNotEnabled(Map.of());
        String now = Instant.now().toString();
        dryRun(c, Map.of("to", now)).then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("from"));
        dryRun(c, Map.of("from", now, "to", now)).then().statusCode(422).body("errors[0].field", equalTo("to"));
        dryRun(c, Map.of("from", "last week", "to", now)).then().statusCode(400).body("errors[0].field",
                equalTo("from"));
        backfill(c, Map.of("mode", "backfill", "to", now)).then().statusCode(422)
                .body("errors[0].field", equalTo("from"));
        backfill(c, Map.of("mode", "backfill", "from", Instant.now().minusSeconds(3600).toString(), "to", now))
                .then().statusCode(409).contentType("application/problem+json");
        Api.Tenant other = Api.newTenant("Outra " + c.connection);
        as(other.key()).contentType(ContentType.JSON).body(Map.of("from", now, "to", now))
                .post("/api/v1/connections/" + c.connection + "/dry-run").then().statusCode(404);
    }

    @Test
    void r2_aBackfillSyncsTheDealsWonInItsRangeBeforeTheActivationOnceAndNothingOutsideIt() {
        long before = deal("Antes", 10, organization("Acme", "11.222.333/0001-81"), null, product("P", "P-1", 10), 1);
        setStatus(before, "won");
        Instant wonBefore = wonTime(before);
        await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().truncatedTo(ChronoUnit.SECONDS)
                .isAfter(wonBefore));
        long outside = deal("Fora", 10, null, create("/v1/persons", Map.of("name", "Rui Dias")),
                product("P", "P-1", 10), 1);
        setStatus(outside, "won");
        PipedriveToContaAzul c = connectedNotEnabled(Map.of());
        c.enable();
        long after = deal("Depois", 10, null, create("/v1/persons", Map.of("name", "Lia Reis")),
                product("P", "P-1", 10), 1);
        setStatus(after, "won");
        eventually(() -> assertThat(sales()).isEqualTo(1));
        assertThat(c.history(before)).isEmpty();

        Map<String, Object> range = Map.of("mode", "backfill", "from", wonBefore.minusSeconds(3600).toString(),
                "to", wonBefore.plusSeconds(1).toString());
        JsonPath run = awaitRun(c, backfillRun(c, range));
        assertThat(run.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(run.getInt("created")).isEqualTo(1);
        assertThat(run.getString("message")).startsWith("backfill from " + wonBefore.minusSeconds(3600));
        eventually(() -> assertThat(sales()).isEqualTo(2));
        assertThat(c.history(before)).anyMatch(m -> m.contains("created pending review"));
        assertThat(c.history(outside)).isEmpty();

        JsonPath everything = awaitRun(c, backfillRun(c, Map.of("mode", "backfill", "from",
                wonBefore.minusSeconds(3600).toString(), "to", Instant.now().plusSeconds(60).toString())));
        assertThat(everything.getInt("created")).isEqualTo(3);
        eventually(() -> assertThat(c.history(after)).anyMatch(m -> m.contains("was already created")));
        eventually(() -> assertThat(sales()).isEqualTo(3));
        assertThat(c.history(outside)).anyMatch(m -> m.contains("created pending review"));
        assertThat(c.history(before).stream().filter(m -> m.contains("created pending review"))).hasSize(1);
        JsonPath preview = dryRun(c, Map.of("from", wonBefore.minusSeconds(3600).toString(), "to",
                Instant.now().plusSeconds(60).toString())).then().statusCode(200).extract().jsonPath();
        assertThat(preview.getMap("counts")).containsEntry("REUSE", 3).containsEntry("CREATE", 0);
        assertThat(contaAzul().getList("vendas.numero")).doesNotHaveDuplicates();
        assertThat(contaAzul().getList("pessoas")).hasSize(3);
    }

    private static long backfillRun(PipedriveToContaAzul c, Map<String, Object> body) {
        long[] id = { 0 };
        // the connection's first incremental run may still be running: a backfill waits for it (409 meanwhile)
        eventually(() -> id[0] = backfill(c, body).then().statusCode(202).extract().jsonPath().getLong("id"));
        return id[0];
    }

    private static JsonPath awaitRun(PipedriveToContaAzul c, long run) {
        String path = "/api/v1/connections/" + c.connection + "/runs/" + run;
        eventually(() -> assertThat(as(c.tenant.key()).get(path).then().statusCode(200).extract().jsonPath()
                .getString("finishedAt")).isNotNull());
        return as(c.tenant.key()).get(path).then().statusCode(200).extract().jsonPath();
    }

    private static Instant wonTime(long deal) {
        return Instant.parse(pipedrive().get(PipedriveToContaAzul.PIPEDRIVE + "/api/v2/deals/" + deal).then()
                .statusCode(200).extract().jsonPath().getString("data.won_time"));
    }

    private static io.restassured.response.Response dryRun(PipedriveToContaAzul c, Map<String, ?> body) {
        return as(c.tenant.key()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/connections/" + c.connection + "/dry-run");
    }

    private static io.restassured.response.Response backfill(PipedriveToContaAzul c, Map<String, ?> body) {
        return as(c.tenant.key()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/connections/" + c.connection + "/runs");
    }

    private static Map<String, Object> previewOf(JsonPath preview, long deal) {
        List<Map<String, Object>> previews = preview.getList("previews");
        return previews.stream().filter(p -> p.get("subject").equals("pipedrive:deal:" + deal)).findFirst()
                .orElseThrow(() -> new AssertionError("no preview of deal " + deal + " in " + previews));
    }

    @SuppressWarnings("unchecked")
    private static List<String> decisions(Map<String, Object> preview) {
        return (List<String>) preview.get("decisions");
    }

}
