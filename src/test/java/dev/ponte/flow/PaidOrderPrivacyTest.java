package dev.ponte.flow;

import static dev.ponte.connector.nuvemshop.NuvemshopSeeds.customer;
import static dev.ponte.connector.nuvemshop.NuvemshopSeeds.order;
import static dev.ponte.connector.nuvemshop.NuvemshopSeeds.paidEvent;
import static dev.ponte.connector.nuvemshop.NuvemshopSeeds.pay;
import static dev.ponte.flow.NuvemshopToContaAzul.STORE;
import static dev.ponte.flow.NuvemshopToContaAzul.connect;
import static dev.ponte.flow.NuvemshopToContaAzul.eventually;
import static dev.ponte.flow.NuvemshopToContaAzul.nuvemshop;
import static dev.ponte.flow.NuvemshopToContaAzul.sales;
import static dev.ponte.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import dev.ponte.connection.ConnectionService;
import dev.ponte.connector.nuvemshop.NuvemshopSeeds;
import dev.ponte.connector.nuvemshop.NuvemshopSeeds.Line;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shop's privacy duties (LGPD) over real HTTP: the sandbox sends {@code customers/redact},
 * {@code customers/data_request} and {@code store/redact}, signed like every delivery, to the connection's hook.
 */
@QuarkusTest
class PaidOrderPrivacyTest {

    /** Not Conta Azul's seller (Ana Souza, who consented): her name stays on the sales, as the seller's. */
    private static final String NAME = "Beatriz Lima";
    private static final String CPF_DIGITS = "52998224725";
    private static final String EMAIL = "beatriz.lima@example.com";
    private static final String MOBILE = "(11) 99999-8888";
    private static final String BUSINESS = "(11) 3333-4444";

    @Inject
    ConnectionService connections;

    @Inject
    DataSource database;

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void reset() {
        NuvemshopToContaAzul.resetSandboxes();
    }

    /** Two synced orders of Beatriz; answers their ids. */
    private static List<String> beatrizsOrders(NuvemshopToContaAzul c) {
        Map<String, Object> beatriz = new HashMap<>(customer(NAME, NuvemshopSeeds.CPF, MOBILE));
        beatriz.put("billing_phone", BUSINESS);
        List<String> ids = new ArrayList<>();
        for (String product : List.of("Caneta", "Lápis")) {
            String id = order(STORE, beatriz, List.of(new Line(product, "10.00", "1")), "5.00");
            pay(STORE, id, 1);
            ids.add(id);
        }
        eventually(() -> assertThat(sales()).isEqualTo(2));
        for (String id : ids) {
            eventually(() -> assertThat(c.history(id)).anyMatch(m -> m.contains("created pending review")));
        }
        return ids;
    }

    private static String customerId(String order) {
        return nuvemshop().getString("orders.find { it.id == " + order + " }.customer.id");
    }

    @Test
    void customersRedactRemovesTheCustomersDataFromEveryAnswerAndTableAndTheLinksStillPreventDuplicates()
            throws SQLException {
        NuvemshopToContaAzul c = connect(Map.of());
        List<String> orders = beatrizsOrders(c);
        NuvemshopSeeds.privacy(base + c.hookUrl().substring(1), "customers/redact", STORE, customerId(orders.get(0)));
        eventually(() -> assertThat(nuvemshop().getList(
                "deliveries.findAll { it.event == 'customers/redact' }.status")).contains(202));

        List<String> answers = new ArrayList<>();
        for (String order : orders) {
            answers.add(String.join("\n", c.history(order)));
        }
        answers.add(c.jobs("").prettify());
        answers.add(as(c.tenant.key()).get("/api/v1/connections/" + c.connection + "/history").asString());
        answers.add(as(c.tenant.key()).get("/api/v1/connections/" + c.connection).asString());
        for (String needle : List.of(NAME, CPF_DIGITS, "529.982.247-25", EMAIL, "99999-8888", "3333-4444")) {
            assertThat(answers).as("API answers").noneMatch(a -> a.contains(needle));
            assertThat(tablesHolding(c.connection, needle)).as("tables holding " + needle).isEmpty();
        }
        // The sales' links survive: the shop delivering a paid order again, or a full reconciliation, sells nothing.
        c.deliverSigned(paidEvent(STORE, orders.get(0))).then().statusCode(202);
        as(c.tenant.key()).body(Map.of("mode", "full")).post("/api/v1/connections/" + c.connection + "/runs")
                .then().statusCode(202);
        eventually(() -> assertThat(as(c.tenant.key()).get("/api/v1/connections/" + c.connection + "/runs").then()
                .extract().jsonPath().getList("items.status")).containsOnly("SUCCEEDED"));
        assertThat(sales()).isEqualTo(2);
        for (String order : orders) {
            assertThat(c.jobs("subject=nuvemshop:order:" + order).getInt("total")).as("one job per order").isOne();
        }
    }

