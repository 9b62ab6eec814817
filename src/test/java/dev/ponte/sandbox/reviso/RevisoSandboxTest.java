package dev.ponte.sandbox.reviso;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Reviso emulator's contract over HTTP: auth, envelope, paging and filters, validation, quotations, faults. */
@QuarkusTest
class RevisoSandboxTest {

    private static final String BASE = "/sandbox/reviso";

    @BeforeEach
    void reset() {
        given().delete(BASE + "/_state").then().statusCode(204);
        given().delete(BASE + "/_faults").then().statusCode(204);
    }

    private static RequestSpecification api() {
        return given().header("X-AppSecretToken", Reviso.APP_SECRET_TOKEN)
                .header("X-AgreementGrantToken", Reviso.AGREEMENT_GRANT_TOKEN).contentType(ContentType.JSON);
    }

    private static Map<String, Object> customer(String name) {
        Map<String, Object> c = new HashMap<>(Map.of("name", name, "currency", "EUR",
                "customerGroup", Map.of("customerGroupNumber", 1), "paymentTerms", Map.of("paymentTermsNumber", 2),
                "vatZone", Map.of("vatZoneNumber", 1)));
        c.put("countryCode", Map.of("code", "IT"));
        return c;
    }

    @Test
    void refusesACallWithoutBothTokensWithTheDocumented401Body() {
        Map<String, Object> body = given().header("X-AppSecretToken", Reviso.APP_SECRET_TOKEN)
                .get(BASE + "/customers").then().statusCode(401).extract().as(Map.class);
        assertThat(body).containsOnlyKeys("developerHint", "httpStatusCode", "logId", "logTime", "message")
                .containsEntry("httpStatusCode", 401).containsEntry("message", "Login to API server failed.");
        given().header("X-AppSecretToken", "demo").header("X-AgreementGrantToken", "demo")
                .get(BASE + "/vat-zones").then().statusCode(200);
        given().header("X-AppSecretToken", "demo").header("X-AgreementGrantToken", "demo")
                .contentType(ContentType.JSON).body(customer("Demo")).post(BASE + "/customers").then().statusCode(403);
    }

    @Test
    void selfIsAnItalianAgreement() {
        api().get(BASE + "/self").then().statusCode(200).body("company.countryCode.code", equalTo("IT"))
                .body("settings.baseCurrency", equalTo("EUR")).body("self", startsWith("http"));
    }

    @Test
    void createsWithTheNextNumberAndStampsLastUpdatedOnEveryWrite() throws InterruptedException {
        Map<String, Object> body = customer("Rossi Impianti S.r.l.");
        body.put("vatNumber", "02250850878");
        body.put("province", Map.of("countryCode", Map.of("code", "IT"), "provinceNumber", 53));
        Map<String, Object> created = api().body(body).post(BASE + "/customers").then().statusCode(201)
                .body("customerNumber", equalTo(4)).body("province.provinceNumber", equalTo(53))
                .body("country", equalTo("ITALIA")).body("self", startsWith("http"))
                .extract().as(Map.class);
        Instant first = Instant.parse((String) created.get("lastUpdated"));
        assertThat((String) created.get("lastUpdated")).endsWith("Z");

        Thread.sleep(1100);
        Map<String, Object> replaced = customer("Rossi Impianti S.p.A.");
        api().body(replaced).put(BASE + "/customers/4").then().statusCode(200)
                .body("name", equalTo("Rossi Impianti S.p.A.")).body("$", not(hasKey("vatNumber")));
        String second = api().get(BASE + "/customers/4").then().statusCode(200).extract().path("lastUpdated");
        assertThat(Instant.parse(second)).isAfter(first);
        api().get(BASE + "/customers/999").then().statusCode(404);
    }

    @Test
    void missingMandatoryFieldsFailSchemaValidationPerProperty() {
        api().body(Map.of("name", "Solo Nome")).post(BASE + "/customers").then().statusCode(400)
                .body("message", equalTo("Schema validation failed."))
                .body("errors.keySet()", contains("currency", "customerGroup", "paymentTerms", "vatZone"))
                .body("errors.vatZone.errors[0].propertyName", equalTo("vatZone"));
    }

    @Test
    void provinceWithoutCountryIsRefusedInTheSeedsWords() {
        Map<String, Object> body = customer("Verdi S.r.l.");
        body.remove("countryCode");
        body.put("province", Map.of("provinceNumber", 53));
        api().body(body).post(BASE + "/customers").then().statusCode(400).body("message", equalTo(
                "Could not create customer. A supplier needs to have a country code to be able to have a province."));
    }

