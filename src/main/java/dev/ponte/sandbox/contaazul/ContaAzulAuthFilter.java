package dev.ponte.sandbox.contaazul;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** {@code Authorization: Bearer <access token>} on every {@code /v1/…} call; unknown or expired tokens get 401. */
@IfBuildProperty(name = "ponte.sandbox.included", stringValue = "true")
public class ContaAzulAuthFilter {

    private static final String API_PREFIX = "/sandbox/" + ContaAzul.NAME + "/v1/";

    private final ContaAzul state;

    public ContaAzulAuthFilter(ContaAzul state) {
        this.state = state;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Response authenticate(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith(API_PREFIX)) {
            return null;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).trim() : null;
        return state.validAccessToken(token) ? null : ContaAzulErrors.body(401, "Unauthorized");
    }
}
