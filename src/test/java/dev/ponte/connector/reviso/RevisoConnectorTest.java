package dev.ponte.connector.reviso;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponte.connector.ConnectionAccess;
import dev.ponte.connector.CredentialsFailure;
import dev.ponte.connector.CustomerLedger;
import dev.ponte.connector.CustomerLedger.LedgerCustomer;
import dev.ponte.connector.ItemCatalog.LedgerItem;
import dev.ponte.connector.RejectedFailure;
import dev.ponte.connector.RejectedFailure.FieldError;
import dev.ponte.connector.RemotePage;
import dev.ponte.connector.TransientFailure;
import dev.ponte.model.Address;
import dev.ponte.model.CustomerTerms;
import dev.ponte.model.Item;
import dev.ponte.model.ItemKind;
import dev.ponte.model.LedgerParty;
import dev.ponte.model.LedgerRefusal;
import dev.ponte.model.Money;
import dev.ponte.model.Party;
import dev.ponte.model.PartyKind;
import dev.ponte.model.Quote;
import dev.ponte.model.Quote.QuoteLine;
import dev.ponte.model.ReferenceData;
import dev.ponte.model.TaxId;
import dev.ponte.model.TaxIdKind;
import dev.ponte.model.TermField;
import dev.ponte.model.VatZone;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Reviso connector over real HTTP against the sandbox emulator: its capabilities and faults. */
@QuarkusTest
class RevisoConnectorTest {

    private static final String SANDBOX = "/sandbox/reviso";
    private static final String GRANT = "sandbox-agreement-grant-token";
    private static final TaxId PIVA = TaxId.parse(TaxIdKind.PARTITA_IVA, "IT 03027950363");
    private static final CustomerTerms DOMESTIC = new CustomerTerms(Map.of(TermField.CURRENCY, "EUR",
            TermField.CUSTOMER_GROUP, "1", TermField.PAYMENT_TERMS, "2", TermField.VAT_ZONE, "1"));

    @Inject
    RevisoConfig config;

    private RevisoConnector connector;
    private RevisoLedgerPort port;
    private CustomerLedger ledger;

    @BeforeEach
    void resetSandboxAndOpen() {
        given().delete(SANDBOX + "/_state").then().statusCode(204);
        given().delete(SANDBOX + "/_faults").then().statusCode(204);
        // A page size of 2 makes a handful of records span pages; a 1 s timeout keeps the timeout test short.
        connector = new RevisoConnector(withTimeout(config, Duration.ofSeconds(1)), 2);
        port = (RevisoLedgerPort) connector.open(access(Map.of(RevisoConnector.AGREEMENT_GRANT_TOKEN, GRANT)));
        ledger = port;
    }

    @AfterEach
    void closeConnector() {
        connector.close();
    }

    @Test
    void offersQuotesButNoSales() {
        assertThat(connector.system()).isEqualTo("REVISO");
        assertThat(connector.capabilities()).contains(CustomerLedger.class)
                .doesNotContain(dev.ponte.connector.SalesLedger.class);
        assertThat(port).isNotInstanceOf(dev.ponte.connector.SalesLedger.class);
        assertThat(port.kinds()).containsExactly(ItemKind.PRODUCT);
    }

