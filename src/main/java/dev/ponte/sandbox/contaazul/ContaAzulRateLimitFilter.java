package dev.ponte.sandbox.contaazul;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.OptionalLong;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Answers 429 with {@code Retry-After} to a {@code /v1/…} call over {@link ContaAzulRateLimits}. It runs after the
 * token check (the limits are per connected account, known from the token) and after injected faults, so a request
 * those answered does not count.
 */
public class ContaAzulRateLimitFilter {

    private static final String API_PREFIX = "/sandbox/" + ContaAzul.NAME + "/v1/";
    /** Invented in the vendor's style; the live wording is not published. */
    static final String TOO_MANY = "Limite de requisições excedido. Tente novamente em %d segundo(s).";

    private final ContaAzulRateLimits limits;

    public ContaAzulRateLimitFilter(ContaAzulRateLimits limits) {
        this.limits = limits;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION + 100)
    public Response limit(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith(API_PREFIX)) {
            return null;
        }
        OptionalLong retryAfter = limits.admit();
        if (retryAfter.isEmpty()) {
            return null;
        }
        return Response.fromResponse(ContaAzulErrors.body(429, String.format(TOO_MANY, retryAfter.getAsLong())))
                .header("Retry-After", retryAfter.getAsLong()).build();
    }
}
