package dev.ponte.support;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * Picks a free port for each test application before it starts, so configuration that points Ponte's connectors at
 * its own sandbox emulators ({@code http://localhost:${quarkus.http.test-port}/sandbox/...}) resolves to a real,
 * dynamic port.
 */
@QuarkusTestResource(value = FreePortResource.class, restrictToAnnotatedClass = false)
public class FreePortResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return Map.of("quarkus.http.test-port", String.valueOf(socket.getLocalPort()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
    }
}
