package dev.ponte.connector.reviso;

import static io.restassured.RestAssured.given;

import dev.ponte.connector.CustomerLedger;
import dev.ponte.connector.contract.CustomerLedgerContract;
import dev.ponte.model.Address;
import dev.ponte.model.CustomerTerms;
import dev.ponte.model.Party;
import dev.ponte.model.PartyKind;
import dev.ponte.model.TaxId;
import dev.ponte.model.TaxIdKind;
import dev.ponte.model.TermField;
import dev.ponte.support.MemoryAccess;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** {@link CustomerLedgerContract} for Reviso, over its sandbox, in pages of 2 customers. */
@QuarkusTest
class RevisoCustomerLedgerContractTest extends CustomerLedgerContract {

    @Inject
    RevisoConfig config;

    private RevisoConnector connector;

    @BeforeEach
    void open() {
        connector = new RevisoConnector(config, 2);
    }

    @AfterEach
    void close() {
        connector.close();
    }

    @Override
    protected void reset() {
        RevisoSandboxSeeds.SANDBOX.reset();
    }

    @Override
    protected CustomerLedger ledger() {
        return (CustomerLedger) connector.open(new MemoryAccess(RevisoSandboxSeeds.credentials()));
    }

    @Override
    protected Party customer(String name) {
        return new Party(PartyKind.COMPANY, name, TaxId.parse(TaxIdKind.PARTITA_IVA, "IT 03027950363"),
                "info@rossi.it", null, null, "IT", "CRM in Cloud",
                new Address("Via Emilia", "12", "Bologna", "BO", "40121", "IT"), null);
    }

    @Override
    protected CustomerTerms terms() {
        return new CustomerTerms(Map.of(TermField.CURRENCY, "EUR", TermField.CUSTOMER_GROUP, "1",
                TermField.PAYMENT_TERMS, "2", TermField.VAT_ZONE, "1"));
    }

    @Override
    protected void seedCustomers(int count) {
        given().contentType(ContentType.JSON).body(Map.of("count", count, "from",
                Instant.parse("2026-01-01T00:00:00Z").toString(), "stepMillis", 1000))
                .post(RevisoSandboxSeeds.SANDBOX.path("/_customers/generate")).then().statusCode(200);
    }

    @Override
    protected int heldCustomers() {
        return RevisoSandboxSeeds.SANDBOX.state().getInt("customers");
    }

    @Override
    protected Optional<HeldCustomer> held(String id) {
        var response = RevisoSandboxSeeds.get("/customers/" + id);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        JsonPath customer = response.then().statusCode(200).extract().jsonPath();
        return Optional.of(new HeldCustomer(customer.getString("name"), customer.getString("email")));
    }
}
