package dev.ponte.connector.crmincloud;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponte.connector.CompanySource;
import dev.ponte.connector.CompanySource.FieldOption;
import dev.ponte.connector.CompanySource.ImportCount;
import dev.ponte.connector.CompanySource.SourceCompany;
import dev.ponte.connector.CredentialsFailure;
import dev.ponte.connector.RejectedFailure;
import dev.ponte.connector.RemotePage;
import dev.ponte.connector.TransientFailure;
import dev.ponte.model.Address;
import dev.ponte.model.Item;
import dev.ponte.model.ItemKind;
import dev.ponte.model.Money;
import dev.ponte.model.Party;
import dev.ponte.model.PartyKind;
import dev.ponte.model.PaymentMode;
import dev.ponte.model.PaymentTerm;
import dev.ponte.model.Quote;
import dev.ponte.model.ReferenceData;
import dev.ponte.model.TaxId;
import dev.ponte.model.TaxIdKind;
import dev.ponte.model.TaxRate;
import dev.ponte.model.Unit;
import dev.ponte.support.MemoryAccess;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link CrmInCloudConnector} over real HTTP against the CRM in Cloud sandbox emulator. */
@QuarkusTest
class CrmInCloudConnectorTest {

    private static final String SANDBOX = "/sandbox/crmincloud";
    private static final String API_KEY = "sandbox-crm-api-key";
    private static final String ZONE = "Zona iva Reviso";

    @Inject
    CrmInCloudConnector connector;

    @BeforeEach
    void reset() {
        given().delete(SANDBOX + "/_state").then().statusCode(204);
        given().delete(SANDBOX + "/_faults").then().statusCode(204);
    }

    private CrmInCloudSourcePort port(String apiKey) {
        Map<String, String> credentials = new HashMap<>();
        credentials.put("apiKey", apiKey);
        return (CrmInCloudSourcePort) connector.open(new MemoryAccess(credentials));
    }

    private CompanySource crm() {
        return port(API_KEY);
    }

