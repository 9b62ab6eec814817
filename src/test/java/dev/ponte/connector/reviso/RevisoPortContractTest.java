package dev.ponte.connector.reviso;

import dev.ponte.connector.Connector;
import dev.ponte.connector.CustomerLedger;
import dev.ponte.connector.Port;
import dev.ponte.connector.contract.PortContract;
import dev.ponte.connector.contract.Sandbox;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;

/** {@link PortContract} for Reviso, over its sandbox. */
@QuarkusTest
class RevisoPortContractTest extends PortContract {

    @Inject
    RevisoConnector connector;

    @Override
    protected Connector connector() {
        return connector;
    }

    @Override
    protected Sandbox sandbox() {
        return RevisoSandboxSeeds.SANDBOX;
    }

    @Override
    protected Map<String, String> credentials() {
        return RevisoSandboxSeeds.credentials();
    }

    @Override
    protected Map<String, String> refusedCredentials() {
        return Map.of(RevisoConnector.AGREEMENT_GRANT_TOKEN, "expired");
    }

    @Override
    protected void read(Port port) {
        ((CustomerLedger) port).customer("1");
    }
}
