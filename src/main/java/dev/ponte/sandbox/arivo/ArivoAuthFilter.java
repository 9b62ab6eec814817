package dev.ponte.sandbox.arivo;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** {@code Authorization: Token token=<key>} on every API path (not the emulator's own {@code _} paths). */
@IfBuildProperty(name = "ponte.sandbox.included", stringValue = "true")
public class ArivoAuthFilter {

    private static final String PREFIX = "/sandbox/arivo/";

    private final Arivo state;

    public ArivoAuthFilter(Arivo state) {
        this.state = state;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Response authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith(PREFIX) || path.startsWith(PREFIX + "_")) {
            return null;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (!("Token token=" + Arivo.API_KEY).equals(header)) {
            return state.error(401, "Unauthorized");
        }
        return null;
    }
}
