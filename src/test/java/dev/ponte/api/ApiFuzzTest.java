package dev.ponte.api;

import static dev.ponte.support.Api.ADMIN_KEY;
import static dev.ponte.support.Api.as;
import static dev.ponte.support.Api.newTenant;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponte.support.Api.Tenant;
import dev.ponte.support.RawHttp;
import dev.ponte.support.RawHttp.Reply;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes every route of Ponte's own OpenAPI document over real HTTP, so a new route is fuzzed without touching this
 * test: path parameters get a tenant's own ids as well as random and malformed ones; queries and bodies get wrong
 * types, nulls, missing and unknown fields, bodies over 1 MB (with Content-Length and chunked), invalid UTF-8, bad
 * percent-encoding and wrong content types. Every answer must be below 500, and every 4xx RFC 9457 problem+json
 * without class names. Randomness is seeded ({@code -Dfuzz.seed=…}, printed), so a failure can be replayed.
 */
@QuarkusTest
class ApiFuzzTest {

    private static final long SEED = Long.getLong("fuzz.seed", 20_261_201L);
    /** The vendor emulators speak their vendors' error formats, and the test-only receivers are not Ponte's API. */
    private static final List<String> NOT_PONTE = List.of("/sandbox/", "/test-");
    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(java|javax|jakarta|dev\\.ponte|io\\.quarkus|"
            + "com\\.fasterxml|org\\.jboss)\\.[a-z]|Exception\\b|\\tat ");
    private static final int MB = 1024 * 1024;

    private final ObjectMapper json = new ObjectMapper();
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    @TestHTTPResource("/")
    URI base;

    private Random random;
    private RawHttp http;
    private JsonNode schemas;
    private Map<String, String> ids;
    private final List<String> failures = new ArrayList<>();
    private int sent;

    @Test
    void everyRouteAnswersBadInputWithAProblemAndNeverA5xx() throws IOException {
        System.out.println("ApiFuzzTest seed: " + SEED + " (replay with -Dfuzz.seed=" + SEED + ")");
        random = new Random(SEED);
        http = new RawHttp(base.getHost(), base.getPort());
        JsonNode openApi = json.readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract()
                .asString());
        schemas = openApi.path("components").path("schemas");
        ids = realIds();

