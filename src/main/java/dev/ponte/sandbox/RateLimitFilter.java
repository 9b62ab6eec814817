package dev.ponte.sandbox;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.OptionalLong;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Answers 429 with {@code Retry-After}, in the vendor's error body, to an API call over its {@link RateLimit}. It runs
 * after the vendor's credential check (the limits are per connected account) and after injected faults, so a request
 * those answered does not count.
 */
@IfBuildProperty(name = "ponte.sandbox.included", stringValue = "true")
public class RateLimitFilter {

    private final SandboxVendors vendors;

    public RateLimitFilter(SandboxVendors vendors) {
        this.vendors = vendors;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION + 100)
    public Response limit(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        Optional<SandboxVendor> vendor = vendors.forApiPath(path);
        Optional<RateLimit> limit = vendor.flatMap(SandboxVendor::rateLimit);
        if (limit.isEmpty() || !limit.get().counts(path.substring(("/sandbox/" + vendor.get().name()).length()))) {
            return null;
        }
        OptionalLong retryAfter = limit.get().admit();
        if (retryAfter.isEmpty()) {
            return null;
        }
        return vendor.get().tooManyRequests(retryAfter.getAsLong());
    }
}