    private static RequestSpecification sandboxApi() {
        String token = given().contentType(ContentType.JSON).body(Map.of("apiKey", API_KEY))
                .post(SANDBOX + "/api/v1/Auth/Login").then().statusCode(200).extract().path("access_token");
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    private static void faults(Map<String, Object> spec) {
        given().contentType(ContentType.JSON).body(spec).post(SANDBOX + "/_faults").then().statusCode(200);
    }

    private static Party rossi() {
        return new Party(PartyKind.COMPANY, "Rossi Srl", TaxId.parse(TaxIdKind.PARTITA_IVA, "00743110157"),
                "info@rossi.example", "011 5551234", "333 1234567", "IT", "Contabilità in Cloud",
                new Address("Via Po", "10", "Torino", "TO", "10124", "IT"), null);
    }

    @Test
    void checksTheWebApiKey() {
        assertThat(connector.system()).isEqualTo("CRM_IN_CLOUD");
        assertThat(port(" ").test()).singleElement()
                .satisfies(e -> assertThat(e.field()).isEqualTo("credentials.apiKey"));
        assertThat(port("not-a-key").test()).singleElement()
                .satisfies(e -> assertThat(e.field()).isEqualTo("credentials.apiKey"));
        assertThat(connector.capabilities()).containsExactly(dev.ponte.connector.CompanySource.class);
    }

    @Test
    void writesAndReadsCompaniesWithSelectionFieldsByLabel() {
        CompanySource crm = crm();
        crm.ensureCompanyFields(Map.of(ZONE, List.of(new FieldOption("1", "Italia"))));

        SourceCompany created = crm.createCompany(rossi(), Map.of(ZONE, "1"));

        assertThat(created.fields()).containsEntry(ZONE, "1");
        assertThat(created.updatedAt()).isNotNull();
        Party read = crm.company(created.id()).orElseThrow().party();
        assertThat(read.name()).isEqualTo("Rossi Srl");
        assertThat(read.taxId()).isEqualTo(TaxId.parse(TaxIdKind.PARTITA_IVA, "00743110157"));
        assertThat(read.email()).isEqualTo("info@rossi.example");
        assertThat(read.businessPhone()).isEqualTo("011 5551234");
        assertThat(read.mobilePhone()).isEqualTo("333 1234567");
        assertThat(read.address()).isEqualTo(new Address("Via Po 10", null, "Torino", "TO", "10124", "IT"));
        assertThat(read.origin()).isEqualTo("CRM in Cloud");
        assertThat(read.sourceId()).isEqualTo(created.id());

        Party moved = new Party(PartyKind.COMPANY, "Rossi S.r.l.", TaxId.parse(TaxIdKind.CODICE_FISCALE, "80012000826"),
                null, null, null, "IT", null, new Address("Corso Italia", "1", "Milano", "MI", "20122", "IT"), null);
        SourceCompany updated = crm.updateCompany(created.id(), moved, Map.of());

        assertThat(updated.updatedAt()).isAfterOrEqualTo(created.updatedAt());
        assertThat(updated.party().taxId().kind()).as("the Partita IVA is kept and still wins")
                .isEqualTo(TaxIdKind.PARTITA_IVA);
        assertThat(updated.party().email()).isNull();
        assertThat(updated.party().address().city()).isEqualTo("Milano");
        assertThat(updated.fields()).containsEntry(ZONE, "1");
        assertThatThrownBy(() -> crm.createCompany(rossi(), Map.of("Valuta Reviso", "EUR")))
                .isInstanceOfSatisfying(RejectedFailure.class, e -> assertThat(e.errors())
                        .anySatisfy(f -> assertThat(f.field()).isEqualTo("freeFields[0].label")));
    }

    @Test
    void ensuresFieldsIdempotentlyAndAddsOnlyNewOptions() {
        CompanySource crm = crm();
        crm.ensureCompanyFields(Map.of(ZONE, List.of(new FieldOption("1", "Italia"))));
        crm.ensureCompanyFields(Map.of("zona IVA reviso", List.of(new FieldOption("1", "Renamed"),
                new FieldOption("2", "UE")), "Valuta Reviso", List.of(new FieldOption("EUR", "Euro"))));

        List<Map<String, Object>> fields = given().get(SANDBOX + "/_state").then().extract().path("fields");
        assertThat(fields).extracting(f -> f.get("label")).containsExactly(ZONE, "Valuta Reviso");
        assertThat(fields.get(0).get("options")).isEqualTo(List.of(Map.of("value", "1", "label", "Italia"),
                Map.of("value", "2", "label", "UE")));
        assertThat(crm.createCompany(rossi(), Map.of(ZONE, "2")).fields()).containsEntry(ZONE, "2");
    }

    @Test
    void pagesChangedCompaniesInAStableOrderWhileTheyChange() {
        Instant seeded = Instant.parse("2026-01-01T00:00:00Z");
        given().contentType(ContentType.JSON).body(Map.of("count", 250, "modified", seeded.toString()))
                .post(SANDBOX + "/_seed/companies").then().statusCode(200);
        CompanySource crm = crm();

        RemotePage<SourceCompany> first = crm.companies(null, null);
        SourceCompany touched = first.items().get(3);
        crm.updateCompany(touched.id(), touched.party(), Map.of());
        List<String> seen = new ArrayList<>(first.items().stream().map(SourceCompany::id).toList());
        String cursor = first.nextCursor();
        while (cursor != null) {
            RemotePage<SourceCompany> page = crm.companies(null, cursor);
            page.items().forEach(c -> seen.add(c.id()));
            cursor = page.nextCursor();
        }

        assertThat(first.items()).hasSize(CrmInCloudSourcePort.PAGE);
        assertThat(new HashSet<>(seen)).hasSize(250);
        assertThat(seen).hasSize(251).endsWith(touched.id());
        assertThat(first.items().get(0).party().taxId()).isNotNull();
        RemotePage<SourceCompany> changed = crm.companies(seeded.plusMillis(1), null);
        assertThat(changed.items()).extracting(SourceCompany::id).containsExactly(touched.id());
        assertThat(changed.nextCursor()).isNull();
    }

    @Test
    void importsReferenceDataAndProductsCountingWhatChanged() {
        CompanySource crm = crm();
        ReferenceData data = new ReferenceData(List.of(new TaxRate("22", "IVA 22%", new BigDecimal("22"))),
                List.of(new PaymentTerm("30", "30 giorni", 30)), List.of(new PaymentMode("BB", "Bonifico bancario")),
                List.of(new Unit("PZ", "Pezzi"), new Unit("H", "Ore")));

        assertThat(crm.importReferenceData(data)).isEqualTo(new ImportCount(5, 0, 0));
        assertThat(crm.importReferenceData(data)).isEqualTo(new ImportCount(0, 0, 5));
        ReferenceData changed = new ReferenceData(List.of(new TaxRate("22", "IVA 22%", new BigDecimal("22.00"))),
                List.of(new PaymentTerm("30", "30 giorni", 60)), List.of(), List.of(new Unit("KG", "Chili")));
        assertThat(crm.importReferenceData(changed)).isEqualTo(new ImportCount(1, 1, 1));

        List<Item> items = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            items.add(new Item(ItemKind.PRODUCT, "A-" + i, "Articolo " + i, Money.of("10.50", "EUR"), "PZ"));
        }
        assertThat(crm.importProducts(items)).isEqualTo(new ImportCount(130, 0, 0));
        items.set(7, new Item(ItemKind.SERVICE, "A-7", "Consulenza", Money.of("80", "EUR"), "H"));
        items.add(new Item(ItemKind.PRODUCT, "B-1", "Nuovo", null, null));
        assertThat(crm.importProducts(items)).isEqualTo(new ImportCount(1, 1, 129));
        assertThatThrownBy(() -> crm.importProducts(List.of(new Item(ItemKind.PRODUCT, null, "Senza codice", null,
                null)))).isInstanceOfSatisfying(RejectedFailure.class,
                        e -> assertThat(e.errors()).singleElement().satisfies(f -> assertThat(f.field()).isEqualTo("items[0].code")));
    }

