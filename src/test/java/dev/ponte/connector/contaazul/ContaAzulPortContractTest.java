package dev.ponte.connector.contaazul;

import dev.ponte.connector.Connector;
import dev.ponte.connector.CustomerDirectory;
import dev.ponte.connector.Port;
import dev.ponte.connector.contract.PortContract;
import dev.ponte.connector.contract.Sandbox;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.extension.ExtendWith;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;

/** {@link PortContract} for Conta Azul, over its sandbox, connected by OAuth2. */
@QuarkusTest
@ExtendWith(LiftedLimits.class)
class ContaAzulPortContractTest extends PortContract {

    @Inject
    ContaAzulConnector connector;

    @Inject
    ContaAzulOAuth oauth;

    @Override
    protected Connector connector() {
        return connector;
    }

    @Override
    protected Sandbox sandbox() {
        return ContaAzulSandboxSeeds.SANDBOX;
    }

    @Override
    protected Map<String, String> credentials() {
        return ContaAzulSandboxSeeds.connect(oauth);
    }

    /** A consent withdrawn: neither token works any more. */
    @Override
    protected Map<String, String> refusedCredentials() {
        Map<String, String> revoked = new HashMap<>(ContaAzulSandboxSeeds.connect(oauth));
        revoked.put("access_token", "revoked");
        revoked.put("refresh_token", "revoked");
        return revoked;
    }

    @Override
    protected void read(Port port) {
        ((CustomerDirectory) port).findCustomersByName("Ninguém");
    }

    /** A GET answered 5xx is tried again three times in place (ShortRetry.read); the fourth 5xx is the job's failure. */
    @Override
    protected int serverErrorsAReadAbsorbs() {
        return 3;
    }
}
