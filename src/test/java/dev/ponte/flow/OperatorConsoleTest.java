package dev.ponte.flow;

import static dev.ponte.flow.PipedriveToContaAzul.connect;
import static dev.ponte.flow.PipedriveToContaAzul.contaAzul;
import static dev.ponte.flow.PipedriveToContaAzul.contaAzulCustomer;
import static dev.ponte.flow.PipedriveToContaAzul.create;
import static dev.ponte.flow.PipedriveToContaAzul.deal;
import static dev.ponte.flow.PipedriveToContaAzul.eventually;
import static dev.ponte.flow.PipedriveToContaAzul.organization;
import static dev.ponte.flow.PipedriveToContaAzul.product;
import static dev.ponte.flow.PipedriveToContaAzul.sales;
import static dev.ponte.flow.PipedriveToContaAzul.setStatus;
import static dev.ponte.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ponte.support.Api;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import dev.ponte.engine.JobService;
import dev.ponte.engine.NewJob;
import dev.ponte.engine.RecordService;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.htmlunit.BrowserVersion;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlCheckBoxInput;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The operator console in a headless browser that runs its script (HtmlUnit), against the running app and its
 * sandboxes: a person signs in with the tenant's key, sees the deal waiting for a choice between two namesakes and the
 * sale Conta Azul refused, settles both from the page, and reads what happened.
 */
@QuarkusTest
class OperatorConsoleTest {

    @TestHTTPResource("/console/")
    URL console;

    private WebClient browser;

    @Inject
    JobService jobs;

    @Inject
    RecordService records;

    @BeforeEach
    void reset() {
        PipedriveToContaAzul.resetSandboxes();
        browser = browser(BrowserVersion.FIREFOX);
    }

    @AfterEach
    void close() {
        browser.close();
    }

    @Test
    void aPersonSettlesAReviewAndAFailedSaleFromThePageAndReadsTheHistory() throws Exception {
        PipedriveToContaAzul c = connect(Map.of("matchByName", true));
        given().contentType(ContentType.JSON).body(Map.of("stock_check", true))
                .post(PipedriveToContaAzul.CONTA_AZUL + "/_faults").then().statusCode(200);
        long refused = deal("Venda", 10, organization("Acme", "11.222.333/0001-81"), null, product("P", "P-1", 10), 1);
        setStatus(refused, "won");
        eventually(() -> assertThat(c.jobs("status=DEAD").getInt("total")).isEqualTo(1));
        // A name that is also markup: the page must show it as text.
        String name = "<b>Maria</b> Oliveira";
        contaAzulCustomer(name);
        String chosen = contaAzulCustomer(name);
        long waiting = deal("Venda 2", 20, null, create("/v1/persons", Map.of("name", name)), product("Q", "Q-1", 20),
                1);
        setStatus(waiting, "won");
        eventually(() -> assertThat(c.jobs("status=DEAD").getInt("total")).isEqualTo(2));
        given().delete(PipedriveToContaAzul.CONTA_AZUL + "/_faults").then().statusCode(204);

        HtmlPage page = browser.getPage(console);
        signIn(page, "pk_not-a-key");
        eventually(() -> assertThat(text(page, "notice")).isEqualTo("This API key was not accepted."));
        assertThat(page.getElementById("app").hasAttribute("hidden")).isTrue();

        signIn(page, c.tenant.key());
        eventually(() -> assertThat(text(page, "connection-rows")).contains("PIPEDRIVE → CONTA_AZUL", "enabled"));
        click(page, "button[data-connection='" + c.connection + "']");
        eventually(() -> assertThat(text(page, "reviews")).contains("pipedrive:deal:" + waiting, name,
                "2 customers have exactly this name"));
        assertThat(page.getElementById("reviews").getElementsByTagName("b")).isEmpty();
        eventually(() -> assertThat(text(page, "failures")).contains("pipedrive:deal:" + refused, "estoque")
                .doesNotContain("pipedrive:deal:" + waiting));

        eventually(() -> assertThat(text(page, "budget-rows")).contains("PIPEDRIVE", "left today", "CONTA_AZUL",
                "Ponte keeps to 2000/s"));
        click(page, "button[data-candidate='" + chosen + "']");
        eventually(() -> assertThat(sales()).isEqualTo(1));
        assertThat(contaAzul().getString("vendas[0].idCliente")).isEqualTo(chosen);
        eventually(() -> assertThat(text(page, "reviews")).isEqualTo("Nothing waiting."));

        click(page, "#failures button.retry");
        eventually(() -> assertThat(sales()).isEqualTo(2));
        eventually(() -> {
            click(page, "#refresh");
            assertThat(text(page, "failures")).isEqualTo("Nothing failed.");
        });

        ((HtmlInput) page.getElementById("subject")).setValue("pipedrive:deal:" + waiting);
        click(page, "#history-form button");
        eventually(() -> assertThat(text(page, "history-rows")).contains("a person chose in the review list (" + chosen
                + ")").doesNotContain("pipedrive:deal:" + refused));

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        ((HtmlInput) page.getElementById("from")).setValue(today.minusDays(1).toString());
        ((HtmlInput) page.getElementById("to")).setValue(today.plusDays(1).toString());
        click(page, "#preview-form button");
        eventually(() -> assertThat(text(page, "preview-summary")).startsWith("2 records previewed: REUSE 2"));
        eventually(() -> assertThat(text(page, "preview-rows")).contains("pipedrive:deal:" + refused,
                "pipedrive:deal:" + waiting));
        assertThat(as(c.tenant.key()).get("/api/v1/connections/" + c.connection + "/reviews").then().statusCode(200)
                .extract().jsonPath().getList("items")).isEmpty();
    }

