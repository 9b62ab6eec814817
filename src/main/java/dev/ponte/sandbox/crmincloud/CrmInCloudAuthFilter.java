package dev.ponte.sandbox.crmincloud;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every API call but the login needs {@code Authorization: Bearer <token>} from {@code /Auth/Login} (the "JWT token"
 * and "Bearer Authentication" sections of every controller page on api.crmincloud.it).
 */
@IfBuildProperty(name = "ponte.sandbox.included", stringValue = "true")
public class CrmInCloudAuthFilter {

    private static final String API = "/sandbox/crmincloud/api/";
    private static final String LOGIN = "/sandbox/crmincloud/api/v1/auth/login";

    private final CrmInCloud state;

    public CrmInCloudAuthFilter(CrmInCloud state) {
        this.state = state;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Response authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith(API) || path.equalsIgnoreCase(LOGIN)) {
            return null;
        }
        String authorization = request.getHeaderString("Authorization");
        String token = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip() : null;
        return state.validToken(token) ? null : state.error(401, null);
    }
}
