package dev.ponte.connector.contaazul;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.ponte.connector.ConnectionAccess;
import dev.ponte.connector.CredentialsFailure;
import dev.ponte.connector.ItemCatalog.LedgerItem;
import dev.ponte.connector.SalesLedger;
import dev.ponte.connector.RejectedFailure;
import dev.ponte.connector.TransientFailure;
import dev.ponte.model.Item;
import dev.ponte.model.LedgerParty;
import dev.ponte.model.ItemKind;
import dev.ponte.model.Money;
import dev.ponte.model.Party;
import dev.ponte.model.PartyKind;
import dev.ponte.model.PaymentPlan;
import dev.ponte.model.Recurrence;
import dev.ponte.model.SalesDocument;
import dev.ponte.model.SalesLine;
import dev.ponte.model.TaxId;
import dev.ponte.model.TaxIdKind;
import dev.ponte.support.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Conta Azul connector over real HTTP against the sandbox emulator: every capability it offers, OAuth2 and faults. */
@QuarkusTest
class ContaAzulConnectorTest {

    private static final String SANDBOX = "/sandbox/contaazul";
    private static final String REDIRECT = "https://ponte.example/callback";
    private static final LocalDate SALE_DATE = LocalDate.of(2026, 1, 15);
    private static final String MARKER = "ponte:pipedrive:deal:123";
    private static final TaxId CNPJ = TaxId.parse(TaxIdKind.CNPJ, "11.222.333/0001-81");
    private static final TaxId CPF = TaxId.parse(TaxIdKind.CPF, "529.982.247-25");

    @Inject
    ContaAzulConfig config;

    @Inject
    ContaAzulOAuth oauth;

    private MutableClock clock;
    private ContaAzulConnector connector;
    private TestAccess access;
    private ContaAzulLedgerPort port;

    @BeforeEach
    void resetSandboxAndConnect() {
        given().delete(SANDBOX + "/_state").then().statusCode(204);
        given().delete(SANDBOX + "/_faults").then().statusCode(204);
        // These tests check each call's mapping and the injected faults, with the connector's pacing lifted (%test):
        // the account's rate limits would add 429s of their own. Ponte meets them in WonDealToSaleLoadTest.
        given().contentType(ContentType.JSON).body("{}").post(SANDBOX + "/_limits").then().statusCode(200);
        clock = new MutableClock(Instant.now());
        // A page size of 2 makes a handful of records span pages.
        connector = new ContaAzulConnector(config, oauth, clock, 2);
        access = new TestAccess(oauth.exchangeCode(authorizationCode(), REDIRECT));
        port = (ContaAzulLedgerPort) connector.open(access);
    }

    @AfterEach
    void closeConnectorAndRestoreLimits() {
        connector.close();
        given().delete(SANDBOX + "/_limits").then().statusCode(200);
    }

    // --- OAuth2 ---

    @Test
    void buildsTheConsentUrlAndExchangesTheCode() {
        URI url = oauth.authorizeUrl("st-1", REDIRECT);
        assertThat(url.toString()).startsWith(config.authUrl() + "/oauth2/authorize?")
                .contains("response_type=code", "client_id=sandbox-client", "state=st-1",
                        "redirect_uri=https%3A%2F%2Fponte.example%2Fcallback", "scope=openid");

        Map<String, String> credentials = access.credentials();
        assertThat(credentials).containsKeys("access_token", "refresh_token", "expires_at");
        assertThat(Instant.parse(credentials.get("expires_at")))
                .isBetween(Instant.now().plusSeconds(3500), Instant.now().plusSeconds(3700));
        assertThatThrownBy(() -> oauth.exchangeCode("used-or-forged", REDIRECT)).isInstanceOf(CredentialsFailure.class);
    }