    @Test
    void problemsAreShownInTheCallersWordsAndAnotherTenantsConnectionIsNotThere() throws Exception {
        PipedriveToContaAzul mine = connect(Map.of());
        PipedriveToContaAzul theirs = connect(Map.of());
        HtmlPage page = browser.getPage(console);
        signIn(page, mine.tenant.key());
        eventually(() -> assertThat((Object) page.querySelector("button[data-connection='" + mine.connection + "']"))
                .isNotNull());
        assertThat((Object) page.querySelector("button[data-connection='" + theirs.connection + "']")).isNull();
        click(page, "button[data-connection='" + mine.connection + "']");
        eventually(() -> assertThat(text(page, "connection-state")).startsWith("enabled"));
        eventually(() -> assertThat(text(page, "webhook")).startsWith("Ponte subscribes its webhook"));

        ((HtmlInput) page.getElementById("from")).setValue("2026-03-01");
        ((HtmlInput) page.getElementById("to")).setValue("2026-01-01");
        click(page, "#preview-form button");
        eventually(() -> assertThat(text(page, "notice")).contains("to:"));
        eventually(() -> assertThat(page.getElementById("notice").getAttribute("class")).isEqualTo("error"));

        page.<DomElement>querySelector("#new-connection summary").click();
        click(page, "#create-form button");
        eventually(() -> assertThat(text(page, "notice")).contains("name: Required."));

        click(page, "#disable");
        eventually(() -> assertThat(text(page, "connection-state")).startsWith("disabled"));
        assertThat(as(mine.tenant.key()).get("/api/v1/connections/" + mine.connection).then().statusCode(200)
                .extract().<String>path("status")).isEqualTo("DISABLED");
        assertThat(as(theirs.tenant.key()).get("/api/v1/connections/" + theirs.connection).then().statusCode(200)
                .extract().<String>path("status")).isEqualTo("ACTIVE");
    }

