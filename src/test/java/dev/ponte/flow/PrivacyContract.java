package dev.ponte.flow;

import static dev.ponte.flow.PipedriveToContaAzul.CPF_FIELD;
import static dev.ponte.flow.PipedriveToContaAzul.connect;
import static dev.ponte.flow.PipedriveToContaAzul.contaAzul;
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
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import dev.ponte.connection.ConnectionService;
import dev.ponte.engine.JobService;
import dev.ponte.engine.NewJob;
import dev.ponte.engine.RecordService;
import dev.ponte.support.Api;
import dev.ponte.support.Api.Tenant;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * LGPD/GDPR requests over real HTTP, on H2 and on PostgreSQL: deals of one person synced from the Pipedrive sandbox to
 * the Conta Azul sandbox, then that person's data requested and removed through the operator API; every Ponte API
 * answer and every row of every table is searched for their name, CPF, e-mail and phones afterwards.
 */
abstract class PrivacyContract {

    /** Every table Ponte writes (Quartz's own are left out: they hold schedules, no records). */
    private static final List<String> TABLES = List.of("tenant", "api_key", "connection", "job", "job_pause",
            "record_link", "record_match", "history", "sync_cursor", "sync_run", "term_mapping", "term_translation");

    @Inject
    ConnectionService connections;

    @Inject
    RecordService records;

    @Inject
    JobService jobs;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void reset() {
        PipedriveToContaAzul.resetSandboxes();
    }

    /** A person of the CRM with a valid CPF of their own, so no other test's rows can hold the same strings. */
    record Person(String name, String cpf, String email, String phone, String mobile) {

        static Person random(String first) {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            String last = "Quit" + (char) ('a' + r.nextInt(26)) + (char) ('a' + r.nextInt(26)) + "ério"
                    + (char) ('a' + r.nextInt(26));
            int[] d = new int[11];
            for (int i = 0; i < 9; i++) {
                d[i] = r.nextInt(10);
            }
            d[0] = 1 + r.nextInt(9);
            d[9] = check(d, 9);
            d[10] = check(d, 10);
            StringBuilder cpf = new StringBuilder();
            for (int digit : d) {
                cpf.append(digit);
            }
            String tag = Long.toString(r.nextLong(1L << 40), 36);
            String phone = String.valueOf(30000000 + r.nextInt(9999999));
            String mobile = String.valueOf(900000000 + r.nextInt(99999999));
            return new Person(first + " " + last, cpf.toString(), first.toLowerCase(Locale.ROOT) + "." + tag
                    + "@example.com", "+55 11 " + phone.substring(0, 4) + "-" + phone.substring(4),
                    "+55 11 " + mobile.substring(0, 5) + "-" + mobile.substring(5));
        }

        private static int check(int[] d, int n) {
            int sum = 0;
            for (int i = 0; i < n; i++) {
                sum += d[i] * (n + 1 - i);
            }
            int rest = sum % 11;
            return rest < 2 ? 0 : 11 - rest;
        }

        String cpfFormatted() {
            return cpf.substring(0, 3) + "." + cpf.substring(3, 6) + "." + cpf.substring(6, 9) + "-"
                    + cpf.substring(9);
        }

        static String digits(String s) {
            return s.replaceAll("\\D", "");
        }

        /** What must be found nowhere once they are redacted: as typed, and documents and phones by their digits. */
        List<String> strings() {
            return List.of(name, name.split(" ")[1], cpf, cpfFormatted(), email, phone, mobile,
                    digits(phone).substring(2), digits(mobile).substring(2));
        }

        long createInCrm() {
            return create("/v1/persons", Map.of("name", name, CPF_FIELD, cpfFormatted(),
                    "emails", List.of(Map.of("value", email, "primary", true)),
                    "phones", List.of(Map.of("value", phone, "primary", true, "label", "work"),
                            Map.of("value", mobile, "primary", false, "label", "mobile"))));
        }

