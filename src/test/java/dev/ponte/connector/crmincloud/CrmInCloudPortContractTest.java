package dev.ponte.connector.crmincloud;

import dev.ponte.connector.CompanySource;
import dev.ponte.connector.Connector;
import dev.ponte.connector.Port;
import dev.ponte.connector.contract.PortContract;
import dev.ponte.connector.contract.Sandbox;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;

/** {@link PortContract} for CRM in Cloud, over its sandbox. */
@QuarkusTest
class CrmInCloudPortContractTest extends PortContract {

    @Inject
    CrmInCloudConnector connector;

    @Override
    protected Connector connector() {
        return connector;
    }

    @Override
    protected Sandbox sandbox() {
        return CrmInCloudCompanySourceContractTest.SANDBOX;
    }

    @Override
    protected Map<String, String> credentials() {
        return Map.of("apiKey", CrmInCloudCompanySourceContractTest.API_KEY);
    }

    @Override
    protected Map<String, String> refusedCredentials() {
        return Map.of("apiKey", "not-a-key");
    }

    @Override
    protected void read(Port port) {
        ((CompanySource) port).company("1");
    }
}