    @Test
    void aPersonConnectsTheLedgerThroughItsConsentPageAndComesBackToTheConnection() throws Exception {
        Api.Tenant tenant = Api.newTenant("Loja " + java.util.UUID.randomUUID());
        java.util.UUID connection = Api.newConnection(tenant, Map.of("flows", java.util.List.of("WonDealToSale"),
                "settings", Map.of("taxIdField", PipedriveToContaAzul.CNPJ_FIELD),
                "credentials", Map.of("apiToken", PipedriveToContaAzul.ADMIN_TOKEN)));
        as(tenant.key()).post("/api/v1/connections/" + connection + "/test").then().statusCode(422);

        HtmlPage page = browser.getPage(console);
        signIn(page, tenant.key());
        eventually(() -> assertThat((Object) page.querySelector("button[data-connection='" + connection + "']"))
                .isNotNull());
        click(page, "button[data-connection='" + connection + "']");
        eventually(() -> assertThat(text(page, "consents")).isEqualTo("Connect Conta Azul"));
        click(page, "button[data-oauth='LEDGER']");

        // The browser went to the sandbox's consent page, which consents at once, and back through the callback.
        eventually(() -> {
            HtmlPage back = shown();
            assertThat(back.getUrl().getPath()).isEqualTo("/console/");
            assertThat(text(back, "notice")).isEqualTo("Connected: the credentials are stored.");
            assertThat(text(back, "connection-title")).contains("PIPEDRIVE → CONTA_AZUL");
        });
        as(tenant.key()).post("/api/v1/connections/" + connection + "/test").then().statusCode(200);
        assertThat(given().urlEncodingEnabled(false).get("/oauth/callback?code=x&state=y").then().extract()
                .contentType()).startsWith("application/problem+json");
        // A consent refused at the vendor (no code) or used already: the browser is told so on the console's page.
        HtmlPage failed = browser.getPage(console.toString().replace("/console/", "/oauth/callback?error=access_denied"
                + "&state=y"));
        assertThat(failed.getUrl().getPath()).isEqualTo("/console/");
        eventually(() -> assertThat(text(failed, "notice")).startsWith("The consent did not complete"));
    }

    @Test
    void aPersonCreatesConnectsAndEnablesAConnectionFromThePageAndTheNextWonDealBecomesASale() throws Exception {
        Api.Tenant tenant = Api.newTenant("Loja " + java.util.UUID.randomUUID());
        HtmlPage page = browser.getPage(console);
        signIn(page, tenant.key());
        eventually(() -> assertThat(text(page, "connection-rows")).isEqualTo("No connections yet."));
        page.<DomElement>querySelector("#new-connection summary").click();
        ((HtmlInput) page.getElementById("new-name")).setValue("Vendas → Contabilidade");
        ((HtmlSelect) page.getElementById("new-source")).setSelectedAttribute("PIPEDRIVE", true);
        eventually(() -> assertThat((Object) page.querySelector("input[data-flow='WonDealToSale']")).isNotNull());
        eventually(() -> assertThat(text(page, "new-credentials"))
                .contains("Conta Azul: connected by its consent page"));
        ((HtmlCheckBoxInput) page.querySelector("input[data-flow='WonDealToSale']")).click();
        eventually(() -> assertThat((Object) page.querySelector("input[data-setting='taxIdField']")).isNotNull());
        ((HtmlInput) page.querySelector("input[data-credential='apiToken']")).setValue(
                PipedriveToContaAzul.ADMIN_TOKEN);
        ((HtmlInput) page.querySelector("input[data-setting='taxIdField']")).setValue(PipedriveToContaAzul.CNPJ_FIELD);
        ((HtmlSelect) page.querySelector("select[data-setting='matchByName']")).setSelectedAttribute("true", true);
        click(page, "#create-form button");

        eventually(() -> assertThat(text(page, "connection-title")).startsWith("Vendas → Contabilidade"));
        var created = as(tenant.key()).get("/api/v1/connections").then().statusCode(200).extract().jsonPath();
        assertThat(created.getList("[0].flows")).containsExactly("WonDealToSale");
        assertThat(created.getString("[0].settings.taxIdField")).isEqualTo(PipedriveToContaAzul.CNPJ_FIELD);
        assertThat(created.getBoolean("[0].settings.matchByName")).isTrue();
        assertThat(created.getBoolean("[0].credentialsSet")).isTrue();
        assertThat(created.getString("[0].settings.'schedule.full'")).isNull();

        click(page, "button[data-oauth='LEDGER']");
        eventually(() -> assertThat(text(shown(), "notice")).isEqualTo("Connected: the credentials are stored."));
        HtmlPage back = shown();
        eventually(() -> assertThat(text(back, "connection-title")).startsWith("Vendas → Contabilidade"));
        click(back, "#enable");
        eventually(() -> assertThat(text(back, "connection-state")).startsWith("enabled"));

        setStatus(deal("Venda", 10, organization("Acme", "11.222.333/0001-81"), null, product("P", "P-1", 10), 1),
                "won");
        eventually(() -> assertThat(sales()).isEqualTo(1));
    }

