package dev.ponte.sandbox;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Hides every {@code /sandbox/**} path (404) unless {@code ponte.sandbox.enabled=true}. */
public class SandboxGate {

    private final boolean enabled;

    public SandboxGate(@ConfigProperty(name = "ponte.sandbox.enabled", defaultValue = "false") boolean enabled) {
        this.enabled = enabled;
    }

    @ServerRequestFilter(preMatching = true, nonBlocking = true)
    public Response hideWhenDisabled(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!enabled && (path.equals("/sandbox") || path.startsWith("/sandbox/"))) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        return null;
    }
}
