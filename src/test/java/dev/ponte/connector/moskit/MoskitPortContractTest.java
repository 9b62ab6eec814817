package dev.ponte.connector.moskit;

import dev.ponte.connector.Connector;
import dev.ponte.connector.DealSource;
import dev.ponte.connector.Port;
import dev.ponte.connector.contract.PortContract;
import dev.ponte.connector.contract.Sandbox;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;

/** {@link PortContract} for Moskit, over its sandbox. */
@QuarkusTest
class MoskitPortContractTest extends PortContract {

    @Inject
    MoskitConnector connector;

    @Override
    protected Connector connector() {
        return connector;
    }

    @Override
    protected Sandbox sandbox() {
        return MoskitSeeds.SANDBOX;
    }

    @Override
    protected Map<String, String> credentials() {
        return MoskitSeeds.credentials();
    }

    @Override
    protected Map<String, String> refusedCredentials() {
        return Map.of("apikey", "not-a-key", "webhookSecret", MoskitSeeds.SECRET);
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