    @Test
    void aPersonChangesAConnectionOnThePageAndWhatTheFormDoesNotShowIsKept() throws Exception {
        PipedriveToContaAzul c = PipedriveToContaAzul.connectedNotEnabled(Map.of("schedule.incremental", "off"));
        HtmlPage page = openOnThePage(c.tenant, c.connection);
        page.<DomElement>querySelector("#change summary").click();
        eventually(() -> assertThat(((HtmlInput) page.querySelector("#edit-settings input[data-setting='taxIdField']"))
                .getValue()).isEqualTo(PipedriveToContaAzul.CNPJ_FIELD));
        assertThat(((HtmlInput) page.getElementById("edit-name")).getValue()).isEqualTo("Pipedrive → Conta Azul");
        assertThat(((HtmlCheckBoxInput) page.querySelector("#edit-flows input[data-flow='WonDealToSale']")).isChecked())
                .isTrue();
        assertThat(((HtmlInput) page.querySelector("#edit-credentials input[data-credential='apiToken']"))
                .getAttribute("placeholder")).isEqualTo("stored: type only to replace it");

        ((HtmlInput) page.getElementById("edit-name")).setValue("Vendas SP → Contabilidade");
        ((HtmlSelect) page.querySelector("#edit-settings select[data-setting='matchByName']"))
                .setSelectedAttribute("true", true);
        click(page, "#save-connection");

        eventually(() -> assertThat(text(page, "notice")).isEqualTo("Saved."));
        eventually(() -> assertThat(text(page, "connection-title")).startsWith("Vendas SP → Contabilidade"));
        var saved = as(c.tenant.key()).get("/api/v1/connections/" + c.connection).then().statusCode(200).extract()
                .jsonPath();
        assertThat(saved.getBoolean("settings.matchByName")).isTrue();
        assertThat(saved.getString("settings.taxIdField")).isEqualTo(PipedriveToContaAzul.CNPJ_FIELD);
        assertThat(saved.getString("settings.'schedule.incremental'")).as("a common setting the form does not show")
                .isEqualTo("off");
        assertThat(saved.getBoolean("credentialsSet")).isTrue();
        as(c.tenant.key()).post("/api/v1/connections/" + c.connection + "/test").then().statusCode(200);

        // A value the API refuses is named on the page, and nothing changes.
        eventually(() -> assertThat((Object) page.querySelector("#edit-settings input[data-setting='instalments']"))
                .isNotNull());
        ((HtmlInput) page.querySelector("#edit-settings input[data-setting='instalments']")).setValue("three");
        click(page, "#save-connection");
        eventually(() -> assertThat(text(page, "notice")).contains("settings.instalments"));
        assertThat(as(c.tenant.key()).get("/api/v1/connections/" + c.connection).then().extract()
                .<Object>path("settings.instalments")).isNull();
    }

    @Test
    void aPersonFillsTheReceivableMappingOnThePageAndEachFieldAtFaultIsNamed() throws Exception {
        MoskitToContaAzul c = MoskitToContaAzul.connected(java.util.List.of("WonDealToReceivable"), Map.of());
        HtmlPage page = openOnThePage(c.tenant, c.connection);
        eventually(() -> assertThat(text(page, "mappings")).contains("How each account receivable is filled"));
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("competence", "{deal.wonDate}");
        fields.put("value", "{deal.value}");
        fields.put("description", "Pedido {deal.title} – {company.name}");
        fields.put("notes", "Negócio {deal.id}");
        fields.put("financialAccount", "Conta corrente Banco do Brasil");
        fields.put("category", "Vendas de produtos");
        fields.put("customerName", "{customer.name}");
        fields.put("customerType", "PX");
        fields.put("role", "Cliente");
        fields.forEach((name, value) -> ((HtmlInput) page.querySelector(
                "[data-mapping='receivable'] input[data-field='" + name + "']")).setValue(value));
        click(page, "[data-mapping='receivable'] button.save-mapping");
        eventually(() -> assertThat(text(page, "notice")).contains("fields.customerType"));
        as(c.tenant.key()).get("/api/v1/connections/" + c.connection + "/entry-mappings/receivable").then()
                .statusCode(404);

        ((HtmlInput) page.querySelector("[data-mapping='receivable'] input[data-field='customerType']"))
                .setValue("{customer.type}");
        click(page, "[data-mapping='receivable'] button.save-mapping");
        eventually(() -> assertThat(text(page, "notice")).isEqualTo("Saved: the next deals are filled this way."));
        fields.put("customerType", "{customer.type}");
        assertThat(as(c.tenant.key()).get("/api/v1/connections/" + c.connection + "/entry-mappings/receivable")
                .then().statusCode(200).extract().jsonPath().getMap("fields", String.class, String.class))
                .isEqualTo(fields);

        // Opened again, the page shows the mapping as stored.
        HtmlPage again = openOnThePage(c.tenant, c.connection);
        eventually(() -> assertThat(((HtmlInput) again.querySelector(
                "[data-mapping='receivable'] input[data-field='description']")).getValue())
                .isEqualTo("Pedido {deal.title} – {company.name}"));
    }