        Map<String, Object> subject(long crmId, List<Long> deals) {
            return Map.of("sourceCustomerId", String.valueOf(crmId), "recordSubjects",
                    deals.stream().map(d -> "pipedrive:deal:" + d).toList(), "name", name, "taxId", cpfFormatted(),
                    "email", email, "phone", phone + ", " + mobile);
        }
    }

    @Test
    void redactedPersonIsInNoAnswerAndNoTableWhileLinksStillPreventDuplicates() throws SQLException {
        Person ana = Person.random("Ana");
        Person bruno = Person.random("Bruno");
        PipedriveToContaAzul c = connect(Map.of("taxIdField", CPF_FIELD));
        long anaId = ana.createInCrm();
        long brunoId = bruno.createInCrm();
        long pen = product("Caneta", "CAN-01", 10);
        long first = deal("Venda 1", 10, null, anaId, pen, 1);
        long second = deal("Venda 2", 20, null, anaId, pen, 2);
        long other = deal("Venda 3", 30, null, brunoId, pen, 3);
        for (long deal : List.of(first, second, other)) {
            setStatus(deal, "won");
        }
        eventually(() -> assertThat(sales()).isEqualTo(3));
        eventually(() -> assertThat(c.history(second)).anyMatch(m -> m.contains("created pending review")));
        assertThat(contaAzul().getList("pessoas")).hasSize(2);
        // What else an integration keeps about them: a history line naming them, a waiting job's payload, a two-way
        // link's snapshot (as other flows write them).
        records.record(c.connection, "pipedrive:deal:" + first, null, "customer", "INFO", "customer " + ana.name()
                + " (" + ana.email() + ", " + ana.mobile() + ") matched by CPF " + ana.cpfFormatted(), null);
        records.record(c.connection, "pipedrive:deal:" + other, null, "customer", "INFO", "customer " + bruno.name()
                + " matched by CPF " + bruno.cpfFormatted(), null);
        jobs.enqueue(new NewJob(c.connection, "privacy-test", "pipedrive:deal:" + second, "privacy-test:"
                + UUID.randomUUID(), "{\"customer\":{\"name\":\"" + ana.name() + "\",\"phone\":"
                + Person.digits(ana.phone()) + ",\"email\":\"" + ana.email() + "\"},\"dealId\":\"" + second + "\"}",
                Instant.now().plus(Duration.ofDays(1))));
        records.pair(c.connection, "customer", String.valueOf(anaId), "ledger-" + anaId, "f1", "f2", null, null,
                "{\"ledger\":{\"name\":\"" + ana.name() + "\",\"taxId\":\"CPF:" + ana.cpf() + "\",\"city\":\"Recife\"},"
                        + "\"crm\":{\"name\":\"" + ana.name() + "\",\"email\":\"" + ana.email()
                        + "\",\"city\":\"Recife\"}}");
        Map<String, Object> subject = ana.subject(anaId, List.of(first, second));

        JsonPath held = privacy(c.tenant, c.connection, "data-requests", subject).then().statusCode(200).extract()
                .jsonPath();
        assertThat(held.getList("matches.content", String.class)).anyMatch(m -> m.contains("CPF:" + ana.cpf()));
        assertThat(held.getList("historyLines.content", String.class)).anyMatch(m -> m.contains(ana.name()));
        assertThat(held.getList("jobs.content", String.class)).anyMatch(m -> m.contains(ana.email()));
        assertThat(held.getList("links.content", String.class)).anyMatch(m -> m.contains(ana.name()));
        assertThat(held.getList("historyLines.content", String.class)).noneMatch(m -> m.contains(bruno.name()));

        Tenant stranger = Api.newTenant("Outra " + UUID.randomUUID());
        for (String request : List.of("redactions", "data-requests")) {
            privacy(stranger, c.connection, request, subject).then().statusCode(404)
                    .contentType("application/problem+json");
        }
        as(stranger.key()).post("/api/v1/connections/" + c.connection + "/privacy/forget").then().statusCode(404);

        JsonPath redaction = privacy(c.tenant, c.connection, "redactions", subject).then().statusCode(200)
                .extract().jsonPath();
        assertThat(redaction.getInt("historyLines")).isGreaterThanOrEqualTo(1);
        assertThat(redaction.getInt("jobs")).isEqualTo(1);
        assertThat(redaction.getInt("links")).isEqualTo(1);
        assertThat(redaction.getInt("matches")).isEqualTo(1);
        assertThat(redaction.getInt("total")).isEqualTo(redaction.getInt("historyLines") + 1 + 1 + 1
                + redaction.getInt("runs"));

        for (String answer : answers(c)) {
            assertThat(answer).doesNotContainIgnoringCase(ana.name());
            for (String s : ana.strings()) {
                assertThat(answer).doesNotContainIgnoringCase(s);
            }
        }
        assertThat(String.join("\n", answers(c))).contains(bruno.name(), bruno.cpfFormatted());
        assertNowhereInTables(ana);
        assertThat(rows("select match_key from record_match where connection_id = ? and match_key = ?",
                c.connection, "CPF:" + bruno.cpf())).hasSize(1);
        assertThat(rows("select ledger_id from record_link where connection_id = ? and entity_type = 'sale'",
                c.connection)).hasSize(3).doesNotContainNull();
        assertThat(rows("select snapshot from record_link where connection_id = ? and source_id = ?", c.connection,
                String.valueOf(anaId))).singleElement().asString().contains("Recife").doesNotContain("\"name\"");
        assertThat(c.history(first)).noneMatch(m -> m.contains(ana.name()))
                .anyMatch(m -> m.contains("[removed]"));
        List<String> audit = as(c.tenant.key()).get("/api/v1/connections/" + c.connection + "/history?subject=privacy")
                .then().statusCode(200).extract().jsonPath().getList("items.message");
        assertThat(audit).singleElement().asString().contains("removed on request").contains("1 match keys");

        // What they hold now says only that a digest of a key of theirs leads to their ledger customer.
        JsonPath after = privacy(c.tenant, c.connection, "data-requests", subject).then().statusCode(200).extract()
                .jsonPath();
        assertThat(after.getList("matches.content", String.class)).singleElement().asString().contains("hmac256:");
        assertThat(after.prettify()).doesNotContain(ana.cpf(), ana.email(), ana.name());

        // The same deal delivered again (a new event: its won time unreadable) makes no second sale: its link stayed.
        String password = connections.credentials(c.connection).get("webhookPassword");
        long again = given().auth().preemptive().basic("ponte", password).contentType(ContentType.JSON)
                .body("{\"meta\": {\"action\": \"change\", \"entity\": \"deal\", \"entity_id\": \"" + first
                        + "\", \"correlation_id\": \"" + UUID.randomUUID() + "\"}, \"data\": {\"id\": " + first
                        + ", \"status\": \"won\", \"won_time\": \"yesterday at noon\"}}")
                .post("/hooks/" + c.connection).then().statusCode(202).extract().jsonPath().getLong("jobId");
        eventually(() -> assertThat(as(c.tenant.key()).get("/api/v1/jobs/" + again).then().statusCode(200)
                .extract().jsonPath().getString("status")).isEqualTo("SKIPPED"));
        assertThat(c.history(first)).anyMatch(m -> m.contains("was already created"));
        assertThat(sales()).isEqualTo(3);

        // Their next deal reuses their ledger customer through the digest of their CPF: no customer twice.
        long next = deal("Venda 4", 40, null, anaId, pen, 4);
        setStatus(next, "won");
        eventually(() -> assertThat(sales()).isEqualTo(4));
        eventually(() -> assertThat(c.history(next)).anyMatch(m -> m.contains("created pending review")));
        assertThat(c.history(next)).anyMatch(m -> m.contains("already linked"));
        assertThat(contaAzul().getList("pessoas")).hasSize(2);
        assertThat(contaAzul().getList("vendas.idCliente").stream().distinct()).hasSize(2);
    }

