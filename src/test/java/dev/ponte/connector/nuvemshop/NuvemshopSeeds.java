package dev.ponte.connector.nuvemshop;

import static io.restassured.RestAssured.given;

import dev.ponte.connector.contract.Sandbox;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** What happens in the Nuvemshop sandbox's stores, as a buyer and a merchant would make it happen. */
public final class NuvemshopSeeds {

    public static final Sandbox SANDBOX = new Sandbox("nuvemshop");
    public static final String APP_ID = "4321";
    public static final String APP_SECRET = "sandbox-nuvemshop-app-secret";
    public static final String STORE = "1001";
    public static final String SIGNATURE = "X-Linkedstore-HMAC-SHA256";
    public static final String CPF = "529.982.247-25";

    private NuvemshopSeeds() {
    }

    /** One product line of an order: its description, price and quantity as the shop writes them. */
    public record Line(String name, String price, String quantity) {
    }

    /**
     * An order of {@code customer} (name, email, identification, phone, and {@code billing_phone} for the order's
     * billing phone; any may be absent) in {@code store}.
     */
    public static String order(String store, Map<String, Object> customer, List<Line> lines, String freight) {
        return order(store, customer, lines, freight, Map.of());
    }

    /** An order with more of the shop's fields ({@code extra}: its discounts and coupon, e.g.). */
    public static String order(String store, Map<String, Object> customer, List<Line> lines, String freight,
            Map<String, Object> extra) {
        List<Map<String, Object>> products = new ArrayList<>();
        for (Line l : lines) {
            products.add(Map.of("name", l.name(), "price", l.price(), "quantity", l.quantity()));
        }
        Map<String, Object> buyer = new HashMap<>(customer);
        Object billingPhone = buyer.remove("billing_phone");
        Map<String, Object> body = new HashMap<>(Map.of("customer", buyer, "products", products));
        if (billingPhone != null) {
            body.put("billing_phone", billingPhone);
        }
        if (freight != null) {
            body.put("shipping_cost_customer", freight);
        }
        body.putAll(extra);
        return given().contentType(ContentType.JSON).body(body)
                .post(SANDBOX.path("/_control/stores/" + store + "/orders")).then().statusCode(201).extract()
                .jsonPath().getString("id");
    }

    public static Map<String, Object> customer(String name, String identification, String phone) {
        Map<String, Object> c = new HashMap<>(Map.of("name", name, "email", name.toLowerCase().replace(' ', '.')
                + "@example.com"));
        if (identification != null) {
            c.put("identification", identification);
        }
        if (phone != null) {
            c.put("phone", phone);
        }
        return c;
    }

    /** Marks the order paid; the sandbox delivers {@code order/paid} {@code copies} times to each subscription. */
    public static void pay(String store, String order, int copies) {
        given().contentType(ContentType.JSON).post(SANDBOX.path("/_control/stores/" + store + "/orders/" + order
                + "/pay?copies=" + copies)).then().statusCode(200);
    }

    public static void uninstall(String store) {
        given().contentType(ContentType.JSON).post(SANDBOX.path("/_control/stores/" + store + "/uninstall")).then()
                .statusCode(200);
    }

    /** Sends a privacy event (signed) to {@code url}; answers the body the sandbox sent. */
    public static JsonPath privacy(String url, String event, String store, String customerId) {
        Map<String, Object> body = new HashMap<>(Map.of("url", url, "event", event, "store", store));
        if (customerId != null) {
            body.put("customer_id", customerId);
        }
        return given().contentType(ContentType.JSON).body(body).post(SANDBOX.path("/_control/privacy")).then()
                .statusCode(200).extract().jsonPath();
    }

    /** The app installed in {@code store} outside Ponte: the credentials a connection would hold. */
    public static Map<String, String> install(String store) {
        String location = given().redirects().follow(false).queryParam("state", "s").queryParam("store", store)
                .get(SANDBOX.path("/apps/" + APP_ID + "/authorize")).then().statusCode(302).extract()
                .header("Location");
        String code = query(location, "code");
        JsonPath token = given().contentType(ContentType.JSON).body(Map.of("client_id", APP_ID, "client_secret",
                APP_SECRET, "grant_type", "authorization_code", "code", code))
                .post(SANDBOX.path("/apps/authorize/token")).then().statusCode(200).extract().jsonPath();
        return Map.of(NuvemshopSourcePort.ACCESS_TOKEN, token.getString("access_token"),
                NuvemshopSourcePort.STORE_ID, token.getString("user_id"));
    }

    public static String query(String url, String name) {
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        throw new AssertionError(name + " not in " + url);
    }

    public static String sign(String body) {
        return sign(body.getBytes(StandardCharsets.UTF_8));
    }

    public static String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body of {@code order/paid} for {@code order}, as the vendor sends it. */
    public static String paidEvent(String store, String order) {
        return "{\"store_id\":" + store + ",\"event\":\"order/paid\",\"id\":" + order + "}";
    }
}