    @Test
    void longListsComePageByPageAndEveryFailureAndHistoryLineCanBeReached() throws Exception {
        PipedriveToContaAzul c = PipedriveToContaAzul.connectedNotEnabled(Map.of());
        // 55 jobs no handler can run (DEAD at once), and 60 history lines of one record.
        for (int i = 0; i < 55; i++) {
            jobs.enqueue(new NewJob(c.connection, "console.unknown", "console:job:" + i, "console-" + c.connection
                    + ":" + i, "{}"));
        }
        for (int i = 0; i < 60; i++) {
            records.record(c.connection, "console:record", null, "test", "SUCCEEDED", "line " + i, null);
        }
        eventually(() -> assertThat(c.jobs("status=DEAD").getInt("total")).isEqualTo(55));

        HtmlPage page = openOnThePage(c.tenant, c.connection);
        eventually(() -> assertThat(page.querySelectorAll("#failures .card")).hasSize(50));
        click(page, "#failures-more button.more");
        eventually(() -> assertThat(page.querySelectorAll("#failures .card")).hasSize(55));
        assertThat(page.querySelectorAll("#failures-more button")).isEmpty();

        ((HtmlInput) page.getElementById("subject")).setValue("console:record");
        click(page, "#history-form button");
        eventually(() -> assertThat(page.querySelectorAll("#history-rows tr")).hasSize(50));
        click(page, "#history-more button.more");
        eventually(() -> assertThat(page.querySelectorAll("#history-rows tr")).hasSize(60));
        assertThat(text(page, "history-rows")).contains("line 0", "line 59");
        assertThat(page.querySelectorAll("#history-more button")).isEmpty();
    }

    @Test
    void aPersonSetsTheLedgersExtraCustomerFieldsOnThePage() throws Exception {
        Api.Tenant tenant = Api.newTenant("Studio " + java.util.UUID.randomUUID());
        java.util.UUID connection = Api.newConnection(tenant, Map.of("name", "CRM in Cloud → Contabilità in Cloud",
                "sourceSystem", "CRM_IN_CLOUD", "ledgerSystem", "REVISO", "flows", java.util.List.of("CustomerSync"),
                "credentials", Map.of("apiKey", "sandbox-crm-api-key", "agreementGrantToken",
                        "sandbox-agreement-grant-token")));
        HtmlPage page = openOnThePage(tenant, connection);
        eventually(() -> assertThat(page.querySelectorAll("#terms [data-term]")).hasSize(6));
        String currency = "#terms [data-term='currency'] ";
        ((HtmlInput) page.querySelector(currency + "input[data-part='defaultValue']")).setValue("EUR");
        ((org.htmlunit.html.HtmlTextArea) page.querySelector(currency + "textarea")).setText("Euro = EUR\nDollaro = USD");
        click(page, currency + "button.save-term");
        eventually(() -> assertThat(text(page, "notice")).isEqualTo("Saved."));
        var stored = as(tenant.key()).get("/api/v1/connections/" + connection + "/mappings/currency").then()
                .statusCode(200).extract().jsonPath();
        assertThat(stored.getString("defaultValue")).isEqualTo("EUR");
        assertThat(stored.getMap("translations")).containsEntry("Euro", "EUR").containsEntry("Dollaro", "USD");

        // Two fields cannot be read from one CRM field: the API says which, and the page shows it.
        String group = as(tenant.key()).get("/api/v1/connections/" + connection + "/mappings/customer-group").then()
                .extract().path("crmField");
        ((HtmlInput) page.querySelector(currency + "input[data-part='crmField']")).setValue(group);
        click(page, currency + "button.save-term");
        eventually(() -> assertThat(text(page, "notice")).contains("crmField"));
        click(page, currency + "button.reset-term");
        eventually(() -> assertThat(as(tenant.key()).get("/api/v1/connections/" + connection + "/mappings/currency")
                .then().extract().<String>path("defaultValue")).isNull());
    }

