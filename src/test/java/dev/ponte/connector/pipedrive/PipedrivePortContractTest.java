package dev.ponte.connector.pipedrive;

import dev.ponte.connector.Connector;
import dev.ponte.connector.DealSource;
import dev.ponte.connector.Port;
import dev.ponte.connector.contract.PortContract;
import dev.ponte.connector.contract.Sandbox;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;

/** {@link PortContract} for Pipedrive, over its sandbox. */
@QuarkusTest
class PipedrivePortContractTest extends PortContract {

    @Inject
    PipedriveConnector connector;

    @Override
    protected Connector connector() {
        return connector;
    }

    @Override
    protected Sandbox sandbox() {
        return PipedriveSeeds.SANDBOX;
    }

    @Override
    protected Map<String, String> credentials() {
        return Map.of("apiToken", PipedriveSeeds.ADMIN_TOKEN);
    }

    @Override
    protected Map<String, String> refusedCredentials() {
        return Map.of("apiToken", "not-a-token");
    }

    @Override
    protected void read(Port port) {
        ((DealSource) port).deal("1");
    }

    @Override
    protected boolean reportsItsBudget() {
        return true;
    }
}
