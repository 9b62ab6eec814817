package dev.ponte.sandbox.crmincloud;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CrmInCloudSandboxTest {

    private static final String BASE = "/sandbox/crmincloud";
    private static final String API = BASE + "/api/v1";

    private String token;

    @BeforeEach
    void reset() {
        given().delete(BASE + "/_state").then().statusCode(204);
        given().delete(BASE + "/_faults").then().statusCode(204);
        token = given().contentType(ContentType.JSON).body(Map.of("apiKey", CrmInCloud.API_KEY))
                .post(API + "/Auth/Login").then().statusCode(200).body("token_type", equalTo("bearer"))
                .extract().path("access_token");
    }

    private RequestSpecification api() {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    private JsonPath post(String path, Object body) {
        return api().body(body).post(API + path).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void requiresABearerTokenFromTheLogin() {
        given().get(API + "/Company/Search").then().statusCode(401)
                .body("Message", equalTo("Authorization has been denied for this request."));
        given().header("Authorization", "Bearer nope").get(API + "/Company/Search").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("apiKey", "wrong")).post(API + "/Auth/Login").then()
                .statusCode(401);
        api().get(API + "/Companies/Search").then().statusCode(200).body("", hasSize(0));
    }

    @Test
    void assignsIdsAndSetsTheModificationTimeOnEveryWrite() throws InterruptedException {
        JsonPath created = post("/Company", Map.of("companyName", "Rossi Srl", "vatId", "01234567897", "city",
                "Torino", "country", "IT", "code", "R1"));
        long id = created.getLong("id");
        Instant first = Instant.parse(created.getString("lastModifiedDate"));
        assertThat(created.getString("createdDate")).isEqualTo(created.getString("lastModifiedDate"));
        Thread.sleep(5);

        JsonPath updated = api().body(Map.of("companyName", "Rossi S.r.l.", "city", "Milano")).put(API + "/Company/" + id)
                .then().statusCode(200).extract().jsonPath();

        assertThat(Instant.parse(updated.getString("lastModifiedDate"))).isAfter(first);
        assertThat(updated.getString("vatId")).isNull();
        assertThat(updated.getString("code")).isEqualTo("R1");
        api().get(API + "/Company/" + id).then().body("companyName", equalTo("Rossi S.r.l."));
        api().get(API + "/Company/999999").then().statusCode(404).body("Message", notNullValue());
        api().body(Map.of("city", "Roma", "country", "Italy")).post(API + "/Company").then().statusCode(400)
                .body("Message", equalTo("The request is invalid."))
                .body("ModelState.companyName[0]", equalTo("The companyName field is required."))
                .body("ModelState.country", hasSize(1));
    }

    @Test
    void keepsSelectionFieldValuesByLabelAmongTheirOptions() {
        long field = post("/FreeField/Company", Map.of("label", "Zona iva Reviso", "type", "Select", "options",
                List.of(Map.of("value", "1", "label", "Italia")))).getLong("id");
        api().body(List.of(Map.of("value", "1", "label", "Changed"), Map.of("value", "2", "label", "UE")))
                .post(API + "/FreeField/Company/" + field + "/Options").then().statusCode(200)
                .body("options.label", contains("Italia", "UE"));
        api().body(Map.of("label", "zona IVA reviso")).post(API + "/FreeField/Company").then().statusCode(400)
                .body("ModelState.label", hasSize(1));

        JsonPath company = post("/Company", Map.of("companyName", "Bianchi Spa", "freeFields",
                List.of(Map.of("label", "Zona iva Reviso", "value", "2"))));

        assertThat(company.getList("freeFields.label")).containsExactly("Zona iva Reviso");
        assertThat(company.getList("freeFields.value")).containsExactly("2");
        api().body(Map.of("companyName", "X", "freeFields", List.of(Map.of("label", "Zona iva Reviso", "value", "9"))))
                .post(API + "/Company").then().statusCode(400).body("ModelState.'freeFields[0].value'", hasSize(1));
        api().body(Map.of("companyName", "X", "freeFields", List.of(Map.of("label", "Valuta", "value", "EUR"))))
                .post(API + "/Company").then().statusCode(400).body("ModelState.'freeFields[0].label'", hasSize(1));
    }

    @Test
    void listsCompaniesModifiedSinceInKeysetOrderAt100000() {
        Instant seeded = Instant.parse("2026-01-01T00:00:00Z");
        long started = System.nanoTime();
        JsonPath ids = given().contentType(ContentType.JSON).body(Map.of("count", 100_000, "modified", seeded.toString()))
                .post(BASE + "/_seed/companies").then().statusCode(200).extract().jsonPath();
        assertThat(System.nanoTime() - started).as("seeding 100,000 companies").isLessThan(20_000_000_000L);
        long last = ids.getLong("lastId");
        api().body(Map.of("companyName", "Changed")).put(API + "/Company/" + (last - 5)).then().statusCode(200);

        started = System.nanoTime();
        List<Integer> changed = api().queryParam("$filter", "lastModifiedDate gt datetime'" + seeded + "'")
                .queryParam("$orderby", "lastModifiedDate,id").get(API + "/Company/Search").then().statusCode(200)
                .extract().path("id");
        assertThat(System.nanoTime() - started).as("modified-since listing").isLessThan(2_000_000_000L);
        assertThat(changed).containsExactly((int) (last - 5));

        List<Integer> next = api().queryParam("$filter", "lastModifiedDate gt datetime'" + seeded
                        + "' or (lastModifiedDate eq datetime'" + seeded + "' and id gt " + (last - 3) + ")")
                .queryParam("$orderby", "lastModifiedDate,id").queryParam("$top", 2).get(API + "/Company/Search")
                .then().statusCode(200).extract().path("id");
        assertThat(next).containsExactly((int) (last - 2), (int) (last - 1));
        api().queryParam("$filter", "nonsense gt 1").get(API + "/Company/Search").then().statusCode(400);
    }

    @Test
    void keepsReferenceTablesAndTheCatalogueUniqueByCode() {
        long vat = post("/VatCode", Map.of("code", "22", "description", "IVA 22%", "rate", 22)).getLong("id");
        api().body(Map.of("code", "22", "description", "dup", "rate", 22)).post(API + "/VatCode").then().statusCode(400)
                .body("ModelState.code", hasSize(1));
        api().body(Map.of("code", "22", "description", "Aliquota 22%", "rate", 22)).put(API + "/VatCode/" + vat).then()
                .statusCode(200);
        post("/PaymentTerm", Map.of("code", "30", "description", "30 giorni", "days", 30));
        api().body(Map.of("code", "60", "description", "60 giorni")).post(API + "/PaymentTerm").then().statusCode(400)
                .body("ModelState.days", hasSize(1));
        api().get(API + "/VatCode").then().body("description", contains("Aliquota 22%")).body("[0].rate", equalTo(22));

        post("/CatalogArticle", Map.of("code", "A-1", "description", "Consulenza", "price", 100, "type", "Service"));
        api().queryParam("$filter", "code eq 'A-1'").get(API + "/CatalogArticle/Search").then()
                .body("description", contains("Consulenza"));
        api().body(Map.of("code", "A-1", "description", "again")).post(API + "/CatalogArticle").then().statusCode(400);
    }

    @Test
    void marksAQuoteSyncedWithCicInItsListLabel() {
        long company = post("/Company", Map.of("companyName", "Verdi Snc")).getLong("id");
        long quote = post("/Quote", Map.of("subject", "Fornitura", "companyId", company, "date", "2026-11-20", "rows",
                List.of(Map.of("articleCode", "A-1", "description", "Consulenza", "quantity", 2, "price", 50,
                        "discount", 10)))).getLong("id");
        api().get(API + "/Quote/" + quote).then().body("rows[0].articleCode", equalTo("A-1"))
                .body("listLabel", equalTo("PR" + quote + " Fornitura"));

        api().body(Map.of("system", "CiC", "externalId", "77")).post(API + "/Quote/" + quote + "/ExternalReference")
                .then().statusCode(200);

        api().get(API + "/Quotes/" + quote).then().statusCode(200).body("listLabel", equalTo("PR" + quote + " Fornitura (CiC)"))
                .body("externalReferences[0].externalId", equalTo("77"));
        api().body(Map.of("companyId", 424242)).post(API + "/Quote").then().statusCode(400);
    }

    @Test
    void injectsFaultsInItsOwnErrorShape() {
        given().contentType(ContentType.JSON).body(Map.of("next_429", 1, "retry_after_seconds", 7))
                .post(BASE + "/_faults").then().statusCode(200);

        api().get(API + "/Company/Search").then().statusCode(429).header("Retry-After", "7")
                .body("Message", equalTo("injected 429"));
        api().get(API + "/Company/Search").then().statusCode(200);
        given().get(BASE + "/_requests").then().body("requests", equalTo(3));
    }
}