    @Test
    void aSourceWhoseWebhooksArePastedInItsOwnScreenShowsTheAddressToPaste() throws Exception {
        MoskitToContaAzul c = MoskitToContaAzul.connected(java.util.List.of("WonDealToSale"),
                Map.of("taxIdField", "CNPJ"));
        HtmlPage page = browser.getPage(console);
        signIn(page, c.tenant.key());
        eventually(() -> assertThat((Object) page.querySelector("button[data-connection='" + c.connection + "']"))
                .isNotNull());
        click(page, "button[data-connection='" + c.connection + "']");
        eventually(() -> assertThat(text(page, "webhook")).startsWith("Paste this address")
                .endsWith(c.webhookUrl()));
    }

    @Test
    void thePageSpeaksTheBrowsersLanguageRunsOnlyItsOwnScriptAndIsNeverFramed() throws Exception {
        browser.close();
        browser = browser(new BrowserVersion.BrowserVersionBuilder(BrowserVersion.FIREFOX)
                .setBrowserLanguage("pt-BR").build());
        HtmlPage page = browser.getPage(console);
        assertThat(page.querySelector("#sign-in button").getTextContent()).isEqualTo("Entrar");
        assertThat(page.getDocumentElement().getAttribute("lang")).isEqualTo("pt");

        String policy = page.getWebResponse().getResponseHeaderValue("Content-Security-Policy");
        assertThat(policy).contains("default-src 'self'", "frame-ancestors 'none'");
        assertThat(page.getWebResponse().getResponseHeaderValue("X-Content-Type-Options")).isEqualTo("nosniff");
        for (String typed : new String[] { "/", "/console" }) {
            assertThat(given().redirects().follow(false).get(typed).then().statusCode(302).extract()
                    .header("Location")).endsWith("/console/");
        }
    }

    /** Signs in with the tenant's key and opens the connection. */
    private HtmlPage openOnThePage(Api.Tenant tenant, java.util.UUID connection) throws Exception {
        HtmlPage page = browser.getPage(console);
        signIn(page, tenant.key());
        eventually(() -> assertThat((Object) page.querySelector("button[data-connection='" + connection + "']"))
                .isNotNull());
        click(page, "button[data-connection='" + connection + "']");
        eventually(() -> assertThat(text(page, "connection-title")).isNotEmpty());
        return page;
    }

    private static WebClient browser(BrowserVersion version) {
        WebClient browser = new WebClient(version);
        browser.getOptions().setThrowExceptionOnScriptError(true);
        browser.getOptions().setCssEnabled(false);
        return browser;
    }

    private static void signIn(HtmlPage page, String key) throws Exception {
        HtmlInput input = (HtmlInput) page.getElementById("key");
        input.setValue(key);
        click(page, "#sign-in button");
    }

    private static void click(HtmlPage page, String selector) {
        try {
            DomElement element = page.querySelector(selector);
            assertThat(element).as(selector).isInstanceOf(HtmlButton.class);
            element.click();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The element's text; an assertion failure (which {@code eventually} waits out) while it is not there yet. */
    private static String text(HtmlPage page, String id) {
        DomElement element = page.getElementById(id);
        assertThat(element).as("#%s on %s", id, page.getUrl()).isNotNull();
        return element.getTextContent().trim();
    }

    /** The page the browser shows now; an assertion failure while it is on its way (a redirect, a load). */
    private HtmlPage shown() {
        Object page = browser.getCurrentWindow().getEnclosedPage();
        assertThat(page).isInstanceOf(HtmlPage.class);
        return (HtmlPage) page;
    }
}