    /**
     * A shop app's privacy URLs are set once in its settings, for every store: the app-wide address verifies the
     * signature, does the request at that store's connection, and does nothing for a store Ponte holds nothing of.
     */
    @Test
    void theAppsOnePrivacyAddressRedactsAtTheStoresConnectionAndRefusesWhatIsNotSigned() throws SQLException {
        NuvemshopToContaAzul c = connect(Map.of());
        List<String> orders = beatrizsOrders(c);
        String app = "/hooks/apps/nuvemshop";
        String body = "{\"store_id\":" + STORE + ",\"customer\":{\"id\":" + customerId(orders.get(0))
                + "},\"orders_to_redact\":[" + String.join(",", orders) + "]}";
        given().contentType(ContentType.JSON).body(body).post(app).then().statusCode(401);
        given().contentType(ContentType.JSON).header(NuvemshopSeeds.SIGNATURE, NuvemshopSeeds.sign(body + " "))
                .body(body).post(app).then().statusCode(401);
        String elsewhere = body.replace("\"store_id\":" + STORE, "\"store_id\":987654");
        given().contentType(ContentType.JSON).header(NuvemshopSeeds.SIGNATURE, NuvemshopSeeds.sign(elsewhere))
                .body(elsewhere).post(app).then().statusCode(200).body("size()", is(0));
        assertThat(tablesHolding(c.connection, CPF_DIGITS)).as("held until the store's request").isNotEmpty();

        NuvemshopSeeds.privacy(base + app.substring(1), "customers/redact", STORE, customerId(orders.get(0)));
        eventually(() -> assertThat(nuvemshop().getList(
                "deliveries.findAll { it.event == 'customers/redact' }.status")).contains(200));
        for (String needle : List.of(NAME, CPF_DIGITS, EMAIL, "99999-8888")) {
            assertThat(tablesHolding(c.connection, needle)).as("tables holding " + needle).isEmpty();
        }
        assertThat(String.join("\n", c.history(orders.get(0)))).doesNotContain(NAME);
        given().contentType(ContentType.JSON).body(body).post("/hooks/apps/pipedrive").then().statusCode(404);
    }

    @Test
    void customersDataRequestAnswersWhatPonteHoldsAboutTheCustomer() {
        NuvemshopToContaAzul c = connect(Map.of());
        List<String> orders = beatrizsOrders(c);
        String body = "{\"store_id\":" + STORE + ",\"customer\":{\"id\":" + customerId(orders.get(0))
                + ",\"email\":\"" + EMAIL + "\",\"phone\":\"" + MOBILE + "\",\"identification\":\"" + CPF_DIGITS
                + "\"},\"orders_requested\":[" + String.join(",", orders) + "],\"checkouts_requested\":[],"
                + "\"drafts_orders_requested\":[],\"data_request\":{\"id\":77}}";
        var answer = c.deliverSigned(body).then().statusCode(202).extract().jsonPath();
        assertThat(answer.getString("done")).contains("request 77");
        assertThat(answer.getList("report.historyLines.recordSubject", String.class))
                .contains("nuvemshop:order:" + orders.get(0), "nuvemshop:order:" + orders.get(1));
        assertThat(sales()).isEqualTo(2);
    }

