package dev.ponte.sandbox.pipedrive;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** API token in the {@code x-api-token} header or the {@code api_token} query parameter (README "Pipedrive"). */
@IfBuildProperty(name = "ponte.sandbox.included", stringValue = "true")
public class PipedriveAuthFilter {

    static final String TOKEN_PROPERTY = "sandbox.pipedrive.token";
    private static final Set<String> PREFIXES = Set.of("/sandbox/pipedrive/v1/", "/sandbox/pipedrive/api/v2/");
    private static final Set<String> TOKENS = Set.of(Pipedrive.ADMIN_TOKEN, Pipedrive.USER_TOKEN);

    private final Pipedrive state;

    public PipedriveAuthFilter(Pipedrive state) {
        this.state = state;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Response authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (PREFIXES.stream().noneMatch(path::startsWith)) {
            return null;
        }
        String token = request.getHeaderString("x-api-token");
        if (token == null) {
            token = request.getUriInfo().getQueryParameters().getFirst("api_token");
        }
        if (token == null || !TOKENS.contains(token)) {
            return state.error(401, "unauthorized access");
        }
        request.setProperty(TOKEN_PROPERTY, token);
        return null;
    }
}
