package dev.ponte.connector.moskit;

import static io.restassured.RestAssured.given;

import dev.ponte.connector.contract.DealSourceContract.SeedDeal;
import dev.ponte.connector.contract.DealSourceContract.SeedLine;
import dev.ponte.connector.contract.Sandbox;
import dev.ponte.support.Api;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Records put into the Moskit sandbox through its API, as a Moskit user would enter them; amounts in centavos. */
public final class MoskitSeeds {

    public static final Sandbox SANDBOX = new Sandbox("moskit");
    public static final String API_KEY = "sandbox-moskit-key";
    public static final String SECRET = "moskit-webhook-secret-0001";
    /** Stages of the sandbox's pipelines 1 ("Vendas") and 2 ("Parcerias"). */
    public static final long SALES_STAGE = 11;
    public static final long PARTNERS_STAGE = 21;

    private MoskitSeeds() {
    }

    public static Map<String, String> credentials() {
        return Map.of("apikey", API_KEY, "webhookSecret", SECRET);
    }

    public static RequestSpecification moskit() {
        return given().header("apikey", API_KEY).contentType(ContentType.JSON);
    }

    /** A call of the test, repeated while Moskit's limits refuse it ({@link Api#admitted}). */
    public static Response admitted(Supplier<Response> call) {
        return Api.admitted(call);
    }

    public static long create(String path, Map<String, ?> body) {
        return admitted(() -> moskit().body(body).post(SANDBOX.path("/v2" + path))).then().statusCode(200).extract()
                .jsonPath().getLong("id");
    }

    /** A custom field definition; answers its {@code CF_…} id. */
    public static String field(String name, String module, String type) {
        return admitted(() -> moskit().body(Map.of("name", name, "module", module, "type", type))
                .post(SANDBOX.path("/v2/customFields"))).then().statusCode(200).extract().path("id");
    }

    public static Map<String, Object> text(String fieldId, String value) {
        return Map.of("id", fieldId, "textValue", value);
    }

    public static Map<String, Object> number(String fieldId, long value) {
        return Map.of("id", fieldId, "numericValue", value);
    }

    public static long company(String name, List<Map<String, Object>> customValues) {
        return create("/companies", Map.of("name", name, "entityCustomFields", customValues));
    }

    public static long contact(String name, String email, List<String> phones, List<Map<String, Object>> custom) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "entityCustomFields", custom,
                "phones", phones.stream().map(p -> Map.of("number", p)).toList()));
        if (email != null) {
            body.put("emails", List.of(Map.of("address", email)));
        }
        return create("/contacts", body);
    }

    public static long product(String name, String code, long centavos) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "price", centavos));
        if (code != null) {
            body.put("code", code);
        }
        return create("/products", body);
    }

    /** A product line: the product, its quantity and its unit price in centavos. */
    public record Line(long product, BigDecimal quantity, long centavos) {
    }

    /** A deal in {@code stage}; {@code price} in centavos, null for none; company and contact may be null. */
    public static long deal(String name, Long price, Long company, Long contact, long stage, List<Line> lines,
            String status) {
        return deal(name, price, company, contact, stage, lines, status, List.of());
    }

    /** The same, with the deal's own custom values ({@link #text}, {@link #number}). */
    public static long deal(String name, Long price, Long company, Long contact, long stage, List<Line> lines,
            String status, List<Map<String, Object>> customValues) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "status", status, "stage", Map.of("id", stage),
                "dealProducts", lines.stream().map(l -> Map.of("product", Map.of("id", l.product()), "quantity",
                        l.quantity(), "price", l.centavos())).toList()));
        if (price != null) {
            body.put("price", price);
        }
        body.put("companies", company == null ? List.of() : List.of(Map.of("id", company)));
        body.put("contacts", contact == null ? List.of() : List.of(Map.of("id", contact)));
        body.put("entityCustomFields", customValues);
        return create("/deals", body);
    }

    /** Moves the deal to {@code status}, sending back the full body of a GET as Moskit's PUT wants. */
    public static void setStatus(long deal, String status) {
        Map<String, Object> body = new HashMap<>(admitted(() -> moskit().get(SANDBOX.path("/v2/deals/" + deal)))
                .then().statusCode(200).extract().jsonPath().getMap(""));
        body.put("status", status);
        admitted(() -> moskit().body(body).put(SANDBOX.path("/v2/deals/" + deal))).then().statusCode(200);
    }

    /** Has the sandbox deliver the deal's status-change webhook to {@code url}; answers each attempt's status. */
    public static List<Integer> deliver(String url, long deal, int copies) {
        JsonPath answer = given().contentType(ContentType.JSON).body(Map.of("url", url, "dealId", deal, "copies",
                copies)).post(SANDBOX.path("/_webhooks")).then().statusCode(200).extract().jsonPath();
        List<Integer> statuses = new ArrayList<>();
        answer.getList("attempts", List.class).forEach(l -> ((List<?>) l).forEach(s -> statuses.add((Integer) s)));
        return statuses;
    }

    /** The contract's won deal: company, contact with e-mail, products with codes, price in centavos. */
    static String wonDeal(SeedDeal deal) {
        long company = company(deal.organization(), List.of());
        long contact = contact(deal.person(), deal.email(), List.of(), List.of());
        List<Line> lines = new ArrayList<>();
        for (SeedLine line : deal.lines()) {
            long cents = line.unitPrice().amount().movePointRight(2).longValueExact();
            lines.add(new Line(product(line.name(), line.code(), cents), line.quantity(), cents));
        }
        return String.valueOf(deal(deal.title(), deal.value().amount().movePointRight(2).longValueExact(), company,
                contact, SALES_STAGE, lines, "WON"));
    }
}