    @Test
    void readsQuotesWithLinesAndMarksThemSentOnce() {
        long company = sandboxApi().body(Map.of("companyName", "Verdi Snc")).post(SANDBOX + "/api/v1/Company").then()
                .statusCode(200).extract().jsonPath().getLong("id");
        long quoteId = sandboxApi().body(Map.of("code", "PR-9", "subject", "Fornitura", "companyId", company, "date",
                "2026-11-20", "notes", "Consegna a gennaio", "rows", List.of(Map.of("articleCode", "A-1", "description",
                        "Consulenza", "quantity", 2, "price", 50, "discount", 10), Map.of("description", "Trasferta",
                        "quantity", 1, "price", 30)))).post(SANDBOX + "/api/v1/Quote").then().statusCode(200)
                .extract().jsonPath().getLong("id");
        CompanySource crm = crm();

        Quote quote = crm.quote(String.valueOf(quoteId)).orElseThrow();

        assertThat(quote.number()).isEqualTo("PR-9");
        assertThat(quote.companyId()).isEqualTo(String.valueOf(company));
        assertThat(quote.date()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(quote.currency()).isEqualTo("EUR");
        assertThat(quote.notes()).isEqualTo("Consegna a gennaio");
        assertThat(quote.lines()).containsExactly(
                new Quote.QuoteLine("A-1", "Consulenza", new BigDecimal("2"), Money.of("50", "EUR"), new BigDecimal("10")),
                new Quote.QuoteLine(null, "Trasferta", new BigDecimal("1"), Money.of("30", "EUR"), null));
        assertThat(crm.quote("999999")).isEmpty();

        crm.markQuoteSent(quote.id(), "DOC-41");
        long requests = given().get(SANDBOX + "/_requests").then().extract().jsonPath().getLong("requests");
        crm.markQuoteSent(quote.id(), "DOC-41");

        assertThat(given().get(SANDBOX + "/_requests").then().extract().jsonPath().getLong("requests"))
                .as("marking again only reads").isEqualTo(requests + 1);
        sandboxApi().get(SANDBOX + "/api/v1/Quote/" + quoteId).then().statusCode(200)
                .body("listLabel", org.hamcrest.Matchers.endsWith("(CiC)"))
                .body("externalReferences", org.hamcrest.Matchers.hasSize(1));
    }

    @Test
    void turnsVendorErrorsIntoPonteFailures() {
        CompanySource crm = crm();
        crm.company("1");

        faults(Map.of("next_401", 2));
        assertThatThrownBy(() -> crm.company("1")).as("refused after a fresh login").isInstanceOf(CredentialsFailure.class);

        given().delete(SANDBOX + "/_state").then().statusCode(204);
        assertThat(crm.company("1")).as("a forgotten token is renewed once").isEmpty();
        assertThatThrownBy(() -> crm.createCompany(new Party(PartyKind.COMPANY, "X", null, null, null, null, null, null,
                null, null), Map.of("Nope", "1"))).isInstanceOfSatisfying(RejectedFailure.class,
                        e -> assertThat(e.getMessage()).contains("400").contains("The request is invalid."));
    }

    @Test
    void aTimeoutIsTransient() {
        faults(Map.of("next_timeouts", 1, "timeout_ms", 4000));

        assertThatThrownBy(() -> crm().company("1")).isInstanceOf(TransientFailure.class);
    }
}