    /** A shop's request names no one: its records and e-mail lead to the name-only match key all the same. */
    @Test
    void recordsAloneLeadToTheirCustomersNameKeyWhichStillMatchesAfterwards() throws SQLException {
        Person ana = Person.random("Ana");
        PipedriveToContaAzul c = connect(Map.of("taxIdField", CPF_FIELD));
        long anaId = create("/v1/persons", Map.of("name", ana.name()));
        long pen = product("Caneta", "CAN-01", 10);
        long first = deal("Venda 1", 10, null, anaId, pen, 1);
        setStatus(first, "won");
        eventually(() -> assertThat(c.history(first)).anyMatch(m -> m.contains("created pending review")));
        assertThat(rows("select match_key from record_match where connection_id = ? and match_key = ?",
                c.connection, "name:" + ana.name())).hasSize(1);

        privacy(c.tenant, c.connection, "redactions", Map.of("recordSubjects", List.of("pipedrive:deal:" + first),
                "email", ana.email())).then().statusCode(200).body("matches", equalTo(1));
        assertNowhereInTables(ana);
        assertThat(rows("select match_key from record_match where connection_id = ? and match_key like 'code:%'",
                c.connection)).containsExactly("code:CAN-01");

        long next = deal("Venda 2", 20, null, anaId, pen, 2);
        setStatus(next, "won");
        eventually(() -> assertThat(c.history(next)).anyMatch(m -> m.contains("created pending review")));
        assertThat(c.history(next)).anyMatch(m -> m.contains("already linked"));
        assertThat(contaAzul().getList("pessoas")).hasSize(1);
    }