    @Test
    void renewsAnExpiringTokenAndStoresTheRotatedPairBeforeUsingIt() {
        Map<String, String> before = access.credentials();
        clock.advance(Duration.ofSeconds(3550));

        assertThat(port.findCustomersByName("Ninguém")).isEmpty();

        assertThat(access.stored).hasSize(1);
        Map<String, String> after = access.credentials();
        assertThat(after.get("refresh_token")).isNotEqualTo(before.get("refresh_token"));
        assertThat(Instant.parse(after.get("expires_at"))).isAfter(clock.instant().plusSeconds(3000));
        refresh(before.get("refresh_token")).then().statusCode(400).body("error", equalTo("invalid_grant"));
        port.findCustomersByName("Ninguém");
        assertThat(access.stored).as("a fresh token is not renewed again").hasSize(1);
    }

    @Test
    void neverUsesARenewedTokenThatCouldNotBeStored() {
        clock.advance(Duration.ofSeconds(3550));
        access.onStore = credentials -> {
            throw new IllegalStateException("database unavailable");
        };

        assertThatThrownBy(() -> port.createCustomer(company("Alfa Comércio Ltda", CNPJ)))
                .isInstanceOf(IllegalStateException.class);

        given().get(SANDBOX + "/_state").then().body("pessoas", hasSize(0));
    }

