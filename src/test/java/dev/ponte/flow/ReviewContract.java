package dev.ponte.flow;

import static dev.ponte.flow.PipedriveToContaAzul.connect;
import static dev.ponte.flow.PipedriveToContaAzul.contaAzul;
import static dev.ponte.flow.PipedriveToContaAzul.contaAzulCustomer;
import static dev.ponte.flow.PipedriveToContaAzul.create;
import static dev.ponte.flow.PipedriveToContaAzul.deal;
import static dev.ponte.flow.PipedriveToContaAzul.eventually;
import static dev.ponte.flow.PipedriveToContaAzul.product;
import static dev.ponte.flow.PipedriveToContaAzul.sales;
import static dev.ponte.flow.PipedriveToContaAzul.setStatus;
import static dev.ponte.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.ponte.support.Api;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * R60 over real HTTP on the sandboxes: two Conta Azul customers with the same name are never guessed between; the
 * won deal waits in the connection's review list with both, and a person's choice (one of them, or a new customer)
 * makes the sale and is kept for the customer's next deals.
 */
abstract class ReviewContract {

    @BeforeEach
    void reset() {
        PipedriveToContaAzul.resetSandboxes();
    }

    @Test
    void r60_sameNameTwiceWaitsInTheReviewListUntilAPersonPicksOneWhichTheNextDealReuses() {
        PipedriveToContaAzul c = connect(Map.of("matchByName", true));
        String first = contaAzulCustomer("Maria Oliveira");
        String second = contaAzulCustomer("Maria Oliveira");
        long person = create("/v1/persons", Map.of("name", "Maria Oliveira"));
        long deal = deal("Venda", 10, null, person, product("P", "P-1", 10), 1);
        setStatus(deal, "won");

        JsonPath review = awaitReview(c);
        assertThat(review.getString("items[0].subject")).isEqualTo("pipedrive:deal:" + deal);
        assertThat(review.getString("items[0].field")).isEqualTo("customer");
        assertThat(review.getString("items[0].reason")).contains("2 customers have exactly this name");
        assertThat(review.getList("items[0].candidates.id", String.class)).containsExactlyInAnyOrder(first, second);
        assertThat(review.getList("items[0].candidates.name", String.class)).containsOnly("Maria Oliveira");
        assertThat(sales()).isZero();
        long job = review.getLong("items[0].jobId");
        assertThat(c.jobs("status=DEAD").getList("items.id", Long.class)).contains(job);

        choose(c, job, Map.of("ledgerId", second)).then().statusCode(200).body("jobId", equalTo((int) job));
        eventually(() -> assertThat(sales()).isEqualTo(1));
        assertThat(contaAzul().getString("vendas[0].idCliente")).isEqualTo(second);
        assertThat(reviews(c).getList("items")).isEmpty();
        assertThat(c.history(deal)).anyMatch(m -> m.contains("a person chose in the review list (" + second + ")"));

        long next = deal("Outra venda", 20, null, person, product("P", "P-1", 10), 2);
        setStatus(next, "won");
        eventually(() -> assertThat(sales()).isEqualTo(2));
        assertThat(contaAzul().getList("vendas.idCliente", String.class)).containsOnly(second);
        assertThat(reviews(c).getList("items")).isEmpty();
        assertThat(contaAzul().getList("pessoas")).hasSize(2);
    }

    @Test
    void r60_createNewMakesTheSaleWithANewCustomer() {
        PipedriveToContaAzul c = connect(Map.of("matchByName", true));
        List<String> existing = List.of(contaAzulCustomer("João Lima"), contaAzulCustomer("João Lima"));
        long deal = deal("Venda", 10, null, create("/v1/persons", Map.of("name", "João Lima")),
                product("P", "P-1", 10), 1);
        setStatus(deal, "won");
        long job = awaitReview(c).getLong("items[0].jobId");

        choose(c, job, Map.of("createNew", true)).then().statusCode(200);
        eventually(() -> assertThat(sales()).isEqualTo(1));
        assertThat(contaAzul().getList("pessoas")).hasSize(3);
        assertThat(existing).doesNotContain(contaAzul().getString("vendas[0].idCliente"));
        assertThat(c.history(deal)).anyMatch(m -> m.contains("created, as a person chose in the review list"));
    }

    @Test
    void r60_aChoiceIsOneOfTheCandidatesOrNewOnlyOnceAndOnlyByTheConnectionsTenant() {
        PipedriveToContaAzul c = connect(Map.of("matchByName", true));
        String candidate = contaAzulCustomer("Ana Costa");
        contaAzulCustomer("Ana Costa");
        setStatus(deal("Venda", 10, null, create("/v1/persons", Map.of("name", "Ana Costa")), product("P", "P-1", 10),
                1), "won");
        long job = awaitReview(c).getLong("items[0].jobId");

        choose(c, job, Map.of("ledgerId", "not-a-candidate")).then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("ledgerId"));
        choose(c, job, Map.of("ledgerId", candidate, "createNew", true)).then().statusCode(422)
                .body("errors[0].field", equalTo("ledgerId"));
        choose(c, job, Map.of()).then().statusCode(422).body("errors[0].field", equalTo("ledgerId"));
        Api.Tenant other = Api.newTenant("Outra " + job);
        as(other.key()).get("/api/v1/connections/" + c.connection + "/reviews").then().statusCode(404);
        as(other.key()).contentType(ContentType.JSON).body(Map.of("ledgerId", candidate))
                .post("/api/v1/connections/" + c.connection + "/reviews/" + job).then().statusCode(404);
        assertThat(sales()).isZero();

        choose(c, job, Map.of("ledgerId", candidate)).then().statusCode(200);
        eventually(() -> assertThat(sales()).isEqualTo(1));
        choose(c, job, Map.of("createNew", true)).then().statusCode(404).contentType("application/problem+json");
        assertThat(contaAzul().getList("pessoas")).hasSize(2);
    }

    @Test
    void r60_aCustomerWithoutDocumentWhoseCreateAnswerWasLostIsOfferedForReviewNotCreatedAgain() {
        PipedriveToContaAzul c = connect(Map.of());
        given().contentType(ContentType.JSON).body(Map.of("drop_after_commit", 1)).post(
                PipedriveToContaAzul.CONTA_AZUL + "/_faults").then().statusCode(200);
        setStatus(deal("Venda", 10, null, create("/v1/persons", Map.of("name", "Rita Alves")), product("P", "P-1", 10),
                1), "won");
        JsonPath review = awaitReview(c);
        assertThat(review.getString("items[0].reason")).contains("its answer was lost");
        String created = review.getString("items[0].candidates[0].id");
        assertThat(contaAzul().getList("pessoas")).hasSize(1);

        choose(c, review.getLong("items[0].jobId"), Map.of("ledgerId", created)).then().statusCode(200);
        eventually(() -> assertThat(sales()).isEqualTo(1));
        assertThat(contaAzul().getString("vendas[0].idCliente")).isEqualTo(created);
        assertThat(contaAzul().getList("pessoas")).hasSize(1);
    }

    private static JsonPath awaitReview(PipedriveToContaAzul c) {
        eventually(() -> assertThat(reviews(c).getList("items")).hasSize(1));
        return reviews(c);
    }

    private static JsonPath reviews(PipedriveToContaAzul c) {
        return as(c.tenant.key()).get("/api/v1/connections/" + c.connection + "/reviews").then().statusCode(200)
                .extract().jsonPath();
    }

    private static io.restassured.response.Response choose(PipedriveToContaAzul c, long job, Map<String, ?> body) {
        return as(c.tenant.key()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/connections/" + c.connection + "/reviews/" + job);
    }
}
