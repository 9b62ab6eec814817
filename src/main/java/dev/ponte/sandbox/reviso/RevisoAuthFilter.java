package dev.ponte.sandbox.reviso;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * {@code X-AppSecretToken} and {@code X-AgreementGrantToken} on every API call (revisohq/api-samples); anything else
 * is 401 "Login to API server failed.". The word {@code demo} for both tokens reads the demo agreement (here: this
 * one) but cannot write (reviso.com/authentication says GET only; the refusal's status is a guess).
 */
@IfBuildProperty(name = "ponte.sandbox.included", stringValue = "true")
public class RevisoAuthFilter {

    static final String APP_SECRET = "X-AppSecretToken";
    static final String AGREEMENT_GRANT = "X-AgreementGrantToken";
    private static final String PREFIX = "/sandbox/" + Reviso.NAME + "/";

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Response authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith(PREFIX) || path.startsWith(PREFIX + "_")) {
            return null;
        }
        String app = request.getHeaderString(APP_SECRET);
        String grant = request.getHeaderString(AGREEMENT_GRANT);
        if (Reviso.APP_SECRET_TOKEN.equals(app) && Reviso.AGREEMENT_GRANT_TOKEN.equals(grant)) {
            return null;
        }
        if (Reviso.DEMO.equals(app) && Reviso.DEMO.equals(grant)) {
            return HttpMethod.GET.equals(request.getMethod()) ? null
                    : RevisoErrors.body(403, RevisoErrors.DEMO_READ_ONLY);
        }
        return RevisoErrors.body(401, RevisoErrors.LOGIN_FAILED);
    }
}
