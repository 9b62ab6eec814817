package dev.ponte.flow;

import static dev.ponte.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import dev.ponte.connector.CompanySource;
import dev.ponte.connector.CompanySource.SourceCompany;
import dev.ponte.connector.CustomerLedger;
import dev.ponte.connector.CustomerLedger.LedgerCustomer;
import dev.ponte.connector.RemotePage;
import dev.ponte.connector.crmincloud.CrmInCloudConnector;
import dev.ponte.connector.reviso.RevisoConnector;
import dev.ponte.model.Address;
import dev.ponte.model.CustomerTerms;
import dev.ponte.model.Party;
import dev.ponte.model.PartyKind;
import dev.ponte.model.TaxId;
import dev.ponte.model.TaxIdKind;
import dev.ponte.model.TermField;
import dev.ponte.support.Api;
import dev.ponte.support.Api.Tenant;
import dev.ponte.support.MemoryAccess;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CRM in Cloud ↔ Contabilità in Cloud (Reviso), R30–R37 and R50, end to end over real HTTP: Ponte's API, its
 * connectors and the two sandbox emulators. Records are created and changed on each side through the vendors' APIs
 * (by the connectors, as a vendor's own UI would), and what reached the other side is read back the same way.
 */
@QuarkusTest
class CrmInCloudToRevisoTest {

    static final String CRM = "/sandbox/crmincloud";
    static final String REVISO = "/sandbox/reviso";
    static final String CRM_KEY = "sandbox-crm-api-key";
    static final String GRANT = "sandbox-agreement-grant-token";
    static final CustomerTerms DOMESTIC = new CustomerTerms(Map.of(TermField.CURRENCY, "EUR",
            TermField.CUSTOMER_GROUP, "1", TermField.PAYMENT_TERMS, "2", TermField.VAT_ZONE, "1"));

    @Inject
    CrmInCloudConnector crmConnector;
    @Inject
    RevisoConnector revisoConnector;

    Tenant tenant;
    UUID connection;
    /** The customers the Reviso sandbox starts with. */
    int seeded;
    CompanySource crm;
    CustomerLedger ledger;

    @BeforeEach
    void connect() {
        for (String vendor : List.of(CRM, REVISO)) {
            given().delete(vendor + "/_state").then().statusCode(204);
            given().delete(vendor + "/_faults").then().statusCode(204);
        }
        connectWith(Map.of());
        seeded = ledgerCustomers().size();
    }

    void connectWith(Map<String, Object> settings) {
        tenant = Api.newTenant("Studio " + UUID.randomUUID());
        connection = Api.newConnection(tenant, Map.of("name", "CRM in Cloud → Contabilità in Cloud",
                "sourceSystem", "CRM_IN_CLOUD", "ledgerSystem", "REVISO",
                "flows", List.of("CustomerSync", "QuotePush", "CatalogImport"), "settings", settings,
                "credentials", Map.of("apiKey", CRM_KEY, "agreementGrantToken", GRANT)));
        as(tenant.key()).post("/api/v1/connections/" + connection + "/enable").then().statusCode(200);
        MemoryAccess access = new MemoryAccess(Map.of("apiKey", CRM_KEY, "agreementGrantToken", GRANT));
        crm = (CompanySource) crmConnector.open(access);
        ledger = (CustomerLedger) revisoConnector.open(access);
    }

    // ---- R30: ledger customers ↔ CRM companies -------------------------------------------------------------

    @Test
    void R30_aNewLedgerCustomerBecomesACrmCompanyWithItsTerms() {
        LedgerCustomer bianchi = ledger.createCustomer(bianchi(), DOMESTIC);
        JsonPath run = run("incremental");
        assertThat(run.getInt("created")).isEqualTo(seeded + 1);
        SourceCompany company = companyLinkedTo(bianchi.id());
        assertThat(company.party().name()).isEqualTo("Bianchi Impianti Srl");
        assertThat(company.party().taxId()).isEqualTo(bianchi.party().taxId());
        assertThat(company.party().address().city()).isEqualTo("Bologna");
        assertThat(company.fields()).containsEntry("Valuta Reviso", "EUR").containsEntry("Zona iva Reviso", "1")
                .containsEntry("Gruppo clienti Reviso", "1").containsEntry("Termini di pagamento Reviso", "2");
        assertThat(history("company:" + company.id())).anyMatch(m -> m.contains("company created in the CRM"));
    }

    @Test
    void R30_aChangeOnEitherSideOfALinkedPairUpdatesTheOther() {
        LedgerCustomer bianchi = ledger.createCustomer(bianchi(), DOMESTIC);
        run("incremental");
        SourceCompany company = companyLinkedTo(bianchi.id());

        ledger.updateCustomer(bianchi.id(), withCity(bianchi.party(), "Modena"), bianchi.terms());
        assertThat(run("incremental").getInt("updated")).isEqualTo(1);
        assertThat(crm.company(company.id()).orElseThrow().party().address().city()).isEqualTo("Modena");

        SourceCompany now = crm.company(company.id()).orElseThrow();
        crm.updateCompany(company.id(), withEmail(now.party(), "amministrazione@bianchi.example"), now.fields());
        assertThat(run("incremental").getInt("updated")).isEqualTo(1);
        LedgerCustomer after = ledger.customer(bianchi.id()).orElseThrow();
        assertThat(after.party().email()).isEqualTo("amministrazione@bianchi.example");
        assertThat(after.party().address().city()).isEqualTo("Modena");
    }

    @Test
    void R30_theSameFieldChangedOnBothSidesIsSettledByThePolicyAndRecorded() {
        LedgerCustomer bianchi = ledger.createCustomer(bianchi(), DOMESTIC);
        run("incremental");
        SourceCompany company = companyLinkedTo(bianchi.id());
        ledger.updateCustomer(bianchi.id(), withCity(bianchi.party(), "Modena"), bianchi.terms());
        pause();
        SourceCompany now = crm.company(company.id()).orElseThrow();
        crm.updateCompany(company.id(), withCity(now.party(), "Ferrara"), now.fields());

        JsonPath run = run("incremental");
        assertThat(run.getInt("conflicts")).isEqualTo(1);
        // Newest wins by default: the CRM changed last.
        assertThat(ledger.customer(bianchi.id()).orElseThrow().party().address().city()).isEqualTo("Ferrara");
        assertThat(crm.company(company.id()).orElseThrow().party().address().city()).isEqualTo("Ferrara");
        assertThat(history("company:" + company.id())).anyMatch(m -> m.contains("conflict on city")
                && m.contains("\"Modena\"") && m.contains("kept \"Ferrara\"") && m.contains("NEWEST_WINS"));
    }

    @Test
    void R30_withLedgerWinsTheLedgersValueIsKeptEvenWhenTheCrmChangedLast() {
        connectWith(Map.of("conflictPolicy", "LEDGER_WINS"));
        LedgerCustomer bianchi = ledger.createCustomer(bianchi(), DOMESTIC);
        run("incremental");
        SourceCompany company = companyLinkedTo(bianchi.id());
        ledger.updateCustomer(bianchi.id(), withCity(bianchi.party(), "Modena"), bianchi.terms());
        pause();
        SourceCompany now = crm.company(company.id()).orElseThrow();
        crm.updateCompany(company.id(), withCity(now.party(), "Ferrara"), now.fields());

        assertThat(run("incremental").getInt("conflicts")).isEqualTo(1);
        assertThat(crm.company(company.id()).orElseThrow().party().address().city()).isEqualTo("Modena");
        assertThat(ledger.customer(bianchi.id()).orElseThrow().party().address().city()).isEqualTo("Modena");
    }

    @Test
    void R30_aChangePonteWroteIsNotEchoedBack_tenCyclesWithoutWrites() {
        LedgerCustomer bianchi = ledger.createCustomer(bianchi(), DOMESTIC);
        run("incremental");
        SourceCompany company = companyLinkedTo(bianchi.id());
        ledger.updateCustomer(bianchi.id(), withCity(bianchi.party(), "Modena"), bianchi.terms());
        run("incremental");
        SourceCompany written = crm.company(company.id()).orElseThrow();
        LedgerCustomer ledgerSide = ledger.customer(bianchi.id()).orElseThrow();
        long writesBefore = writes(CRM) + writes(REVISO);

        for (int cycle = 0; cycle < 10; cycle++) {
            JsonPath run = run("incremental");
            assertThat(run.getInt("created") + run.getInt("updated") + run.getInt("failed")).as("cycle " + cycle)
                    .isZero();
        }
        assertThat(writes(CRM) + writes(REVISO)).isEqualTo(writesBefore);
        assertThat(crm.company(company.id()).orElseThrow().updatedAt()).isEqualTo(written.updatedAt());
        assertThat(ledger.customer(bianchi.id()).orElseThrow().updatedAt()).isEqualTo(ledgerSide.updatedAt());
    }

    @Test
    void R30_aManualFullSyncImportsUnlinkedCustomersAndMatchesExistingCompaniesByTaxId() {
        LedgerCustomer bianchi = ledger.createCustomer(bianchi(), DOMESTIC);
        // The same company already typed into the CRM by hand: it must be linked, not duplicated.
        SourceCompany typed = crm.createCompany(bianchi(), Map.of());
        LedgerCustomer verdi = ledger.createCustomer(new Party(PartyKind.COMPANY, "Verdi Logistica Spa",
                TaxId.parse(TaxIdKind.PARTITA_IVA, "00743110157"), null, null, null, "IT", null,
                new Address("Via Roma", "1", "Torino", "TO", "10121", "IT"), null), DOMESTIC);

        JsonPath run = run("full");
        assertThat(run.getInt("created")).isEqualTo(seeded + 1);
        assertThat(run.getInt("updated")).isEqualTo(1);
        assertThat(companyLinkedTo(bianchi.id()).id()).isEqualTo(typed.id());
        assertThat(companyLinkedTo(verdi.id()).party().name()).isEqualTo("Verdi Logistica Spa");
        assertThat(allCompanies()).hasSize(seeded + 2);
        // The CRM company got the ledger's terms in its selection fields.
        assertThat(crm.company(typed.id()).orElseThrow().fields()).containsEntry("Zona iva Reviso", "1");
    }

    @Test
    void R30_aFullSyncLinksAPairThatAlreadyAgreesWithoutWritingEitherSide() {
        run("incremental"); // creates the selection fields
        LedgerCustomer bianchi = ledger.createCustomer(bianchi(), DOMESTIC);
        SourceCompany typed = crm.createCompany(bianchi(), Map.of("Valuta Reviso", "EUR", "Gruppo clienti Reviso", "1",
                "Termini di pagamento Reviso", "2", "Zona iva Reviso", "1"));
        long writes = writes(CRM) + writes(REVISO);
        JsonPath run = run("full");
        assertThat(run.getInt("failed") + run.getInt("created")).isZero();
        assertThat(companyLinkedTo(bianchi.id()).id()).isEqualTo(typed.id());
        assertThat(history("company:" + typed.id())).anyMatch(m -> m.contains("both sides already agree"));
        assertThat(writes(CRM) + writes(REVISO)).isEqualTo(writes);
    }

    @Test
    void R30_anIncrementalRunLinksANewLedgerCustomerToTheCompanyTypedInByHandInsteadOfDuplicatingIt() {
        SourceCompany typed = crm.createCompany(bianchi(), Map.of());
        run("incremental"); // the hand-typed company waits for its send button
        pause();
        LedgerCustomer bianchi = ledger.createCustomer(bianchi(), DOMESTIC);
        JsonPath run = run("incremental");
        assertThat(run.getInt("created")).isZero();
        assertThat(companyLinkedTo(bianchi.id()).id()).isEqualTo(typed.id());
        assertThat(allCompanies()).filteredOn(c -> bianchi.party().taxId().equals(c.party().taxId())).hasSize(1);
    }

    @Test
    void R30_aCompanyWithoutTaxIdWhoseCreateAnswerWasLostIsFoundByItsNameAndDataNotCreatedTwice() {
        run("incremental"); // the CRM's selection fields and reference data exist: the next CRM write is the company
        LedgerCustomer verdi = ledger.createCustomer(verdi(), DOMESTIC);
        // CRM in Cloud creates the company, and Ponte never gets the answer (the connection drops).
        given().contentType(ContentType.JSON).body(Map.of("drop_after_commit", 1)).post(CRM + "/_faults").then()
                .statusCode(200);

        JsonPath report = run("incremental");

        assertThat(report.getInt("failed")).isZero();
        assertThat(allCompanies()).filteredOn(c -> c.party().name().equals("Verdi Arredamenti Snc")).hasSize(1);
        SourceCompany company = companyLinkedTo(verdi.id());
        assertThat(company.party().email()).isEqualTo("ordini@verdi.example");
        // Nothing is left to retry, and the next runs neither create it again nor change it.
        assertThat(run("incremental").getInt("created")).isZero();
        assertThat(run("full").getInt("created")).isZero();
        assertThat(allCompanies()).filteredOn(c -> c.party().name().equals("Verdi Arredamenti Snc")).hasSize(1);
    }

    @Test
    void R30_withoutATaxIdACompanyOfTheSameNameAndContactsIsLinkedAndANamesakeWithOtherContactsIsNot() {
        run("incremental");
        SourceCompany typed = crm.createCompany(verdi(), Map.of());
        SourceCompany namesake = crm.createCompany(withEmail(verdi(), "info@altro-verdi.example"), Map.of());
        LedgerCustomer verdi = ledger.createCustomer(verdi(), DOMESTIC);

        JsonPath report = run("incremental");

        assertThat(companyLinkedTo(verdi.id()).id()).isEqualTo(typed.id());
        assertThat(allCompanies()).filteredOn(c -> c.party().name().equals("Verdi Arredamenti Snc"))
                .extracting(SourceCompany::id).containsExactlyInAnyOrder(typed.id(), namesake.id());
        assertThat(report.getInt("created")).isZero();
        assertThat(report.getInt("updated")).isEqualTo(1);
        assertThat(report.getInt("skipped")).as("only the namesake waits to be sent").isEqualTo(1);
        assertThat(history("company:" + typed.id())).anyMatch(m -> m.contains("linked by name and contacts"));
        // A ledger customer whose contacts differ from every namesake's gets a company of its own.
        LedgerCustomer other = ledger.createCustomer(withEmail(verdi(), "ordini@terzo-verdi.example"), DOMESTIC);
        run("incremental");
        assertThat(companyLinkedTo(other.id()).id()).isNotIn(typed.id(), namesake.id());
    }

    @Test
    void R37_aChangeTheLedgerWouldRefuseIsKeptAsAFailureThatAPersonFixesAndRetries() {
        LedgerCustomer bianchi = ledger.createCustomer(bianchi(), DOMESTIC);
        run("incremental");
        SourceCompany company = companyLinkedTo(bianchi.id());
        // Someone clears the country in the CRM but keeps the province: Reviso would refuse the customer.
        Party noCountry = new Party(PartyKind.COMPANY, "Bianchi Impianti Srl", bianchi.party().taxId(), null, null,
                null, null, null, new Address("Via Emilia", "12", "Bologna", "BO", "40100", null), null);
        crm.updateCompany(company.id(), noCountry, company.fields());
        long writes = writes(REVISO);

        JsonPath run = run("incremental");
        assertThat(run.getInt("failed")).isEqualTo(1);
        assertThat(writes(REVISO)).isEqualTo(writes);
        assertThat(history("company:" + company.id())).anyMatch(m -> m.contains("address.countryCode"));
        JsonPath dead = await().atMost(Duration.ofSeconds(20)).until(() -> as(tenant.key())
                .get("/api/v1/jobs?connectionId=" + connection + "&status=DEAD").then().statusCode(200).extract()
                .jsonPath(), jobs -> jobs.getList("items").size() == 1);
        assertThat(dead.getString("items[0].kind")).isEqualTo("customer.sync");
        // The next run meets the same refused change again (within its overlap): it is the same retry job, not another.
        assertThat(run("incremental").getInt("failed")).isEqualTo(1);
        assertThat(as(tenant.key()).get("/api/v1/jobs?connectionId=" + connection + "&subject=" + dead.getString(
                "items[0].subject")).then().statusCode(200).extract().jsonPath().getList("items")).hasSize(1);

        SourceCompany now = crm.company(company.id()).orElseThrow();
        crm.updateCompany(company.id(), withCountry(now.party(), "IT"), now.fields());
        as(tenant.key()).post("/api/v1/jobs/" + dead.getLong("items[0].id") + "/retry").then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> as(tenant.key()).get("/api/v1/jobs/"
                + dead.getLong("items[0].id")).then().extract().path("status").equals("SUCCEEDED"));
        LedgerCustomer fixed = ledger.customer(bianchi.id()).orElseThrow();
        assertThat(fixed.party().address().province()).isEqualTo("BO");
        assertThat(fixed.party().email()).isNull();
    }

    // ---- R31, R32, R37: a CRM company sent by a button --------------------------------------------------------

    @Test
    void R31_aCrmCompanyGoesToTheLedgerOnlyWhenSent() {
        run("incremental"); // creates the selection fields (R32)
        SourceCompany rossi = crm.createCompany(rossi("IT"), Map.of("Valuta Reviso", "EUR", "Gruppo clienti Reviso",
                "1", "Termini di pagamento Reviso", "2"));
        JsonPath run = run("incremental");
        assertThat(run.getInt("skipped")).isEqualTo(1);
        assertThat(ledgerCustomers()).hasSize(seeded);

        var sent = as(tenant.key()).post(path("/companies/" + rossi.id() + "/send")).then().statusCode(200)
                .body("created", is(true)).extract().jsonPath();
        LedgerCustomer customer = ledger.customer(sent.getString("customerId")).orElseThrow();
        assertThat(customer.party().name()).isEqualTo("Rossi Srl");
        // No VAT zone chosen in the CRM: derived from the country against the agreement's (R32).
        assertThat(customer.terms().get(TermField.VAT_ZONE)).isEqualTo("1");
        // A second click answers the same customer.
        as(tenant.key()).post(path("/companies/" + rossi.id() + "/send")).then().statusCode(200)
                .body("customerId", is(sent.getString("customerId"))).body("created", is(false));
        assertThat(ledgerCustomers()).hasSize(seeded + 1);
    }

    @Test
    void R31_aSendWhoseCreateAnswerWasLostAnswersTheCustomerItCreatedNotASecondOne() {
        run("incremental");
        SourceCompany rossi = crm.createCompany(rossi("IT"), Map.of("Valuta Reviso", "EUR", "Gruppo clienti Reviso",
                "1", "Termini di pagamento Reviso", "2"));
        // Reviso creates the customer, and Ponte never gets the answer (the connection drops).
        given().contentType(ContentType.JSON).body(Map.of("drop_after_commit", 1)).post(REVISO + "/_faults").then()
                .statusCode(200);

        String customerId = as(tenant.key()).post(path("/companies/" + rossi.id() + "/send")).then().statusCode(200)
                .body("created", is(true)).extract().path("customerId");

        assertThat(ledgerCustomers()).hasSize(seeded + 1).filteredOn(c -> c.party().name().equals("Rossi Srl"))
                .extracting(LedgerCustomer::id).containsExactly(customerId);
        as(tenant.key()).post(path("/companies/" + rossi.id() + "/send")).then().statusCode(200)
                .body("customerId", is(customerId)).body("created", is(false));
        assertThat(ledgerCustomers()).hasSize(seeded + 1);
    }

    @Test
    void R32_theCrmGetsSelectionFieldsForTheLedgersExtraFields() {
        run("incremental");
        JsonPath fields = crmApi().get(CRM + "/api/v1/FreeField/Company").then().statusCode(200).extract().jsonPath();
        assertThat(fields.getList("label", String.class)).contains("Valuta Reviso", "Gruppo clienti Reviso",
                "Termini di pagamento Reviso", "Modalità di pagamento CiC", "Zona iva Reviso", "Gruppo prezzi Reviso");
        assertThat(fields.getList("find { it.label == 'Zona iva Reviso' }.options.value", String.class))
                .contains("1", "2", "3");
    }

    @Test
    void R32_aMissingMandatoryValueIsRefusedBeforeSending() {
        run("incremental");
        SourceCompany rossi = crm.createCompany(rossi("IT"), Map.of());
        long writes = writes(REVISO);
        as(tenant.key()).post(path("/companies/" + rossi.id() + "/send")).then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("currency")).body("errors.field", hasItem("customerGroup"))
                .body("errors.field", hasItem("paymentTerms"));
        assertThat(writes(REVISO)).isEqualTo(writes);
        assertThat(ledgerCustomers()).hasSize(seeded);
    }

    @Test
    void R32_mappingDefaultsFillWhatTheCrmLeavesEmpty() {
        for (var table : List.of(Map.of("field", "currency", "value", "EUR"),
                Map.of("field", "customer-group", "value", "1"), Map.of("field", "payment-terms", "value", "2"))) {
            as(tenant.key()).body(Map.of("defaultValue", table.get("value")))
                    .put(path("/mappings/" + table.get("field"))).then().statusCode(200);
        }
        run("incremental");
        SourceCompany rossi = crm.createCompany(rossi("DE"), Map.of());
        String id = as(tenant.key()).post(path("/companies/" + rossi.id() + "/send")).then().statusCode(200)
                .extract().path("customerId");
        CustomerTerms terms = ledger.customer(id).orElseThrow().terms();
        assertThat(terms.get(TermField.CURRENCY)).isEqualTo("EUR");
        assertThat(terms.get(TermField.PAYMENT_TERMS)).isEqualTo("2");
        // A German customer of an Italian agreement: the EU zone.
        assertThat(terms.get(TermField.VAT_ZONE)).isEqualTo("2");
    }

    @Test
    void R37_aProvinceWithoutACountryIsRefusedBeforeAnyCallAndExplainedInTheUsersLanguage() {
        for (var table : List.of(Map.of("field", "currency", "value", "EUR"),
                Map.of("field", "customer-group", "value", "1"), Map.of("field", "payment-terms", "value", "2"))) {
            as(tenant.key()).body(Map.of("defaultValue", table.get("value")))
                    .put(path("/mappings/" + table.get("field"))).then().statusCode(200);
        }
        run("incremental");
        Party noCountry = new Party(PartyKind.COMPANY, "Neri Snc", null, null, null, null, null, null,
                new Address("Via Etnea", "5", "Catania", "CT", "95124", null), null);
        SourceCompany neri = crm.createCompany(noCountry, Map.of("Zona iva Reviso", "1"));
        long writes = writes(REVISO);
        var it = as(tenant.key()).header("Accept-Language", "it").post(path("/companies/" + neri.id() + "/send"))
                .then().statusCode(422).extract().jsonPath();
        assertThat(it.getList("errors.field", String.class)).contains("address.countryCode");
        assertThat(it.getString("errors.find { it.field == 'address.countryCode' }.message")).containsIgnoringCase(
                "nazione");
        var pt = as(tenant.key()).header("Accept-Language", "pt-BR")
                .post(path("/companies/" + neri.id() + "/send")).then().statusCode(422).extract().jsonPath();
        assertThat(pt.getString("errors.find { it.field == 'address.countryCode' }.message")).containsIgnoringCase(
                "país");
        assertThat(writes(REVISO)).isEqualTo(writes);
    }

    // ---- R33, R34: reference data and catalogue ---------------------------------------------------------------

    @Test
    void R33_referenceDataFlowsToTheCrmWhenCustomersSync() {
        run("incremental");
        for (String table : List.of("VatCode", "PaymentTerm", "PaymentMode", "UnitOfMeasure")) {
            assertThat(crmApi().get(CRM + "/api/v1/" + table).then().statusCode(200).extract().jsonPath()
                    .getList("$")).as(table).isNotEmpty();
        }
        List<String> vatCodes = crmApi().get(CRM + "/api/v1/VatCode").then().extract().jsonPath().getList("code");
        assertThat(vatCodes).contains(ledger.referenceData().taxRates().get(0).code());
    }

    @Test
    void R34_theCatalogueIsImportedByItsOwnRunAndArticleCodesAreTheKey() {
        JsonPath first = run("catalog");
        List<String> codes = new ArrayList<>();
        String cursor = null;
        do {
            var page = ledger.products(cursor);
            page.items().forEach(i -> codes.add(i.code()));
            cursor = page.nextCursor();
        } while (cursor != null);
        assertThat(first.getInt("created")).isEqualTo(codes.size());
        List<String> articles = crmApi().get(CRM + "/api/v1/CatalogArticle/Search").then().statusCode(200).extract()
                .jsonPath().getList("code");
        assertThat(articles).containsAll(codes);
        JsonPath second = run("catalog");
        assertThat(second.getInt("created") + second.getInt("updated")).isZero();
        assertThat(second.getInt("unchanged")).isEqualTo(codes.size());
    }

    @Test
    void R34_theCatalogueImportRunsOnItsOwnSchedule() {
        connectWith(Map.of("schedule.catalog", "* * * * * ?"));
        await().atMost(Duration.ofSeconds(20)).until(() -> as(tenant.key()).get(path("/runs")).then().statusCode(200)
                .extract().jsonPath().getList("items.findAll { it.mode == 'catalog' && it.triggeredBy == 'SCHEDULE'"
                        + " && it.status == 'SUCCEEDED' }").size() >= 1);
        // Stop it firing into the other tests' sandboxes.
        as(tenant.key()).post("/api/v1/connections/" + connection + "/disable").then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> as(tenant.key()).get(path("/runs")).then().extract()
                .jsonPath().getList("items.findAll { it.status == 'RUNNING' || it.status == 'QUEUED' }").isEmpty());
        List<String> articles = crmApi().get(CRM + "/api/v1/CatalogArticle/Search").then().statusCode(200).extract()
                .jsonPath().getList("code");
        assertThat(articles).contains("VARIE", "CONS-H", "LIC-CRM", "HW-RT01");
    }

    // ---- R35, R36: send quote ---------------------------------------------------------------------------------

    @Test
    void R35_aQuoteGoesToTheLedgerWithItsCustomerCreatedAndASecondClickAnswersTheSameDocument() {
        mandatoryDefaults();
        run("incremental");
        SourceCompany rossi = crm.createCompany(rossi("IT"), Map.of());
        long quote = quote(rossi.id(), List.of(line("CONS-H", 3, 80), line("LIC-CRM", 1, 1200)));

        String document = as(tenant.key()).post(path("/quotes/" + quote + "/send")).then().statusCode(200)
                .body("created", is(true)).extract().path("documentId");
        assertThat(ledgerCustomers()).hasSize(seeded + 1).extracting(c -> c.party().name()).contains("Rossi Srl");
        as(tenant.key()).post(path("/quotes/" + quote + "/send")).then().statusCode(200)
                .body("documentId", is(document)).body("created", is(false));
        JsonPath quotations = given().get(REVISO + "/_state").then().statusCode(200).extract().jsonPath();
        assertThat(quotations.getList("quotations")).hasSize(1);
    }

    @Test
    void R35_onlyQuotesLinkedToACompanyAndWithKnownArticleCodesAreSent() {
        mandatoryDefaults();
        run("incremental");
        long orphan = quote(null, List.of(line("CONS-H", 1, 80)));
        as(tenant.key()).post(path("/quotes/" + orphan + "/send")).then().statusCode(422)
                .body("errors.field", hasItem("companyId"));
        SourceCompany rossi = crm.createCompany(rossi("IT"), Map.of());
        long unknown = quote(rossi.id(), List.of(line("CONS-H", 1, 80), line("NOPE-1", 2, 10)));
        as(tenant.key()).post(path("/quotes/" + unknown + "/send")).then().statusCode(422)
                .body("errors.field", hasItem("lines[1].articleCode"))
                .body("errors.find { it.field == 'lines[1].articleCode' }.message",
                        org.hamcrest.Matchers.containsString("NOPE-1"));
        assertThat(given().get(REVISO + "/_state").then().extract().jsonPath().getList("quotations")).isEmpty();
    }

    @Test
    void R36_aSentQuoteIsMarkedInTheCrmAndItsPrintableDocumentComesThroughPonte() {
        mandatoryDefaults();
        run("incremental");
        SourceCompany rossi = crm.createCompany(rossi("IT"), Map.of());
        long quote = quote(rossi.id(), List.of(line("HW-RT01", 2, 349.9)));
        as(tenant.key()).get(path("/quotes/" + quote + "/document")).then().statusCode(404);
        as(tenant.key()).post(path("/quotes/" + quote + "/send")).then().statusCode(200);
        String label = crmApi().get(CRM + "/api/v1/Quote/" + quote).then().statusCode(200).extract().path("listLabel");
        assertThat(label).endsWith("(CiC)");
        byte[] pdf = as(tenant.key()).get(path("/quotes/" + quote + "/document")).then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
    }

    @Test
    void R36_aQuoteWhoseMarkFailedIsMarkedByTheNextClick() {
        mandatoryDefaults();
        run("incremental");
        SourceCompany rossi = crm.createCompany(rossi("IT"), Map.of());
        as(tenant.key()).post(path("/companies/" + rossi.id() + "/send")).then().statusCode(200);
        // How many CRM in Cloud requests a send makes, the last of them the mark.
        long first = quote(rossi.id(), List.of(line("HW-RT01", 1, 349.9)));
        long before = crmRequests();
        as(tenant.key()).post(path("/quotes/" + first + "/send")).then().statusCode(200);
        long perSend = crmRequests() - before;
        long second = quote(rossi.id(), List.of(line("HW-RT01", 2, 349.9)));
        // The ledger's quotation is made, then CRM in Cloud refuses the mark once.
        given().contentType(ContentType.JSON).body(Map.of("after_requests", perSend - 1, "next_500", 1))
                .post(CRM + "/_faults").then().statusCode(200);

        as(tenant.key()).post(path("/quotes/" + second + "/send")).then().statusCode(503);
        assertThat(crmApi().get(CRM + "/api/v1/Quote/" + second).then().statusCode(200).extract()
                .<String>path("listLabel")).doesNotEndWith("(CiC)");

        String document = as(tenant.key()).post(path("/quotes/" + second + "/send")).then().statusCode(200)
                .body("created", is(false)).extract().path("documentId");
        assertThat(crmApi().get(CRM + "/api/v1/Quote/" + second).then().statusCode(200).extract()
                .<String>path("listLabel")).endsWith("(CiC)");
        assertThat(given().get(REVISO + "/_state").then().extract().jsonPath().getList("quotations")).hasSize(2);
        as(tenant.key()).get(path("/quotes/" + second + "/document")).then().statusCode(200);
        assertThat(document).isNotBlank();
    }

    // ---- R50: runs and their reports ---------------------------------------------------------------------------

    @Test
    void R50_runsAreReportedThroughTheApiAndAnotherTenantSeesNone() {
        ledger.createCustomer(bianchi(), DOMESTIC);
        JsonPath run = run("full");
        assertThat(run.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(run.getString("triggeredBy")).isEqualTo("MANUAL");
        assertThat(run.getInt("seen")).isEqualTo(seeded + 1);
        assertThat(run.getString("message")).contains((seeded + 1) + " created");
        as(tenant.key()).get(path("/runs")).then().statusCode(200).body("total", is(1));
        Tenant other = Api.newTenant("Other " + UUID.randomUUID());
        as(other.key()).get(path("/runs")).then().statusCode(404);
        as(tenant.key()).body(Map.of("mode", "sideways")).post(path("/runs")).then().statusCode(422)
                .body("errors.field", hasItem("mode"));
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    /** Triggers a run through the API and waits for its report. */
    JsonPath run(String mode) {
        long id = as(tenant.key()).body(Map.of("mode", mode)).post(path("/runs")).then().statusCode(202).extract()
                .jsonPath().getLong("id");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> !List.of("QUEUED",
                "RUNNING").contains(as(tenant.key()).get(path("/runs/" + id)).then().extract().path("status")));
        JsonPath report = as(tenant.key()).get(path("/runs/" + id)).then().statusCode(200).extract().jsonPath();
        assertThat(report.getString("status")).as(report.prettify()).isEqualTo("SUCCEEDED");
        return report;
    }

    String path(String tail) {
        return "/api/v1/connections/" + connection + tail;
    }

    List<String> history(String subject) {
        return as(tenant.key()).get(path("/history?subject=" + subject)).then().statusCode(200).extract()
                .jsonPath().getList("items.message");
    }

    SourceCompany companyLinkedTo(String customerId) {
        JsonPath links = as(tenant.key()).get(path("/links?entityType=customer&size=500")).then().statusCode(200)
                .extract().jsonPath();
        String companyId = links.getString("items.find { it.ledgerId == '" + customerId + "' }.sourceId");
        assertThat(companyId).as("a company linked to customer " + customerId).isNotNull();
        return crm.company(companyId).orElseThrow();
    }

    List<SourceCompany> allCompanies() {
        List<SourceCompany> all = new ArrayList<>();
        String cursor = null;
        do {
            RemotePage<SourceCompany> page = crm.companies(null, cursor);
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return all;
    }

    List<LedgerCustomer> ledgerCustomers() {
        List<LedgerCustomer> all = new ArrayList<>();
        String cursor = null;
        do {
            RemotePage<LedgerCustomer> page = ledger.customers(null, cursor);
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return all;
    }

    void mandatoryDefaults() {
        for (var table : List.of(Map.of("field", "currency", "value", "EUR"),
                Map.of("field", "customer-group", "value", "1"), Map.of("field", "payment-terms", "value", "2"))) {
            as(tenant.key()).body(Map.of("defaultValue", table.get("value")))
                    .put(path("/mappings/" + table.get("field"))).then().statusCode(200);
        }
    }

    static long writes(String vendor) {
        return given().get(vendor + "/_requests").then().statusCode(200).extract().jsonPath().getLong("writes");
    }

    static RequestSpecification crmApi() {
        String token = given().contentType(ContentType.JSON).body(Map.of("apiKey", CRM_KEY))
                .post(CRM + "/api/v1/Auth/Login").then().statusCode(200).extract().path("access_token");
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    static long quote(String companyId, List<Map<String, Object>> rows) {
        Map<String, Object> body = new HashMap<>(Map.of("subject", "Fornitura", "date", "2026-11-20", "rows", rows));
        if (companyId != null) {
            body.put("companyId", Long.parseLong(companyId));
        }
        return crmApi().body(body).post(CRM + "/api/v1/Quote").then().statusCode(200).extract().jsonPath()
                .getLong("id");
    }

    static Map<String, Object> line(String code, double quantity, double price) {
        return Map.of("articleCode", code, "description", code, "quantity", quantity, "price", price);
    }

    /** CRM and ledger timestamps have whole-millisecond resolution: make "later" unambiguous. */
    static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Party bianchi() {
        return new Party(PartyKind.COMPANY, "Bianchi Impianti Srl", TaxId.parse(TaxIdKind.PARTITA_IVA,
                "IT 03027950363"), "info@bianchi.example", "051 1234567", null, "IT", null,
                new Address("Via Emilia", "12", "Bologna", "BO", "40100", "IT"), null);
    }

    static long crmRequests() {
        return given().get(CRM + "/_requests").then().statusCode(200).extract().jsonPath().getLong("requests");
    }

    static Party verdi() {
        return new Party(PartyKind.COMPANY, "Verdi Arredamenti Snc", null, "ordini@verdi.example", "02 7654321", null,
                "IT", null, new Address("Corso Buenos Aires", "8", "Milano", "MI", "20124", "IT"), null);
    }

    static Party rossi(String country) {
        return new Party(PartyKind.COMPANY, "Rossi Srl", null, "info@rossi.example", null, null, country, null,
                new Address("Hauptstraße", "3", "IT".equals(country) ? "Milano" : "München", null,
                        "IT".equals(country) ? "20100" : "80331", country), null);
    }

    static Party withCity(Party p, String city) {
        Address a = p.address();
        return new Party(p.kind(), p.name(), p.taxId(), p.email(), p.businessPhone(), p.mobilePhone(),
                p.countryCode(), p.origin(), new Address(a.street(), a.number(), city, a.province(), a.postalCode(),
                        a.countryCode()), p.sourceId());
    }

    static Party withCountry(Party p, String country) {
        Address a = p.address();
        return new Party(p.kind(), p.name(), p.taxId(), p.email(), p.businessPhone(), p.mobilePhone(), country,
                p.origin(), new Address(a.street(), a.number(), a.city(), a.province(), a.postalCode(), country),
                p.sourceId());
    }

    static Party withEmail(Party p, String email) {
        return new Party(p.kind(), p.name(), p.taxId(), email, p.businessPhone(), p.mobilePhone(), p.countryCode(),
                p.origin(), p.address(), p.sourceId());
    }
}