    @Test
    void readsTheAgreementItsVatZonesChoicesAndProvinces() {
        assertThat(ledger.agreementCountry()).isEqualTo("IT");
        assertThat(ledger.vatZones()).extracting(VatZone::code, VatZone::scope, VatZone::enabledForCustomer)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1", VatZone.Scope.DOMESTIC, true),
                        org.assertj.core.groups.Tuple.tuple("2", VatZone.Scope.EU, true),
                        org.assertj.core.groups.Tuple.tuple("3", VatZone.Scope.ABROAD, true),
                        org.assertj.core.groups.Tuple.tuple("4", VatZone.Scope.OTHER, false));
        var choices = ledger.choices();
        assertThat(choices).containsOnlyKeys(TermField.values());
        assertThat(choices.get(TermField.VAT_ZONE)).extracting(c -> c.code()).containsExactly("1", "2", "3");
        assertThat(choices.get(TermField.PAYMENT_TERMS)).extracting(c -> c.name()).contains("30 gg d.f.f.m.");
        assertThat(choices.get(TermField.CURRENCY)).extracting(c -> c.code()).contains("EUR", "USD");
        assertThat(ledger.provinces("IT")).hasSize(107).contains("MI", "BO", "CT");
        assertThat(ledger.provinces("DE")).isEmpty();
    }

    @Test
    void mapsReferenceData() {
        ReferenceData data = ledger.referenceData();
        assertThat(data.taxRates()).anySatisfy(r -> {
            assertThat(r.code()).isEqualTo("V022");
            assertThat(r.ratePercent()).isEqualByComparingTo("22");
        });
        assertThat(data.paymentTerms()).anySatisfy(t -> {
            assertThat(t.code()).isEqualTo("11");
            assertThat(t.days()).isEqualTo(60);
        });
        assertThat(data.paymentModes()).extracting(m -> m.name()).contains("Bonifico bancario");
        assertThat(data.units()).extracting(u -> u.name()).contains("Pz", "Ore");
    }

    @Test
    void mapsLedgerCustomersToPartiesAndTerms() {
        LedgerCustomer neri = ledger.customer("1").orElseThrow();
        assertThat(neri.party().name()).isEqualTo("Neri Franco & C. snc");
        assertThat(neri.party().taxId()).isEqualTo(TaxId.parse(TaxIdKind.PARTITA_IVA, "02250850878"));
        assertThat(neri.party().kind()).isEqualTo(PartyKind.COMPANY);
        assertThat(neri.party().address()).isEqualTo(new Address("Piazza Spirito Santo 4", null, "Catania", "CT",
                "95124", "IT"));
        assertThat(neri.terms().values()).containsEntry(TermField.CURRENCY, "EUR")
                .containsEntry(TermField.CUSTOMER_GROUP, "1").containsEntry(TermField.PAYMENT_TERMS, "9")
                .containsEntry(TermField.VAT_ZONE, "1").containsEntry(TermField.PAYMENT_MODE, "1")
                .doesNotContainKey(TermField.PRICE_GROUP);
        assertThat(neri.updatedAt()).isNotNull();

        LedgerCustomer maria = ledger.customer("2").orElseThrow();
        assertThat(maria.party().taxId().kind()).isEqualTo(TaxIdKind.CODICE_FISCALE);
        assertThat(maria.party().kind()).isEqualTo(PartyKind.PERSON);
        assertThat(maria.party().mobilePhone()).isEqualTo("+39 333 1234567");
        assertThat(maria.terms().get(TermField.PRICE_GROUP)).isEqualTo("1");

        LedgerCustomer german = ledger.customer("3").orElseThrow();
        assertThat(german.party().taxId()).as("a German VAT number is no Italian tax id").isNull();
        assertThat(german.party().countryCode()).isEqualTo("DE");
    }

    @Test
    void pagesCustomersChangedSinceInAStableOrderEvenWhileOneChanges() {
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        generate(5, from, 0);
        generate(3, from.plusSeconds(10), 1000);

        List<String> ids = new ArrayList<>();
        RemotePage<LedgerCustomer> page = ledger.customers(from.plusSeconds(10), null);
        ids.addAll(page.items().stream().map(LedgerCustomer::id).toList());
        assertThat(ids).containsExactly("9", "10");
        // Customer 4 (of the first five, changed long before) is touched now: it must show up, and no one is lost.
        ledger.updateCustomer("4", ledger.customer("4").orElseThrow().party(), CustomerTerms.none());
        while (page.nextCursor() != null) {
            page = ledger.customers(from.plusSeconds(10), page.nextCursor());
            ids.addAll(page.items().stream().map(LedgerCustomer::id).toList());
        }
        assertThat(ids).containsExactly("9", "10", "11", "1", "2", "3", "4");

        List<String> all = new ArrayList<>();
        String cursor = null;
        do {
            RemotePage<LedgerCustomer> next = ledger.customers(null, cursor);
            all.addAll(next.items().stream().map(LedgerCustomer::id).toList());
            cursor = next.nextCursor();
        } while (cursor != null);
        assertThat(all).as("five customers in one second, ordered by number within it")
                .startsWith("5", "6", "7", "8", "9", "10", "11").hasSize(11).doesNotHaveDuplicates();
    }

    @Test
    void createsACustomerWithProvinceAndUpdatesItKeepingTermsItWasNotGiven() {
        Party party = new Party(PartyKind.COMPANY, "Rossi Impianti S.r.l.", PIVA, "info@rossi.it", "+39 051 111222",
                null, "IT", "CRM in Cloud", new Address("Via Emilia", "12", "Bologna", "bo", "40121", "IT"), "77");
        LedgerCustomer created = ledger.createCustomer(party, DOMESTIC.with(TermField.PAYMENT_MODE, "2"));
        assertThat(created.id()).isEqualTo("4");
        assertThat(created.party().address()).isEqualTo(new Address("Via Emilia 12", null, "Bologna", "BO", "40121",
                "IT"));
        assertThat(created.party().taxId()).isEqualTo(PIVA);
        assertThat(created.terms().get(TermField.PAYMENT_MODE)).isEqualTo("2");
        Map<String, Object> stored = given().header("X-AppSecretToken", "sandbox-app-secret-token")
                .header("X-AgreementGrantToken", GRANT).get(SANDBOX + "/customers/4").then().statusCode(200)
                .extract().as(Map.class);
        assertThat(stored).containsEntry("vatNumber", "03027950363").containsEntry("italianCustomerType", "none");
        assertThat(((Map<?, ?>) stored.get("province")).get("provinceNumber")).isEqualTo(15);

        Party moved = new Party(PartyKind.COMPANY, "Rossi Impianti S.p.A.", PIVA, null, null, null, "IT", null,
                new Address("Via Emilia", "14", "Bologna", "BO", "40121", "IT"), null);
        LedgerCustomer updated = ledger.updateCustomer("4", moved, CustomerTerms.none()
                .with(TermField.PAYMENT_TERMS, "11"));
        assertThat(updated.party().name()).isEqualTo("Rossi Impianti S.p.A.");
        assertThat(updated.party().email()).isNull();
        assertThat(updated.terms().values()).containsEntry(TermField.PAYMENT_TERMS, "11")
                .containsEntry(TermField.PAYMENT_MODE, "2").containsEntry(TermField.VAT_ZONE, "1");
        assertThat(updated.updatedAt()).isAfterOrEqualTo(created.updatedAt());
        assertThat(port.findCustomersByTaxId(PIVA)).extracting(LedgerParty::id).containsExactly("4");
    }

    @Test
    void aCustomerWithoutTermsIsRefusedBeforeCallingWithTheMissingFields() {
        long before = requests();
        assertThatThrownBy(() -> port.createCustomer(new Party(PartyKind.COMPANY, "Senza Termini", null, null, null,
                null, "IT", null, null, null), CustomerTerms.none()))
                .isInstanceOfSatisfying(RejectedFailure.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .containsExactly("currency", "customerGroup", "paymentTerms", "vatZone"));
        assertThat(requests()).isEqualTo(before);
        assertThat(connector.capabilities()).doesNotContain(dev.ponte.connector.CustomerDirectory.class);
    }

    @Test
    void theSeedsRefusalsArriveAsFieldErrors() {
        Party noCountry = new Party(PartyKind.COMPANY, "Verdi S.r.l.", null, null, null, null, null, null,
                new Address("Via Roma 1", null, "Milano", "MI", "20100", null), null);
        assertThatThrownBy(() -> ledger.createCustomer(noCountry, DOMESTIC))
                .isInstanceOfSatisfying(RejectedFailure.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("Could not create customer. A supplier needs to have a "
                            + "country code to be able to have a province.");
                    assertThat(e.errors()).extracting(FieldError::field).containsExactly("address.countryCode");
                    assertThat(e.known()).contains(LedgerRefusal.PROVINCE_WITHOUT_COUNTRY);
                });
        Party german = new Party(PartyKind.COMPANY, "Schmidt GmbH", null, null, null, null, "DE", null, null, null);
        assertThatThrownBy(() -> ledger.createCustomer(german, DOMESTIC))
                .isInstanceOfSatisfying(RejectedFailure.class, e -> {
                    assertThat(e.errors()).extracting(FieldError::field).containsExactly("vatZone");
                    assertThat(e.known()).contains(LedgerRefusal.VAT_ZONE_NOT_FOR_COUNTRY);
                });
        Party gialli = new Party(PartyKind.COMPANY, "Gialli S.r.l.", null, null, null, null, "IT", null, null, null);
        assertThatThrownBy(() -> ledger.createCustomer(gialli, DOMESTIC.with(TermField.PAYMENT_MODE, "99")))
                .isInstanceOfSatisfying(RejectedFailure.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("paymentMode"));
        Party unknownProvince = new Party(PartyKind.COMPANY, "Blu S.r.l.", null, null, null, null, "IT", null,
                new Address(null, null, null, "XX", null, "IT"), null);
        long before = requests();
        assertThatThrownBy(() -> ledger.createCustomer(unknownProvince, DOMESTIC))
                .isInstanceOfSatisfying(RejectedFailure.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("address.province"));
        assertThat(requests()).as("refused before the create").isEqualTo(before);
    }

    @Test
    void pagesTheCatalogueFindsMissingCodesAndCreatesProducts() {
        List<Item> items = new ArrayList<>();
        String cursor = null;
        do {
            RemotePage<Item> page = ledger.products(cursor);
            items.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        assertThat(items).extracting(Item::code).containsExactly("CONS-H", "HW-RT01", "LIC-CRM", "VARIE");
        assertThat(items.get(2).price()).isEqualTo(Money.of("1200", "EUR"));

        assertThat(ledger.missingProducts(List.of("VARIE", "NOPE", "LIC-CRM", "NOPE", "A$B"))).containsExactly("NOPE",
                "A$B");
        port.createItem(new Item(ItemKind.PRODUCT, "A$B", "Dollaro", Money.of("5", "EUR"), null));
        assertThat(ledger.missingProducts(List.of("A$B"))).isEmpty();
        assertThat(port.findItemsByCode(ItemKind.PRODUCT, "A$B")).extracting(LedgerItem::name)
                .containsExactly("Dollaro");
        assertThat(port.findItemsByName(ItemKind.PRODUCT, "Varie")).extracting(LedgerItem::code)
                .containsExactly("VARIE");
        assertThatThrownBy(() -> port.createItem(new Item(ItemKind.PRODUCT, "VARIE", "Doppio", null, null)))
                .isInstanceOfSatisfying(RejectedFailure.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("code"));
    }

    @Test
    void createsAQuotationFindsItByMarkerAndFetchesItsPdf() {
        Quote quote = new Quote("q-1", "123", "company-9", LocalDate.of(2026, 6, 5), "EUR", List.of(
                new QuoteLine("LIC-CRM", "Licenza CRM", new BigDecimal("2"), Money.of("1000", "EUR"),
                        new BigDecimal("10"))), "Valida 30 giorni");
        assertThat(ledger.findQuotationByMarker("ponte:crm:quote:q-1")).isEmpty();
        String id = ledger.createQuotation("ponte:crm:quote:q-1", "1", CustomerTerms.none(), quote);
        assertThat(ledger.findQuotationByMarker("ponte:crm:quote:q-1")).contains(id);
        given().header("X-AppSecretToken", "sandbox-app-secret-token").header("X-AgreementGrantToken", GRANT)
                .get(SANDBOX + "/quotations/" + id).then().statusCode(200)
                .body("netAmount", org.hamcrest.Matchers.equalTo(1800.0f))
                .body("paymentTerms.paymentTermsNumber", org.hamcrest.Matchers.equalTo(9))
                .body("notes.heading", org.hamcrest.Matchers.equalTo("Preventivo 123"));
        assertThat(new String(ledger.quotationPdf(id), 0, 5)).isEqualTo("%PDF-");

        Quote unknown = new Quote("q-2", null, "company-9", LocalDate.of(2026, 6, 5), "EUR", List.of(
                new QuoteLine("VARIE", null, BigDecimal.ONE, Money.of("1", "EUR"), null),
                new QuoteLine("NON-ESISTE", null, BigDecimal.ONE, Money.of("1", "EUR"), null)), null);
        assertThatThrownBy(() -> ledger.createQuotation("m-2", "1", CustomerTerms.none(), unknown))
                .isInstanceOfSatisfying(RejectedFailure.class, e -> {
                    assertThat(e.getMessage()).contains("NON-ESISTE");
                    assertThat(e.errors()).extracting(FieldError::field).containsExactly("lines[1].articleCode");
                });
        Quote noCode = new Quote("q-3", null, "company-9", LocalDate.of(2026, 6, 5), "EUR", List.of(
                new QuoteLine(null, "Riga libera", BigDecimal.ONE, Money.of("1", "EUR"), null)), null);
        assertThatThrownBy(() -> ledger.createQuotation("m-3", "1", CustomerTerms.none(), noCode))
                .isInstanceOfSatisfying(RejectedFailure.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("lines[0].articleCode"));
    }

    @Test
    void refusedTokensAreACredentialsFailure() {
        RevisoLedgerPort wrong = (RevisoLedgerPort) connector.open(access(Map.of(RevisoConnector.AGREEMENT_GRANT_TOKEN, "expired")));
        assertThatThrownBy(() -> wrong.agreementCountry()).isInstanceOf(CredentialsFailure.class);
        RevisoLedgerPort none = (RevisoLedgerPort) connector.open(access(Map.of()));
        assertThatThrownBy(() -> none.customers(null, null)).isInstanceOf(CredentialsFailure.class);
        faults(Map.of("next_401", 1));
        assertThatThrownBy(() -> port.customers(null, null)).isInstanceOf(CredentialsFailure.class);
    }

    @Test
    void aShortRateLimitIsWaitedOut() {
        faults(Map.of("next_429", 2, "retry_after_seconds", 1));
        assertThat(ledger.customer("1")).isPresent();
    }

    @Test
    void timeoutsAndDroppedAnswersAreTransient() {
        faults(Map.of("next_timeouts", 1, "timeout_ms", 1500));
        assertThatThrownBy(() -> ledger.customer("1")).isInstanceOf(TransientFailure.class);
        faults(Map.of("drop_after_commit", 1));
        Quote quote = new Quote("q-9", "9", "c", LocalDate.of(2026, 6, 5), "EUR", List.of(
                new QuoteLine("VARIE", null, BigDecimal.ONE, Money.of("1", "EUR"), null)), null);
        assertThatThrownBy(() -> ledger.createQuotation("ponte:q-9", "1", CustomerTerms.none(), quote))
                .isInstanceOf(TransientFailure.class);
        assertThat(ledger.findQuotationByMarker("ponte:q-9")).as("the retry finds the committed quotation")
                .isPresent();
    }

    private static void generate(int count, Instant from, long stepMillis) {
        given().contentType(ContentType.JSON).body(Map.of("count", count, "from", from.toString(),
                "stepMillis", stepMillis)).post(SANDBOX + "/_customers/generate").then().statusCode(200);
    }

    private static void faults(Map<String, Object> spec) {
        given().contentType(ContentType.JSON).body(spec).post(SANDBOX + "/_faults").then().statusCode(200);
    }

    private static long requests() {
        return ((Number) given().get(SANDBOX + "/_requests").then().extract().path("requests")).longValue();
    }

    private static ConnectionAccess access(Map<String, String> credentials) {
        UUID id = UUID.randomUUID();
        Map<String, String> stored = new HashMap<>(credentials);
        return new ConnectionAccess() {
            @Override
            public UUID connectionId() {
                return id;
            }

            @Override
            public Map<String, String> credentials() {
                return Map.copyOf(stored);
            }

            @Override
            public Map<String, String> reloadCredentials() {
                return credentials();
            }

            @Override
            public void storeCredentials(Map<String, String> next) {
                stored.putAll(next);
            }
        };
    }

    private static RevisoConfig withTimeout(RevisoConfig config, Duration timeout) {
        return new RevisoConfig() {
            @Override
            public String apiUrl() {
                return config.apiUrl();
            }

            @Override
            public Optional<String> appSecretToken() {
                return config.appSecretToken();
            }

            @Override
            public Duration timeout() {
                return timeout;
            }

            @Override
            public int requestsPerSecond() {
                return config.requestsPerSecond();
            }
        };
    }
}