        List<Operation> operations = new ArrayList<>();
        openApi.path("paths").fields().forEachRemaining(path -> {
            if (NOT_PONTE.stream().noneMatch(path.getKey()::startsWith)) {
                path.getValue().fields().forEachRemaining(op -> operations.add(new Operation(
                        op.getKey().toUpperCase(), path.getKey(), op.getValue())));
            }
        });
        assertThat(operations).extracting(Operation::path).contains("/api/v1/connections", "/hooks/{connectionId}");
        // Deleting last keeps the tenant's own ids alive for every other route.
        operations.sort(Comparator.comparing((Operation o) -> o.method().equals("DELETE")).thenComparing(
                o -> o.path().equals("/api/v1/connections/{id}")));
        for (Operation op : operations) {
            fuzz(op);
        }
        for (String path : operations.stream().map(Operation::path).distinct().toList()) {
            check("undeclared method", "PATCH", target(path, Map.of()), headers(path, "application/json"),
                    bytes("{}"), false, null);
        }
        System.out.println("ApiFuzzTest: " + sent + " requests over " + operations.size() + " operations, "
                + failures.size() + " failures");
        assertThat(failures).as("answers that are a 5xx or a 4xx without problem+json (seed " + SEED + ")")
                .isEmpty();
    }

    @Test
    void chunkedBodyOverOneMegabyteIsA413Problem() {
        http = new RawHttp(base.getHost(), base.getPort());
        Tenant tenant = newTenant("Chunked");
        Reply reply = http.send("POST", "/api/v1/connections", Map.of("Authorization", "Bearer " + tenant.key(),
                "Content-Type", "application/json"), bytes("{\"name\": \"" + "x".repeat(MB + 10) + "\"}"), true);
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body()).contains("\"title\":\"Request body too large\"", "\"status\":413");
        // A chunked body within the limit is still read.
        Reply small = http.send("POST", "/api/v1/connections", Map.of("Authorization", "Bearer " + tenant.key(),
                "Content-Type", "application/json"), bytes("{\"name\": \"Chunked\", \"sourceSystem\": "
                        + "\"PIPEDRIVE\", \"ledgerSystem\": \"CONTA_AZUL\"}"), true);
        assertThat(small.status()).as(small.body()).isEqualTo(201);
    }

    @Test
    void undecodableQueryIsA400ProblemNamingTheParameter() {
        http = new RawHttp(base.getHost(), base.getPort());
        Tenant tenant = newTenant("Percent");
        Reply reply = http.send("GET", "/api/v1/jobs?size=5&subject=%zz", Map.of("Authorization", "Bearer "
                + tenant.key()), null, false);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body()).contains("\"status\":400", "\"field\":\"subject\"");
        Reply path = http.send("GET", "/api/v1/jobs/%zz", Map.of("Authorization", "Bearer " + tenant.key()), null,
                false);
        assertThat(path.status()).isEqualTo(400);
        assertThat(path.body()).contains("\"field\":\"path\"");
    }

    @Test
    void uriOverFourKilobytesIsA414Problem() {
        Tenant tenant = newTenant("Long");
        as(tenant.key()).get("/api/v1/jobs?subject=" + "a".repeat(5 * 1024)).then().statusCode(414)
                .contentType("application/problem+json").body("title", org.hamcrest.Matchers.equalTo(
                        "Request URI too long"));
        as(tenant.key()).get("/api/v1/jobs?subject=" + "a".repeat(3 * 1024)).then().statusCode(200);
    }

    @Test
    void jsonSentAsTextIsA415ProblemAndCreatesNothing() {
        int before = as(ADMIN_KEY).get("/api/v1/tenants").then().statusCode(200).extract().jsonPath()
                .getList("$").size();
        as(ADMIN_KEY).contentType("text/plain").body("{\"name\": \"Plain\"}").post("/api/v1/tenants").then()
                .statusCode(415).contentType("application/problem+json");
        assertThat(as(ADMIN_KEY).get("/api/v1/tenants").then().extract().jsonPath().getList("$")).hasSize(before);
    }

    private record Operation(String method, String path, JsonNode spec) {

        List<JsonNode> parameters(String in) {
            List<JsonNode> found = new ArrayList<>();
            spec.path("parameters").forEach(p -> {
                if (in.equals(p.path("in").asText())) {
                    found.add(p);
                }
            });
            return found;
        }

        String bodyType() {
            Iterator<String> types = spec.path("requestBody").path("content").fieldNames();
            return types.hasNext() ? types.next() : null;
        }
    }

    private void fuzz(Operation op) {
        Map<String, String> real = new HashMap<>();
        for (JsonNode p : op.parameters("path")) {
            real.put(p.path("name").asText(), realId(op.path(), p));
        }
        String type = op.bodyType();
        JsonNode seed = seedBody(op, type);
        byte[] seedBytes = seed == null ? null : bytes(seed.toString());
        String sendType = type == null ? null : type.equals("*/*") ? "application/json" : type;
        String good = target(op.path(), real);

        check("as documented", op.method(), good, headers(op.path(), sendType), seedBytes, false, null);
        check("no key", op.method(), good, Map.of("Content-Type", "application/json"), seedBytes, false, null);
        check("unknown key", op.method(), good, Map.of("Authorization", "Bearer pk_" + UUID.randomUUID(),
                "Content-Type", "application/json"), seedBytes, false, null);
        check("unreadable Accept-Language", op.method(), good, with(headers(op.path(), sendType),
                "Accept-Language", ";;q=x,*-*-*"), seedBytes, false, null);

        for (String name : real.keySet()) {
            for (String bad : badIds()) {
                Map<String, String> ids = new HashMap<>(real);
                ids.put(name, bad);
                check("path " + name + "=" + RawHttp.abbreviated(bad), op.method(), target(op.path(), ids),
                        headers(op.path(), sendType), seedBytes, false, bad.contains("%zz") ? 400 : null);
            }
        }
        for (JsonNode q : op.parameters("query")) {
            String name = q.path("name").asText();
            for (String bad : badQueryValues(q)) {
                check("query " + name, op.method(), good + (good.contains("?") ? "&" : "?") + name + "=" + bad,
                        headers(op.path(), sendType), seedBytes, false, badPercent(bad) ? 400 : null);
            }
        }
        check("unknown query parameter", op.method(), good + "?nope=1&nope=2", headers(op.path(), sendType),
                seedBytes, false, null);
        check("undecodable query", op.method(), good + "?x=%zz", headers(op.path(), sendType), seedBytes, false,
                400);
        check("5 KB query", op.method(), good + "?x=" + "a".repeat(5 * 1024), headers(op.path(), sendType),
                seedBytes, false, 414);
        check("50 KB query", op.method(), good + "?x=" + "%41".repeat(50 * 1024 / 3),
                headers(op.path(), sendType), seedBytes, false, 414);

        if (seed == null) {
            // A route without a body still gets one, of a type it does not take.
            check("unexpected body", op.method(), good, headers(op.path(), "application/json"), bytes("{\"a\":1}"),
                    false, null);
            check("unexpected text", op.method(), good, headers(op.path(), "text/plain"), bytes("hi"), false, null);
            return;
        }
        boolean json = "application/json".equals(type);
        for (Map.Entry<String, byte[]> body : badBodies(seed).entrySet()) {
            check("body " + body.getKey(), op.method(), good, headers(op.path(), sendType), body.getValue(), false,
                    null);
        }
        for (String wrong : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/json; charset=klingon", "nonsense")) {
            // A JSON route takes nothing but JSON: a JSON body under another type is refused, not read.
            Integer expected = json && !wrong.startsWith("application/json") ? 415 : null;
            check("content type " + wrong, op.method(), good, headers(op.path(), wrong), seedBytes, false, expected);
        }
        check("no content type", op.method(), good, headers(op.path(), null), seedBytes, false, null);
        check("chunked", op.method(), good, headers(op.path(), sendType), seedBytes, true, null);
        byte[] huge = hugeBody();
        check("body over 1 MB", op.method(), good, headers(op.path(), sendType), huge, false, 413);
        check("chunked body over 1 MB", op.method(), good, headers(op.path(), sendType), huge, true, 413);
    }

    /** Sends one request and checks its answer; a failure is kept with what was sent, so all are seen at once. */
    private void check(String what, String method, String target, Map<String, String> headers, byte[] body,
            boolean chunked, Integer expected) {
        sent++;
        String request = method + " " + RawHttp.abbreviated(target) + " [" + what + "]";
        Reply reply;
        try {
            reply = http.send(method, target, headers, body, chunked);
        } catch (RuntimeException e) {
            failures.add(request + ": no answer (" + e.getMessage() + ")");
            return;
        }
        String problem = problemFault(reply);
        if (reply.status() >= 500) {
            failures.add(request + ": " + reply.status() + " " + RawHttp.abbreviated(reply.body()));
        } else if (expected != null && reply.status() != expected) {
            failures.add(request + ": expected " + expected + ", got " + reply.status() + " "
                    + RawHttp.abbreviated(reply.body()));
        } else if (reply.status() >= 400 && problem != null) {
            failures.add(request + ": " + reply.status() + " " + problem + ": " + reply.contentType() + " "
                    + RawHttp.abbreviated(reply.body()));
        }
    }

    /** What is wrong with a 4xx answer as an RFC 9457 problem, or null when nothing is. */
    private String problemFault(Reply reply) {
        if (!reply.contentType().startsWith("application/problem+json")) {
            return "not problem+json";
        }
        JsonNode problem;
        try {
            problem = json.readTree(reply.body());
        } catch (IOException e) {
            return "body is not JSON";
        }
        if (problem == null || !problem.path("type").isTextual() || !problem.path("title").isTextual()
                || !problem.path("detail").isTextual() || problem.path("status").asInt() != reply.status()) {
            return "not a problem with type, title, status and detail";
        }
        for (JsonNode error : problem.path("errors")) {
            if (!error.path("field").isTextual() || !error.path("message").isTextual()) {
                return "an error without field and message";
            }
        }
        Matcher leak = CLASS_NAME.matcher(reply.body());
        return leak.find() ? "names a class (" + leak.group() + ")" : null;
    }

    /**
     * A tenant with a connection able to receive webhooks (its secret stored as credentials; no flow, so enabling
     * calls no vendor), a run and its queued job, and a second API key: the ids a path parameter can really take.
     */
    private Map<String, String> realIds() {
        Tenant tenant = newTenant("Fuzz " + SEED);
        String connection = as(tenant.key()).body(Map.of("name", "Fuzzed", "sourceSystem", "PIPEDRIVE",
                "ledgerSystem", "CONTA_AZUL", "credentials", Map.of("apiToken", "sandbox-admin-token",
                        "webhookUser", "ponte", "webhookPassword", "fuzz-secret"))).post("/api/v1/connections")
                .then().statusCode(201).extract().path("id");
        as(tenant.key()).post("/api/v1/connections/" + connection + "/enable").then().statusCode(200);
        // Verified, then ignored: the connection runs no flow that acts on deals.
        given().auth().preemptive().basic("ponte", "fuzz-secret").contentType("application/json")
                .body(webhook().toString()).post("/hooks/" + connection).then().statusCode(202);
        String run = String.valueOf(as(tenant.key()).body(Map.of("mode", "incremental"))
                .post("/api/v1/connections/" + connection + "/runs").then().statusCode(202).extract()
                .jsonPath().getLong("id"));
        String job = String.valueOf(as(tenant.key()).get("/api/v1/jobs?connectionId=" + connection).then()
                .statusCode(200).extract().jsonPath().getLong("items[0].id"));
        String key = as(tenant.key()).body(Map.of("label", "fuzz")).post("/api/v1/tenants/" + tenant.id()
                + "/api-keys").then().statusCode(201).extract().path("keyId");
        Map<String, String> real = new HashMap<>();
        real.put("tenantKey", tenant.key());
        real.put("tenant", tenant.id().toString());
        real.put("connection", connection);
        real.put("job", job);
        real.put("run", run);
        real.put("key", key);
        return real;
    }

    private String realId(String path, JsonNode parameter) {
        String name = parameter.path("name").asText();
        JsonNode schema = resolve(parameter.path("schema"));
        if (schema.has("enum")) {
            return schema.path("enum").get(random.nextInt(schema.path("enum").size())).asText();
        }
        return switch (name) {
            case "connectionId" -> ids.get("connection");
            case "runId" -> ids.get("run");
            case "keyId" -> ids.get("key");
            case "id" -> path.startsWith("/api/v1/tenants") ? ids.get("tenant")
                    : path.startsWith("/api/v1/jobs") ? ids.get("job") : ids.get("connection");
            default -> String.valueOf(1 + random.nextInt(1000));
        };
    }

    private List<String> badIds() {
        return List.of(UUID.randomUUID().toString(), String.valueOf(random.nextLong()), "0", "-1",
                "9".repeat(40), "not-an-id", "%00", "%E2%82%AC", "%ff%fe", "..%2F..%2Fq", "%zz",
                "a".repeat(300), ids.get("connection").toUpperCase(), "'%20or%201=1");
    }

    private List<String> badQueryValues(JsonNode parameter) {
        JsonNode schema = resolve(parameter.path("schema"));
        List<String> values = new ArrayList<>(List.of("", "abc", "-1", "0", "99999999999999999999", "1.5", "true",
                "%00", "%ff%fe", "%e9", "%", "%zz", "a%2", "x".repeat(3000), UUID.randomUUID().toString()));
        if (schema.has("enum")) {
            values.add(URLEncoder.encode(schema.path("enum").get(0).asText().toLowerCase(), StandardCharsets.UTF_8));
        }
        values.add(String.valueOf(random.nextInt()));
        return values;
    }

    private static boolean badPercent(String value) {
        return value.matches(".*%(?![0-9a-fA-F]{2}).*");
    }

    /** A body the route documents, filled from its schema; for the webhook (any type), a Pipedrive v2 delivery. */
    private JsonNode seedBody(Operation op, String type) {
        if (type == null) {
            return null;
        }
        if (op.path().startsWith("/hooks/")) {
            return webhook();
        }
        JsonNode schema = op.spec().path("requestBody").path("content").path(type).path("schema");
        return example(schema, 0);
    }

    private JsonNode example(JsonNode schema, int depth) {
        JsonNode s = resolve(schema);
        if (s.has("enum")) {
            return s.path("enum").get(0);
        }
        if (s.has("examples") && s.path("examples").size() > 0) {
            return s.path("examples").get(0);
        }
        String type = s.path("type").asText("object");
        return switch (type) {
            case "string" -> nodes.textNode("x");
            case "integer" -> nodes.numberNode(1);
            case "number" -> nodes.numberNode(1.5);
            case "boolean" -> nodes.booleanNode(true);
            case "array" -> nodes.arrayNode().add(example(s.path("items"), depth + 1));
            default -> {
                ObjectNode object = nodes.objectNode();
                if (depth < 2) {
                    List<String> required = new ArrayList<>();
                    s.path("required").forEach(r -> required.add(r.asText()));
                    s.path("properties").fields().forEachRemaining(p -> {
                        if (required.contains(p.getKey()) || random.nextBoolean()) {
                            object.set(p.getKey(), example(p.getValue(), depth + 1));
                        }
                    });
                }
                yield object;
            }
        };
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        return ref.startsWith("#/components/schemas/") ? schemas.path(ref.substring("#/components/schemas/".length()))
                : schema;
    }

    /** Bodies that are wrong in one way each: not an object, a field null, missing, of the wrong type, unknown… */
    private Map<String, byte[]> badBodies(JsonNode seed) {
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        for (String whole : List.of("{}", "null", "[]", "\"text\"", "42", "true", "[{}]", "")) {
            bodies.put(whole.isEmpty() ? "empty" : whole, bytes(whole));
        }
        List<JsonNode> wrongValues = List.of(nodes.nullNode(), nodes.textNode(""), nodes.textNode("x".repeat(5000)),
                nodes.numberNode(-1), nodes.numberNode(1e308), nodes.numberNode(new java.math.BigInteger(
                        "9".repeat(60))), nodes.booleanNode(false), nodes.arrayNode(), nodes.arrayNode().addNull(),
                nodes.objectNode(), nodes.objectNode().set("deep", nodes.objectNode().put("er", 1)),
                nodes.textNode("\u0000\u202e\ud83d\ude00"));
        if (seed.isObject()) {
            for (String field : fieldsOf(seed)) {
                bodies.put("without " + field, bytes(changed(seed, field, null).toString()));
                for (JsonNode value : wrongValues) {
                    bodies.put(field + "=" + RawHttp.abbreviated(value.toString()),
                            bytes(changed(seed, field, value).toString()));
                }
                bodies.put(field + "=random", bytes(changed(seed, field, randomValue(3)).toString()));
            }
            ObjectNode unknown = seed.deepCopy();
            unknown.put("unknownField" + random.nextInt(100), "x");
            bodies.put("unknown field", bytes(unknown.toString()));
            ObjectNode nulls = nodes.objectNode();
            seed.fieldNames().forEachRemaining(f -> nulls.putNull(f));
            bodies.put("all null", bytes(nulls.toString()));
        }
        String text = seed.toString();
        bodies.put("truncated", bytes(text.substring(0, text.length() / 2)));
        bodies.put("trailing garbage", bytes(text + "}}"));
        bodies.put("comment", bytes("/* hi */" + text));
        bodies.put("NaN", bytes("{\"name\": NaN}"));
        bodies.put("nested 5000 deep", bytes("[".repeat(5000) + "]".repeat(5000)));
        bodies.put("invalid UTF-8", concat(bytes("{\"name\": \""), new byte[] { (byte) 0xff, (byte) 0xfe,
            (byte) 0xc3, 0x28 }, bytes("\"}")));
        bodies.put("UTF-16", text.getBytes(StandardCharsets.UTF_16));
        byte[] noise = new byte[200 + random.nextInt(2000)];
        random.nextBytes(noise);
        bodies.put("random bytes", noise);
        return bodies;
    }

    /** Top-level fields, and those one level down (the webhook's {@code meta.*} and {@code data.*}). */
    private static List<String> fieldsOf(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fields().forEachRemaining(f -> {
            names.add(f.getKey());
            f.getValue().fieldNames().forEachRemaining(inner -> names.add(f.getKey() + "." + inner));
        });
        return names;
    }

    /** A copy of {@code seed} with {@code field} (maybe {@code outer.inner}) set to {@code value}, or removed. */
    private static JsonNode changed(JsonNode seed, String field, JsonNode value) {
        ObjectNode copy = seed.deepCopy();
        ObjectNode parent = copy;
        String name = field;
        int dot = field.indexOf('.');
        if (dot > 0) {
            parent = (ObjectNode) copy.get(field.substring(0, dot));
            name = field.substring(dot + 1);
        }
        if (value == null) {
            parent.remove(name);
        } else {
            parent.set(name, value);
        }
        return copy;
    }

    private JsonNode randomValue(int depth) {
        return switch (random.nextInt(depth > 0 ? 7 : 5)) {
            case 0 -> nodes.nullNode();
            case 1 -> nodes.textNode(Long.toString(random.nextLong(), 36));
            case 2 -> nodes.numberNode(random.nextGaussian() * 1e6);
            case 3 -> nodes.booleanNode(random.nextBoolean());
            case 4 -> nodes.numberNode(random.nextLong());
            case 5 -> {
                ArrayNode array = nodes.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(randomValue(depth - 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = nodes.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.set("k" + random.nextInt(10), randomValue(depth - 1));
                }
                yield object;
            }
        };
    }

    /** A Pipedrive v2 "deal won" delivery, with the fields the receiver reads. */
    private ObjectNode webhook() {
        ObjectNode body = nodes.objectNode();
        body.set("meta", nodes.objectNode().put("action", "change").put("entity", "deal").put("entity_id", "1")
                .put("correlation_id", "fuzz-" + random.nextInt(1000)).put("timestamp", "1764633600000"));
        body.set("data", nodes.objectNode().put("id", 1).put("title", "Fuzz").put("status", "won")
                .put("won_time", "2026-12-01T00:00:00Z").put("update_time", "2026-12-01 00:00:00")
                .put("value", 10).put("currency", "BRL"));
        body.putNull("previous");
        return body;
    }

    private static String hookAuth() {
        return "Basic " + Base64.getEncoder().encodeToString(bytes("ponte:fuzz-secret"));
    }

    private Map<String, String> headers(String path, String contentType) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (path.startsWith("/hooks/")) {
            headers.put("Authorization", hookAuth());
        } else if (path.startsWith("/api/v1/tenants")) {
            headers.put("Authorization", "Bearer " + ADMIN_KEY);
        } else {
            headers.put("Authorization", "Bearer " + ids.get("tenantKey"));
        }
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        headers.put("Accept", random.nextBoolean() ? "application/json" : "*/*");
        return headers;
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return more;
    }

    private static String target(String template, Map<String, String> values) {
        Matcher m = PARAM.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), "1")));
        }
        return m.appendTail(out).toString();
    }

    private byte[] hugeBody() {
        // Valid JSON, so only its size can be refused.
        return bytes("{\"name\": \"" + "x".repeat(MB + 1000 + random.nextInt(1000)) + "\"}");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
