package dev.ponte.api;

import dev.ponte.connection.Caller;
import dev.ponte.connection.TenantService;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Every {@code /api} call needs {@code Authorization: Bearer <API key>}; anything else answers 401. */
public class AuthFilter {

    private final TenantService tenants;
    private final CallerContext context;

    AuthFilter(TenantService tenants, CallerContext context) {
        this.tenants = tenants;
        this.context = context;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Optional<Response> authenticate(ContainerRequestContext request, HttpHeaders headers) {
        if (!request.getUriInfo().getPath().startsWith("/api/")) {
            return Optional.empty();
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        Optional<Caller> caller = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? tenants.authenticate(header.substring(7).trim())
                : Optional.empty();
        if (caller.isEmpty()) {
            Messages messages = Messages.of(headers);
            return Optional.of(Response.fromResponse(new Problem("urn:ponte:problem:unauthorized",
                    messages.get("problem.unauthorized"), 401, messages.get("problem.unauthorized.detail"), null)
                    .toResponse()).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build());
        }
        context.set(caller.get());
        return Optional.empty();
    }
}