    @Test
    void eightWorkersRenewOnce() throws Exception {
        clock.advance(Duration.ofSeconds(3550));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<LedgerParty>>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return ((ContaAzulLedgerPort) connector.open(access)).findCustomersByName("Ninguém");
                }));
            }
            start.countDown();
            for (Future<List<LedgerParty>> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(access.stored).hasSize(1);
    }

    @Test
    void usesThePairAnotherReplicaRotatedMeanwhileInsteadOfFailing() {
        clock.advance(Duration.ofSeconds(3550));
        Map<String, String> stale = access.credentials();
        // Another replica (its own refresh lock) renews first and stores the rotated pair...
        access.storeCredentials(oauth.refresh(stale.get("refresh_token"), clock.instant()));
        // ...while this one had read the pair before: its refresh token is revoked by now.
        access.stale = stale;
        access.staleReads.set(2);

        assertThat(port.findCustomersByName("Ninguém")).isEmpty();
        assertThat(access.stored).as("nothing renewed again").hasSize(1);
    }

    @Test
    void renewsOnceAfter401AndThenGivesUp() {
        access.credentials = withAccessToken("revoked-elsewhere");
        assertThat(port.findCustomersByName("Ninguém")).isEmpty();
        assertThat(access.stored).hasSize(1);

        access.credentials = withAccessToken("revoked-again");
        access.onStore = credentials -> faults(Map.of("next_401", 1));
        assertThatThrownBy(() -> port.findCustomersByName("Ninguém")).isInstanceOf(CredentialsFailure.class);
        assertThat(access.stored).as("one renewal, then the failure").hasSize(2);
    }

    @Test
    void revokedRefreshTokenIsACredentialsFailure() {
        Map<String, String> revoked = new HashMap<>(access.credentials());
        revoked.put("refresh_token", "revoked");
        access.credentials = Map.copyOf(revoked);
        clock.advance(Duration.ofSeconds(3550));

        assertThatThrownBy(() -> port.findCustomersByName("Ninguém")).isInstanceOf(CredentialsFailure.class)
                .hasMessageContaining("invalid_grant");
        assertThat(access.stored).isEmpty();
    }

    // --- customers ---

    @Test
    void createsACompanyWithTheR6FieldsAndFindsItByCnpjAndExactName() {
        LedgerParty created = port.createCustomer(new Party(PartyKind.COMPANY, "Alfa Comércio Ltda", CNPJ,
                "contato@alfa.com.br", "+55 11 3333-4444", "+55 11 99999-8888", "BR", "Pipedrive", null, "42"));
        port.createCustomer(new Party(PartyKind.COMPANY, "Alfa Comércio Ltda Filial", null, null, null, null, null,
                null, null, null));

        JsonPath pessoa = api().get(SANDBOX + "/v1/pessoas/" + created.id()).then().statusCode(200)
                .extract().jsonPath();
        assertThat(pessoa.getString("tipo_pessoa")).isEqualTo("Jurídica");
        assertThat(pessoa.getString("cnpj")).isEqualTo("11.222.333/0001-81");
        assertThat(pessoa.getString("email")).isEqualTo("contato@alfa.com.br");
        assertThat(pessoa.getString("telefone_comercial")).isEqualTo("+55 11 3333-4444");
        assertThat(pessoa.getString("telefone_celular")).isEqualTo("+55 11 99999-8888");
        assertThat(pessoa.getString("observacao")).isEqualTo("Origem: Pipedrive (id 42)");
        assertThat(pessoa.getList("perfis.tipo_perfil")).containsExactly("Cliente");

        assertThat(port.findCustomersByTaxId(CNPJ)).containsExactly(created);
        assertThat(port.findCustomersByTaxId(CPF)).isEmpty();
        assertThat(port.findCustomersByName("Alfa Comércio Ltda")).containsExactly(created);
    }

    @Test
    void createsAPersonWithCpfAndPagesThroughNameMatches() {
        LedgerParty maria = port.createCustomer(new Party(PartyKind.PERSON, "Maria Silva", CPF, null, null, null,
                null, null, null, null));
        for (int i = 0; i < 3; i++) {
            port.createCustomer(new Party(PartyKind.PERSON, "Maria Silva", null, null, null, null, null, null, null,
                    null));
        }
        port.createCustomer(new Party(PartyKind.PERSON, "Maria Silva Santos", null, null, null, null, null, null,
                null, null));

        api().get(SANDBOX + "/v1/pessoas/" + maria.id()).then().body("tipo_pessoa", equalTo("Física"))
                .body("cpf", equalTo("529.982.247-25"));
        assertThat(port.findCustomersByName("Maria Silva")).hasSize(4).contains(maria);
        assertThat(port.findCustomersByTaxId(CPF)).containsExactly(maria);
    }

    @Test
    void refusalNamesTheFieldInPortuguese() {
        assertThatThrownBy(() -> port.createCustomer(company("x".repeat(201), null)))
                .isInstanceOfSatisfying(RejectedFailure.class, e -> {
                    assertThat(e.getMessage()).contains("O campo 'nome'");
                    assertThat(e.errors()).extracting(RejectedFailure.FieldError::field).containsExactly("nome");
                });
    }

    // --- items ---

    @Test
    void createsAndFindsProductsByCodeAndExactName() {
        LedgerItem caneta = port.createItem(product("CAN-01", "Caneta Azul"));
        port.createItem(product("CAN-02", "Caneta Azul Grande"));
        port.createItem(product("CAN-03", "Caneta Azul Fina"));

        assertThat(caneta.kind()).isEqualTo(ItemKind.PRODUCT);
        assertThat(port.findItemsByCode(ItemKind.PRODUCT, "CAN-01")).containsExactly(caneta);
        assertThat(port.findItemsByName(ItemKind.PRODUCT, "Caneta Azul")).containsExactly(caneta);
        assertThat(port.findItemsByCode(ItemKind.PRODUCT, "CAN-9")).isEmpty();
        api().get(SANDBOX + "/v1/produtos/" + caneta.id()).then().body("codigo_sku", equalTo("CAN-01"))
                .body("estoque.valor_venda", equalTo(5.5f));
    }

    @Test
    void createsAndFindsServicesAndNeverMakesATaggedItemAProduct() {
        LedgerItem consultoria = port.createItem(new Item(ItemKind.SERVICE, "SRV-1", "Consultoria",
                Money.of("300.00", "BRL"), null));
        port.createItem(new Item(ItemKind.SERVICE, "SRV-10", "Consultoria Extra", null, null));
        port.createItem(new Item(ItemKind.SERVICE, "SRV-11", "Consultoria Plus", null, null));
        Item tagged = new Item(ItemKind.PRODUCT, "INS-1", "Instalação", Money.of("80.00", "BRL"), null,
                List.of("Instalação em campo - ContaAzul-Servico"));
        assertThat(port.alwaysService(tagged)).isTrue();
        assertThat(port.alwaysService(product("CAN-01", "Caneta"))).isFalse();
        LedgerItem instalacao = port.createItem(tagged);

        assertThat(instalacao.kind()).isEqualTo(ItemKind.SERVICE);
        given().get(SANDBOX + "/_state").then().body("produtos", hasSize(0)).body("servicos", hasSize(4));
        assertThat(port.findItemsByCode(ItemKind.SERVICE, "SRV-1")).containsExactly(consultoria);
        assertThat(port.findItemsByName(ItemKind.SERVICE, "Consultoria")).containsExactly(consultoria);
        assertThat(port.findItemsByCode(ItemKind.SERVICE, "INS-1")).containsExactly(instalacao);
        assertThat(port.kinds()).containsExactly(ItemKind.PRODUCT, ItemKind.SERVICE);
    }

    // --- sales ---

    @Test
    void createsAPendingSaleWithInstalmentsShippingAndSellerAndFindsItByMarker() {
        String cliente = port.createCustomer(company("Alfa Comércio Ltda", CNPJ)).id();
        String item = port.createItem(product("CAN-01", "Caneta")).id();
        String seller = UUID.randomUUID().toString();
        SalesDocument sale = new SalesDocument(MARKER, cliente, SALE_DATE,
                List.of(new SalesLine(item, "Caneta azul", new BigDecimal("3"), Money.of("10.00", "BRL"),
                        new BigDecimal("10"))),
                Money.of("5.00", "BRL"), null, new PaymentPlan("BOLETO_BANCARIO", 3), seller, "Negócio 123", false, null);

        String id = port.createSale(sale);

        JsonPath venda = given().get(SANDBOX + "/_state").then().body("vendas", hasSize(1)).extract().jsonPath()
                .using(JsonPathConfig.jsonPathConfig().numberReturnType(NumberReturnType.BIG_DECIMAL));
        assertThat(venda.getString("vendas[0].id")).isEqualTo(id);
        assertThat(venda.getString("vendas[0].situacao")).isEqualTo("EM_ANDAMENTO");
        assertThat(venda.getString("vendas[0].observacoes")).isEqualTo("Negócio 123\n\n" + MARKER);
        assertThat(venda.getString("vendas[0].idVendedor")).isEqualTo(seller);
        assertThat(venda.<BigDecimal>getJsonObject("vendas[0].total")).isEqualByComparingTo("32.00");
        assertThat(venda.<BigDecimal>getJsonObject("vendas[0].composicaoDeValor.frete")).isEqualByComparingTo("5.00");
        assertThat(venda.getString("vendas[0].condicaoPagamento.tipo_pagamento")).isEqualTo("BOLETO_BANCARIO");
        assertThat(venda.getList("vendas[0].condicaoPagamento.parcelas.valor", BigDecimal.class))
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("10.66"), new BigDecimal("10.66"), new BigDecimal("10.68"));
        assertThat(port.findSaleByMarker(MARKER, null, SALE_DATE)).contains(id);
        assertThat(port.findSaleByMarker("ponte:pipedrive:deal:12", null, SALE_DATE)).isEmpty();
        assertThat(port.findSaleByMarker(MARKER, null, SALE_DATE.plusDays(10))).isEmpty();
    }

    @Test
    void paysCashInOneInstalmentByDefaultAndPagesThroughTheDaysSales() {
        String cliente = port.createCustomer(company("Alfa Comércio Ltda", CNPJ)).id();
        String item = port.createItem(product("CAN-01", "Caneta")).id();
        for (int numero = 1; numero <= 11; numero++) {
            api().body(Map.of("id_cliente", cliente, "numero", numero, "situacao", "APROVADO",
                    "data_venda", SALE_DATE.toString(), "observacoes", "outra venda",
                    "itens", List.of(Map.of("id", item, "quantidade", 1, "valor", 5.5)),
                    "condicao_pagamento", Map.of("opcao_condicao_pagamento", "À vista",
                            "parcelas", List.of(Map.of("data_vencimento", SALE_DATE.toString(), "valor", 5.5)))))
                    .post(SANDBOX + "/v1/venda").then().statusCode(200);
        }

        String id = port.createSale(cashSale(cliente, item));

        JsonPath state = given().get(SANDBOX + "/_state").then().extract().jsonPath();
        String venda = "vendas.find { it.id == '" + id + "' }";
        assertThat(state.getInt(venda + ".numero")).isEqualTo(12);
        assertThat(state.getString(venda + ".condicaoPagamento.opcao_condicao_pagamento")).isEqualTo("À vista");
        assertThat(state.getString(venda + ".condicaoPagamento.tipo_pagamento")).isEqualTo("DINHEIRO");
        assertThat(state.getString(venda + ".condicaoPagamento.parcelas[0].data_vencimento"))
                .isEqualTo(SALE_DATE.toString());
        assertThat(port.findSaleByMarker(MARKER, null, SALE_DATE)).contains(id);
    }

    @Test
    void concurrentSalesTakeTheNextNumberWhenTheirsWasTaken() throws Exception {
        String cliente = port.createCustomer(company("Alfa Comércio Ltda", CNPJ)).id();
        String item = port.createItem(product("CAN-01", "Caneta")).id();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                int n = i;
                results.add(pool.submit(() -> {
                    start.await();
                    return ((SalesLedger) connector.open(access)).createSale(new SalesDocument("ponte:deal:" + n, cliente, SALE_DATE,
                            List.of(new SalesLine(item, null, BigDecimal.ONE, Money.of("5.50", "BRL"), null)), null,
                            null, PaymentPlan.cashInOneInstalment(), null, null, false, null));
                }));
            }
            start.countDown();
            var ids = new HashSet<String>();
            for (Future<String> result : results) {
                ids.add(result.get(30, TimeUnit.SECONDS));
            }
            assertThat(ids).hasSize(3);
        } finally {
            pool.shutdownNow();
        }
        given().get(SANDBOX + "/_state").then().body("vendas.numero", containsInAnyOrder(1, 2, 3));
    }

    @Test
    void createsARecurringSaleAsAContract() {
        String cliente = port.createCustomer(company("Alfa Comércio Ltda", CNPJ)).id();
        String item = port.createItem(new Item(ItemKind.SERVICE, "ASS-1", "Assinatura", null, null)).id();
        SalesDocument contract = new SalesDocument(MARKER, cliente, SALE_DATE,
                List.of(new SalesLine(item, null, BigDecimal.ONE, Money.of("99.90", "BRL"), null)), null,
                null, PaymentPlan.cashInOneInstalment(), null, null, true,
                new Recurrence(SALE_DATE, SALE_DATE.plusYears(1), 10));

        String id = port.createRecurringSale(contract);

        given().get(SANDBOX + "/_state").then().body("contratos", hasSize(1)).body("contratos[0].id", equalTo(id))
                .body("contratos[0].tipoFrequencia", equalTo("MENSAL"))
                .body("contratos[0].proximoVencimento", equalTo("2026-02-10"));
        assertThat(port.findSaleByMarker(MARKER, null, SALE_DATE)).contains(id);
    }

    @Test
    void stockRefusalIsRejectedWithThePortugueseMessage() {
        String cliente = port.createCustomer(company("Alfa Comércio Ltda", CNPJ)).id();
        String item = port.createItem(product("CAN-01", "Caneta")).id();
        faults(Map.of("stock_check", true));

        assertThatThrownBy(() -> port.createSale(cashSale(cliente, item)))
                .isInstanceOfSatisfying(RejectedFailure.class, e -> assertThat(e.getMessage())
                        .contains("Não há estoque suficiente para o produto 'Caneta'"));
        given().get(SANDBOX + "/_state").then().body("vendas", hasSize(0));
    }

    @Test
    void droppedAnswerAfterCommitSaysThereWasNoUsableAnswer() {
        String cliente = port.createCustomer(company("Alfa Comércio Ltda", CNPJ)).id();
        String item = port.createItem(product("CAN-01", "Caneta")).id();
        faults(Map.of("drop_after_commit", 1));

        assertThatThrownBy(() -> port.createSale(cashSale(cliente, item))).isInstanceOf(TransientFailure.class)
                .hasMessageContaining("no usable answer");
    }

    // --- faults ---

    @Test
    void shortRateLimitIsWaitedOutWithinTheCall() {
        faults(Map.of("next_429", 2, "retry_after_seconds", 1));
        long started = System.nanoTime();

        assertThat(port.findCustomersByTaxId(CNPJ)).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }

    // --- helpers ---

    private SalesDocument cashSale(String cliente, String item) {
        return new SalesDocument(MARKER, cliente, SALE_DATE,
                List.of(new SalesLine(item, null, new BigDecimal("2"), Money.of("5.50", "BRL"), null)), null,
                null, PaymentPlan.cashInOneInstalment(), null, null, false, null);
    }

    private static Party company(String name, TaxId taxId) {
        return new Party(PartyKind.COMPANY, name, taxId, null, null, null, null, "Pipedrive", null, null);
    }

    private static Item product(String code, String name) {
        return new Item(ItemKind.PRODUCT, code, name, Money.of("5.50", "BRL"), null);
    }

    private Map<String, String> withAccessToken(String token) {
        Map<String, String> credentials = new HashMap<>(access.credentials());
        credentials.put("access_token", token);
        return Map.copyOf(credentials);
    }

    private String authorizationCode() {
        String location = given().urlEncodingEnabled(false).redirects().follow(false)
                .get(oauth.authorizeUrl("xyz", REDIRECT).toString())
                .then().statusCode(302).extract().header("Location");
        assertThat(location).startsWith(REDIRECT).contains("state=xyz");
        return URI.create(location).getQuery().replaceAll(".*code=([^&]+).*", "$1");
    }

    private static io.restassured.response.Response refresh(String refreshToken) {
        return given().auth().preemptive().basic("sandbox-client", "sandbox-secret")
                .formParam("grant_type", "refresh_token").formParam("refresh_token", refreshToken)
                .post(SANDBOX + "/auth/oauth2/token");
    }

    private io.restassured.specification.RequestSpecification api() {
        return given().auth().oauth2(access.credentials().get("access_token")).contentType(ContentType.JSON);
    }

    private static void faults(Map<String, Object> spec) {
        given().contentType(ContentType.JSON).body(spec).post(SANDBOX + "/_faults").then().statusCode(200);
    }

    /** Records what the connector stores; {@code onStore} runs first and may fail like a database would. */
    static final class TestAccess implements ConnectionAccess {

        private final UUID id = UUID.randomUUID();
        final List<Map<String, String>> stored = new CopyOnWriteArrayList<>();
        volatile Map<String, String> credentials;
        volatile Consumer<Map<String, String>> onStore = c -> { };
        /** Reads that still answer {@link #stale}, as a replica that read before another one stored. */
        final AtomicInteger staleReads = new AtomicInteger();
        volatile Map<String, String> stale;

        TestAccess(Map<String, String> credentials) {
            this.credentials = Map.copyOf(credentials);
        }

        @Override
        public UUID connectionId() {
            return id;
        }

        @Override
        public Map<String, String> credentials() {
            return staleReads.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? stale : credentials;
        }

        /** Merges, as the connection's store does: the keys given replace theirs, the others stay. */
        @Override
        public Map<String, String> reloadCredentials() {
            return credentials();
        }

        @Override
        public synchronized void storeCredentials(Map<String, String> next) {
            onStore.accept(next);
            stored.add(Map.copyOf(next));
            Map<String, String> merged = new HashMap<>(credentials);
            merged.putAll(next);
            credentials = Map.copyOf(merged);
        }
    }
}
