package dev.ponte.connector.nuvemshop;

import dev.ponte.connector.Connector;
import dev.ponte.connector.OrderSource;
import dev.ponte.connector.Port;
import dev.ponte.connector.contract.PortContract;
import dev.ponte.connector.contract.Sandbox;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;

/** {@link PortContract} for Nuvemshop, over its sandbox, with a token the app install gave. */
@QuarkusTest
class NuvemshopPortContractTest extends PortContract {

    @Inject
    NuvemshopConnector connector;

    private Map<String, String> installed;

    @Override
    protected Connector connector() {
        return connector;
    }

    @Override
    protected Sandbox sandbox() {
        return NuvemshopSeeds.SANDBOX;
    }

    /** Installed after the reset (which forgets every token). */
    @Override
    protected Map<String, String> credentials() {
        if (installed == null) {
            installed = NuvemshopSeeds.install(NuvemshopSeeds.STORE);
        }
        return installed;
    }

    @Override
    protected Map<String, String> refusedCredentials() {
        return Map.of(NuvemshopSourcePort.ACCESS_TOKEN, "not-a-token", NuvemshopSourcePort.STORE_ID,
                NuvemshopSeeds.STORE);
    }

    @Override
    protected void read(Port port) {
        ((OrderSource) port).order("1");
    }

    @Override
    protected boolean reportsItsBudget() {
        return true;
    }
}