    @Test
    void storeRedactForgetsTheConnectionsDataAndCredentials() {
        NuvemshopToContaAzul c = connect(Map.of());
        beatrizsOrders(c);
        String body = "{\"store_id\":" + STORE + "}";
        c.deliver(body, null).then().statusCode(401);
        c.deliverSigned(body).then().statusCode(202);
        assertThat(c.status()).isEqualTo("DISABLED");
        assertThat(connections.credentials(c.connection)).doesNotContainKey("nuvemshopAccessToken");
    }

    @Test
    void anUnsignedPrivacyRequestIsRefusedAndChangesNothing() throws SQLException {
        NuvemshopToContaAzul c = connect(Map.of());
        List<String> orders = beatrizsOrders(c);
        String body = "{\"store_id\":" + STORE + ",\"customer\":{\"id\":" + customerId(orders.get(0))
                + "},\"orders_to_redact\":[" + String.join(",", orders) + "]}";
        List<String> before = c.history(orders.get(0));
        List<String> tables = tablesHolding(c.connection, CPF_DIGITS);
        c.deliver(body, null).then().statusCode(401);
        c.deliver(body, NuvemshopSeeds.sign(body.replace(orders.get(0), "1"))).then().statusCode(401);
        assertThat(c.history(orders.get(0))).isEqualTo(before);
        assertThat(tablesHolding(c.connection, CPF_DIGITS)).as("still held").isEqualTo(tables).isNotEmpty();
    }

    /**
     * The tables (and columns) of Ponte's schema where any text of this connection's rows holds {@code needle}: rows
     * with a {@code connection_id} of another connection (other tests') are left out.
     */
    private List<String> tablesHolding(java.util.UUID connection, String needle) throws SQLException {
        List<String> found = new ArrayList<>();
        Set<Integer> text = Set.of(Types.VARCHAR, Types.CLOB, Types.LONGVARCHAR, Types.CHAR, Types.NVARCHAR,
                Types.NCLOB, Types.OTHER);
        try (Connection db = database.getConnection()) {
            DatabaseMetaData meta = db.getMetaData();
            Map<String, List<String>> columns = new HashMap<>();
            Set<String> scoped = new java.util.HashSet<>();
            try (ResultSet rs = meta.getColumns(null, "public", "%", "%")) {
                while (rs.next()) {
                    String table = rs.getString("TABLE_NAME");
                    if (table.startsWith("qrtz") || table.startsWith("flyway")) {
                        continue;
                    }
                    if ("connection_id".equals(rs.getString("COLUMN_NAME"))) {
                        scoped.add(table);
                    }
                    if (text.contains(rs.getInt("DATA_TYPE"))) {
                        columns.computeIfAbsent(table, t -> new ArrayList<>()).add(rs.getString("COLUMN_NAME"));
                    }
                }
            }
            assertThat(columns).as("text columns found").containsKeys("history", "job", "record_match");
            for (var entry : columns.entrySet()) {
                String table = entry.getKey();
                String scope = scoped.contains(table) ? " and connection_id = ?"
                        : "connection".equals(table) ? " and id = ?" : "";
                for (String column : entry.getValue()) {
                    try (PreparedStatement q = db.prepareStatement("select count(*) from \"" + table + "\" where cast(\""
                            + column + "\" as varchar) like ?" + scope)) {
                        q.setString(1, "%" + needle + "%");
                        if (!scope.isEmpty()) {
                            q.setObject(2, connection);
                        }
                        try (ResultSet rs = q.executeQuery()) {
                            if (rs.next() && rs.getLong(1) > 0) {
                                found.add(table + "." + column);
                            }
                        }
                    }
                }
            }
        }
        return found;
    }
}