    /** A two-way link's snapshot knows the person's e-mail and name: their id alone finds them in other lines. */
    @Test
    void aSourceIdAloneFindsWhatTheirTwoWayLinkKnows() {
        Tenant owner = Api.newTenant("Dona " + UUID.randomUUID());
        UUID connection = Api.newConnection(owner, Map.of());
        Person ana = Person.random("Ana");
        Person bruno = Person.random("Bruno");
        records.pair(connection, "customer", "77", "ledger-77", "f1", "f2", null, null, "{\"crm\":{\"name\":\""
                + ana.name() + "\",\"email\":\"" + ana.email() + "\",\"mobile\":\"" + ana.mobile()
                + "\",\"country\":\"BR\"},\"ledger\":{\"name\":\"" + ana.name() + "\",\"taxId\":\"CPF:" + ana.cpf()
                + "\"}}");
        records.record(connection, "crm:deal:9", null, "note", "INFO", "reply sent to " + ana.email() + " and "
                + bruno.email() + "; CPF " + ana.cpfFormatted() + ", call " + ana.mobile(), null);

        privacy(owner, connection, "redactions", Map.of("sourceCustomerId", "77")).then().statusCode(200)
                .body("historyLines", equalTo(1)).body("links", equalTo(1));
        List<String> history = as(owner.key()).get("/api/v1/connections/" + connection + "/history?subject=crm:deal:9")
                .then().statusCode(200).extract().jsonPath().getList("items.message");
        assertThat(history).containsExactly("reply sent to [removed] and " + bruno.email() + "; CPF [removed], call "
                + "[removed]");
        privacy(owner, connection, "data-requests", Map.of("sourceCustomerId", "77")).then().statusCode(200)
                .body("links.content", hasItem("customer 77 → ledger-77; last synced fields: "
                        + "{\"crm\":{\"country\":\"BR\"},\"ledger\":{}}"));
    }