    @Test
    void vatZoneMustBeEnabledForCustomersAndFitTheCountry() {
        String refused = "Could not create customer. The chosen VAT zone is not valid for the country in which your "
                + "agreement exists.";
        Map<String, Object> german = customer("Schmidt GmbH");
        german.put("countryCode", Map.of("code", "DE"));
        api().body(german).post(BASE + "/customers").then().statusCode(400).body("message", equalTo(refused));
        german.put("vatZone", Map.of("vatZoneNumber", 2));
        api().body(german).post(BASE + "/customers").then().statusCode(201);

        Map<String, Object> exempt = customer("Esente S.r.l.");
        exempt.put("vatZone", Map.of("vatZoneNumber", 4));
        api().body(exempt).post(BASE + "/customers").then().statusCode(400).body("message", equalTo(refused));
        Map<String, Object> swiss = customer("Huber AG");
        swiss.put("countryCode", Map.of("code", "CH"));
        swiss.put("vatZone", Map.of("vatZoneNumber", 3));
        api().body(swiss).post(BASE + "/customers").then().statusCode(201);
    }

    @Test
    void pagesAndFiltersInTheCollectionEnvelope() {
        given().contentType(ContentType.JSON).body(Map.of("count", 45, "from", "2026-01-01T00:00:00Z",
                "stepMillis", 1000)).post(BASE + "/_customers/generate").then().statusCode(200)
                .body("customers", equalTo(48));

        api().queryParam("skippages", 2).queryParam("pagesize", 20).get(BASE + "/customers").then().statusCode(200)
                .body("collection.size()", equalTo(8)).body("pagination.results", equalTo(48))
                .body("pagination.maxPageSizeAllowed", equalTo(1000)).body("pagination.skipPages", equalTo(2))
                .body("pagination.nextPage", nullValue()).body("collection[0].customerNumber", equalTo(41));
        api().queryParam("pagesize", 1001).get(BASE + "/customers").then().statusCode(400);

        // The three seed customers were written now, so every filter from 2026-01-01 on includes them.
        api().queryParam("filter", "lastUpdated$gt:2026-01-01T00:00:40Z").queryParam("pagesize", 100)
                .get(BASE + "/customers").then().statusCode(200).body("pagination.results", equalTo(7))
                .body("pagination.resultsWithoutFilter", equalTo(48));
        api().queryParam("filter", "lastUpdated$gt:2026-01-01T00:00:40Z$and:lastUpdated$lt:2026-02-01$and:"
                + "customerNumber$lt:47").get(BASE + "/customers").then().body("collection.customerNumber", contains(45, 46));
        api().queryParam("filter", "vatNumber$eq:02250850878$or:name$like:*0000007*")
                .get(BASE + "/customers").then().body("collection.customerNumber", contains(1, 10));
        api().queryParam("filter", "customerNumber$ne:1$and:name$like:müller")
                .get(BASE + "/customers").then().body("collection.name", contains("Müller Maschinenbau GmbH"));
        api().queryParam("sort", "-customerNumber").queryParam("pagesize", 2)
                .get(BASE + "/customers").then().body("collection.customerNumber", contains(48, 47));
        api().queryParam("filter", "name$bogus:x").get(BASE + "/customers").then().statusCode(400);
    }

    @Test
    void filtersOnLastUpdatedStayFastAmong100000Customers() {
        given().contentType(ContentType.JSON).body(Map.of("count", 100_000, "from", "2026-01-01T00:00:00Z",
                "stepMillis", 1000)).post(BASE + "/_customers/generate").then().statusCode(200);
        String filter = "lastUpdated$gt:2026-01-02T03:46:00Z";
        api().queryParam("filter", filter).get(BASE + "/customers").then().statusCode(200);
        long[] ms = new long[21];
        for (int i = 0; i < ms.length; i++) {
            ms[i] = api().queryParam("filter", filter).queryParam("sort", "lastUpdated,customerNumber")
                    .get(BASE + "/customers").then().statusCode(200).body("pagination.results", equalTo(39 + 3))
                    .extract().time();
        }
        java.util.Arrays.sort(ms);
        assertThat(ms[ms.length / 2]).as("median ms of a call that reads the index from its lastUpdated bound")
                .isLessThan(100);
        api().queryParam("filter", "vatNumber$eq:10000000371").get(BASE + "/customers").then()
                .body("collection.name", contains("Cliente 0000001 S.r.l."));
        given().delete(BASE + "/_state").then().statusCode(204); // frees the 100,000 for the tests that follow
    }

