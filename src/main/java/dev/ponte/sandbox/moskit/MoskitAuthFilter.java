package dev.ponte.sandbox.moskit;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** The API key in the {@code apikey} header on every v2 call. */
@IfBuildProperty(name = "ponte.sandbox.included", stringValue = "true")
public class MoskitAuthFilter {

    private static final String PREFIX = "/sandbox/moskit/v2/";

    private final Moskit state;

    public MoskitAuthFilter(Moskit state) {
        this.state = state;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Response authenticate(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith(PREFIX)) {
            return null;
        }
        String key = request.getHeaderString("apikey");
        return Moskit.API_KEY.equals(key) ? null : state.error(401, "Invalid apikey");
    }
}