    @Test
    void anotherTenantCanNeitherReadNorRedactAConnection() {
        Tenant owner = Api.newTenant("Dona " + UUID.randomUUID());
        UUID connection = Api.newConnection(owner, Map.of());
        Person ana = Person.random("Ana");
        records.record(connection, "crm:deal:1", null, "customer", "INFO", "customer " + ana.name(), null);
        Map<String, Object> subject = Map.of("name", ana.name());
        Tenant stranger = Api.newTenant("Estranha " + UUID.randomUUID());
        privacy(stranger, connection, "redactions", subject).then().statusCode(404)
                .contentType("application/problem+json");
        privacy(stranger, connection, "data-requests", subject).then().statusCode(404)
                .contentType("application/problem+json");
        as(stranger.key()).post("/api/v1/connections/" + connection + "/privacy/forget").then().statusCode(404);
        privacy(stranger, UUID.randomUUID(), "redactions", subject).then().statusCode(404);
        given().contentType(ContentType.JSON).body(subject)
                .post("/api/v1/connections/" + connection + "/privacy/redactions").then().statusCode(401);
        List<String> left = as(owner.key()).get("/api/v1/connections/" + connection + "/history").then()
                .statusCode(200).extract().jsonPath().getList("items.message");
        assertThat(left).containsExactly("customer " + ana.name());
        privacy(owner, connection, "data-requests", subject).then().statusCode(200)
                .body("historyLines.content", hasItem("customer INFO: customer " + ana.name()));
    }