    @Test
    void servesItalianReferenceData() {
        api().get(BASE + "/vat-zones").then().statusCode(200)
                .body("collection.vatZoneNumber", contains(1, 2, 3, 4))
                .body("collection.find { it.vatZoneNumber == 4 }.enabledForCustomer", equalTo(false));
        api().queryParam("filter", "vatCode$eq:V022").get(BASE + "/vat-accounts").then()
                .body("collection[0].ratePercentage", equalTo(22)).body("collection[0].vatType.name", equalTo("Iva vendite"));
        api().queryParam("pagesize", 1000).get(BASE + "/provinces/IT").then()
                .body("pagination.results", equalTo(107)).body("collection.code", hasItem("MI"))
                .body("collection.find { it.code == 'MI' }.provinceNumber", equalTo(53));
        for (String path : List.of("payment-terms", "payment-types", "customer-groups", "price-groups", "currencies",
                "units", "product-groups", "layouts", "products")) {
            api().get(BASE + "/" + path).then().statusCode(200).body("collection.size()", not(equalTo(0)));
        }
        api().body(Map.of("productNumber", "P-42", "name", "Arkenstone", "salesPrice", 10000,
                "productGroup", Map.of("productGroupNumber", 1))).post(BASE + "/products").then().statusCode(201);
        api().queryParam("filter", "productNumber$eq:P-42$or:productNumber$eq:NOPE").get(BASE + "/products").then()
                .body("collection.name", contains("Arkenstone"));
    }

    @Test
    void createsAQuotationWithItsPdfAndNamesAnUnknownProduct() {
        Map<String, Object> quotation = new HashMap<>(Map.of("date", "2026-06-05", "currency", "EUR",
                "paymentTerms", Map.of("paymentTermsNumber", 11), "customer", Map.of("customerNumber", 1),
                "recipient", Map.of("name", "Neri Franco & C. snc", "vatZone", Map.of("vatZoneNumber", 1)),
                "references", Map.of("other", "ponte:crm-quote:77"),
                "lines", List.of(Map.of("lineNumber", 1, "description", "Licenza", "quantity", 2,
                        "unitNetPrice", 10.5, "discountPercentage", 0, "product", Map.of("productNumber", "LIC-CRM"),
                        "vatInfo", Map.of("vatAccount", Map.of("vatCode", "V022"))))));
        // The layout it is printed with is required, as in the community's validated body.
        api().body(quotation).post(BASE + "/quotations").then().statusCode(400)
                .body("errors.keySet()", contains("layout"));
        quotation.put("layout", Map.of("layoutNumber", 9));
        int id = api().body(quotation).post(BASE + "/quotations").then().statusCode(201)
                .body("netAmount", equalTo(21.0f)).body("vatAmount", equalTo(4.62f))
                .body("pdf.download", startsWith("http")).extract().path("id");
        byte[] pdf = api().get(BASE + "/quotations/" + id + "/pdf").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        assertThat(new String(pdf, 0, 8)).startsWith("%PDF-1.4");
        api().queryParam("filter", "references.other$eq:ponte:crm-quote:77").get(BASE + "/quotations").then()
                .body("collection.id", contains(id));

        quotation.put("lines", List.of(Map.of("quantity", 1, "product", Map.of("productNumber", "NON-ESISTE"))));
        api().body(quotation).post(BASE + "/quotations").then().statusCode(400)
                .body("message", equalTo("Product 'NON-ESISTE' not found."))
                .body("errors.keySet()", contains("lines[0].product"));
    }

    @Test
    void injectsFaultsInRevisosOwnErrorFormat() {
        given().contentType(ContentType.JSON).body(Map.of("next_429", 1, "retry_after_seconds", 7, "next_500", 1))
                .post(BASE + "/_faults").then().statusCode(200);
        api().get(BASE + "/customers").then().statusCode(429).header("Retry-After", "7")
                .body("httpStatusCode", equalTo(429));
        api().get(BASE + "/customers").then().statusCode(500).body("message", equalTo("injected 500"));
        api().get(BASE + "/customers").then().statusCode(200);
        given().get(BASE + "/_requests").then().body("requests", equalTo(3));
    }
}
