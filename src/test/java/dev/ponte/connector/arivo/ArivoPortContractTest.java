package dev.ponte.connector.arivo;

import dev.ponte.connector.Connector;
import dev.ponte.connector.DealSource;
import dev.ponte.connector.Port;
import dev.ponte.connector.contract.PortContract;
import dev.ponte.connector.contract.Sandbox;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;

/** {@link PortContract} for Arivo, over its sandbox. */
@QuarkusTest
class ArivoPortContractTest extends PortContract {

    @Inject
    ArivoConnector connector;

    @Override
    protected Connector connector() {
        return connector;
    }

    @Override
    protected Sandbox sandbox() {
        return ArivoSeeds.SANDBOX;
    }

    @Override
    protected Map<String, String> credentials() {
        return Map.of("apiKey", ArivoSeeds.API_KEY);
    }

    @Override
    protected Map<String, String> refusedCredentials() {
        return Map.of("apiKey", "not-a-key");
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
