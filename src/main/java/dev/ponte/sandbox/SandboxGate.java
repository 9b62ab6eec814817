package dev.ponte.sandbox;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Hides every {@code /sandbox/**} path unless {@code ponte.sandbox.enabled=true}: the 404 is thrown, not returned, so
 * it leaves as the same problem+json as any unknown path.
 */
@IfBuildProperty(name = "ponte.sandbox.included", stringValue = "true")
public class SandboxGate {

    private final boolean enabled;

    public SandboxGate(@ConfigProperty(name = "ponte.sandbox.enabled", defaultValue = "false") boolean enabled) {
        this.enabled = enabled;
    }

    @ServerRequestFilter(preMatching = true, nonBlocking = true)
    public void hideWhenDisabled(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!enabled && (path.equals("/sandbox") || path.startsWith("/sandbox/"))) {
            throw new NotFoundException();
        }
    }
}