    @Test
    void badSubjectsAreRefusedNamingTheField() {
        Tenant owner = Api.newTenant("Dona " + UUID.randomUUID());
        UUID connection = Api.newConnection(owner, Map.of());
        for (String request : List.of("redactions", "data-requests")) {
            privacy(owner, connection, request, Map.of()).then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItems("sourceCustomerId", "recordSubjects", "email", "taxId", "name",
                            "phone"));
            privacy(owner, connection, request, Map.of("email", "ninguem")).then().statusCode(422)
                    .body("errors.field", equalTo(List.of("email")));
            privacy(owner, connection, request, Map.of("taxId", "1-2")).then().statusCode(422)
                    .body("errors.field", equalTo(List.of("taxId")));
            privacy(owner, connection, request, Map.of("name", "Al", "phone", "12")).then().statusCode(422)
                    .body("errors.field", hasItems("name", "phone"));
            privacy(owner, connection, request, Map.of("recordSubjects", List.of(" "))).then().statusCode(422)
                    .body("errors.field", equalTo(List.of("recordSubjects[0]")));
            as(owner.key()).body("{\"recordSubjects\": [null]}").post("/api/v1/connections/" + connection
                    + "/privacy/" + request).then().statusCode(422)
                    .body("errors.field", equalTo(List.of("recordSubjects[0]")));
            privacy(owner, connection, request, Map.of("recordSubjects", Collections.nCopies(501, "crm:deal:1")))
                    .then().statusCode(422).body("errors.field", equalTo(List.of("recordSubjects")));
            as(owner.key()).post("/api/v1/connections/" + connection + "/privacy/" + request).then()
                    .statusCode(422).contentType("application/problem+json")
                    .body("errors.field", equalTo(List.of("body")));
        }
    }

    @Test
    void forgottenConnectionKeepsItsLinksAndNoPersonalData() throws SQLException {
        Person ana = Person.random("Ana");
        PipedriveToContaAzul c = connect(Map.of("taxIdField", CPF_FIELD, "activatedBy", ana.name()));
        long anaId = ana.createInCrm();
        long deal = deal("Venda", 10, null, anaId, product("Caneta", "CAN-01", 10), 1);
        setStatus(deal, "won");
        eventually(() -> assertThat(c.history(deal)).anyMatch(m -> m.contains("created pending review")));
        records.record(c.connection, "pipedrive:deal:" + deal, null, "customer", "INFO", "customer " + ana.name()
                + " <" + ana.email() + ">", null);

        JsonPath forgotten = as(c.tenant.key()).post("/api/v1/connections/" + c.connection + "/privacy/forget")
                .then().statusCode(200).extract().jsonPath();
        assertThat(forgotten.getInt("historyLines")).isGreaterThanOrEqualTo(2);
        assertThat(forgotten.getInt("matches")).isEqualTo(2);

        JsonPath connection = as(c.tenant.key()).get("/api/v1/connections/" + c.connection).then().statusCode(200)
                .extract().jsonPath();
        assertThat(connection.getString("status")).isEqualTo("DISABLED");
        assertThat(connection.getBoolean("credentialsSet")).isFalse();
        List<String> history = as(c.tenant.key()).get("/api/v1/connections/" + c.connection + "/history?size=500")
                .then().statusCode(200).extract().jsonPath().getList("items.message");
        assertThat(history.subList(1, history.size())).allMatch("[removed]"::equals);
        assertThat(history.get(0)).contains("removed on request");
        assertThat(rows("select match_key from record_match where connection_id = ?", c.connection))
                .hasSize(2).allMatch(k -> ((String) k).startsWith("hmac256:"));
        assertThat(rows("select ledger_id from record_link where connection_id = ? and entity_type = 'sale'",
                c.connection)).singleElement().isNotNull();
        assertNowhereInTables(ana);
    }

    @Test
    void whatAJobRunningWhenItsConnectionIsForgottenWritesAfterwardsIsForgottenToo() {
        Person dora = Person.random("Dora");
        PipedriveToContaAzul c = connect(Map.of("taxIdField", CPF_FIELD));
        long deal = deal("Venda", 10, null, dora.createInCrm(), product("Caneta", "CAN-01", 10), 1);
        // Conta Azul answers slowly: the deal's job is still running when the forget request comes.
        given().contentType(ContentType.JSON).body(Map.of("latency_ms", 1500))
                .post(PipedriveToContaAzul.CONTA_AZUL + "/_faults").then().statusCode(200);
        setStatus(deal, "won");
        String jobs = "/api/v1/jobs?size=50&connectionId=" + c.connection;
        eventually(() -> assertThat(as(c.tenant.key()).get(jobs + "&status=RUNNING").then().statusCode(200)
                .extract().jsonPath().getInt("total")).isEqualTo(1));

        as(c.tenant.key()).post("/api/v1/connections/" + c.connection + "/privacy/forget").then().statusCode(200);
        Instant forgotten = Instant.now();

        eventually(() -> assertThat(as(c.tenant.key()).get(jobs + "&status=RUNNING").then().extract().jsonPath()
                .getInt("total")).isZero());
        // The job's attempt ended after the request, and what it recorded then names nobody.
        eventually(() -> assertThat(as(c.tenant.key()).get(jobs).then().statusCode(200).extract().jsonPath()
                .<String>getList("items.finishedAt")).anyMatch(at -> at != null && Instant.parse(at).isAfter(forgotten)));
        eventually(() -> {
            try {
                assertNowhereInTables(dora);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void whatAJobRunningWhenAPersonIsRedactedWritesAfterwardsIsRemovedToo() {
        Person eva = Person.random("Eva");
        PipedriveToContaAzul c = connect(Map.of("taxIdField", CPF_FIELD, "matchByName", true));
        // Two ledger customers of Eva's exact name: her deal waits in the review list with both as candidates.
        PipedriveToContaAzul.contaAzulCustomer(eva.name());
        PipedriveToContaAzul.contaAzulCustomer(eva.name());
        long evaId = create("/v1/persons", Map.of("name", eva.name(), "emails", List.of(Map.of("value", eva.email(),
                "primary", true))));
        long deal = deal("Venda", 10, null, evaId, product("Caneta", "CAN-01", 10), 1);
        given().contentType(ContentType.JSON).body(Map.of("latency_ms", 1500))
                .post(PipedriveToContaAzul.CONTA_AZUL + "/_faults").then().statusCode(200);
        setStatus(deal, "won");
        String jobs = "/api/v1/jobs?connectionId=" + c.connection + "&status=";
        eventually(() -> assertThat(as(c.tenant.key()).get(jobs + "RUNNING").then().statusCode(200).extract()
                .jsonPath().getInt("total")).isEqualTo(1));

        privacy(c.tenant, c.connection, "redactions", eva.subject(evaId, List.of(deal))).then().statusCode(200);

        // The job goes on and ends in the review list, naming the candidates; that is removed in turn.
        eventually(() -> assertThat(as(c.tenant.key()).get(jobs + "DEAD").then().statusCode(200).extract()
                .jsonPath().getInt("total")).isEqualTo(1));
        eventually(() -> {
            try {
                assertNowhereInTables(eva);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(as(c.tenant.key()).get("/api/v1/connections/" + c.connection + "/history?subject=privacy").then()
                .statusCode(200).extract().jsonPath().<String>getList("items.message"))
                .anyMatch(m -> m.contains("written by jobs running during the request removed too"));
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static io.restassured.response.Response privacy(Tenant tenant, UUID connection, String request,
            Map<String, ?> subject) {
        return as(tenant.key()).body(subject).post("/api/v1/connections/" + connection + "/privacy/" + request);
    }

    /** What the API answers about the connection: its history, jobs, links and runs. */
    private static List<String> answers(PipedriveToContaAzul c) {
        String base = "/api/v1/connections/" + c.connection;
        List<String> answers = new ArrayList<>();
        for (String path : List.of(base + "/history?size=500", "/api/v1/jobs?size=500&connectionId=" + c.connection,
                base + "/links?size=500", base + "/runs", base)) {
            answers.add(as(c.tenant.key()).get(path).then().statusCode(200).extract().asString());
        }
        return answers;
    }

    @Test
    void aDeletedConnectionKeepsNoPersonalData() throws SQLException {
        Person carla = Person.random("Carla");
        PipedriveToContaAzul c = connect(Map.of("taxIdField", CPF_FIELD));
        long deal = deal("Venda", 10, null, carla.createInCrm(), product("Caneta", "CAN-01", 10), 1);
        setStatus(deal, "won");
        eventually(() -> assertThat(c.history(deal)).anyMatch(m -> m.contains("created pending review")));
        records.record(c.connection, "pipedrive:deal:" + deal, null, "customer", "INFO", "customer " + carla.name()
                + " (" + carla.email() + ") matched by CPF " + carla.cpfFormatted(), null);

        as(c.tenant.key()).delete("/api/v1/connections/" + c.connection).then().statusCode(204);
        // Nobody can read or redact a deleted connection's rows any more: they must not name anyone.
        assertNowhereInTables(carla);
    }

    /** Every column of every row of every table, searched as text, and documents and phones by their digits. */
    private void assertNowhereInTables(Person person) throws SQLException {
        List<String> digits = List.of(person.cpf(), Person.digits(person.phone()).substring(2),
                Person.digits(person.mobile()).substring(2));
        List<String> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            for (String table : TABLES) {
                try (PreparedStatement ps = c.prepareStatement("select * from " + table);
                        ResultSet rs = ps.executeQuery()) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            String value = rs.getString(i);
                            if (value == null) {
                                continue;
                            }
                            String lower = value.toLowerCase(Locale.ROOT);
                            for (String s : person.strings()) {
                                if (lower.contains(s.toLowerCase(Locale.ROOT))) {
                                    found.add(table + "." + rs.getMetaData().getColumnName(i) + ": " + value);
                                }
                            }
                            for (String d : digits) {
                                if (Person.digits(value).contains(d)) {
                                    found.add(table + "." + rs.getMetaData().getColumnName(i) + " (digits): " + value);
                                }
                            }
                        }
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    private List<Object> rows(String sql, Object... args) throws SQLException {
        List<Object> values = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getObject(1));
                }
            }
        }
        return values;
    }
}
