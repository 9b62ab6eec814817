package dev.ponte.sandbox;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;

/**
 * Applies the configured {@link Faults} to vendor API requests. Runs on the endpoint's worker thread (the
 * endpoints are blocking), so sleeping here delays only the request at hand.
 */
public class FaultFilter {

    private final Faults faults;
    private final SandboxVendors vendors;

    public FaultFilter(Faults faults, SandboxVendors vendors) {
        this.faults = faults;
        this.vendors = vendors;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION - 100)
    public Response inject(ContainerRequestContext request) {
        Optional<SandboxVendor> vendor = vendors.forApiPath(request.getUriInfo().getPath());
        if (vendor.isEmpty()) {
            return null;
        }
        String name = vendor.get().name();
        sleep(faults.latencyMs(name));
        return switch (faults.decide(name)) {
            case NONE -> null;
            case TIMEOUT -> {
                sleep(faults.timeoutMs(name));
                yield null;
            }
            case UNAUTHORIZED -> vendor.get().error(401, "injected 401");
            case SERVER_ERROR -> vendor.get().error(500, "injected 500");
            case RATE_LIMITED -> Response.fromResponse(vendor.get().error(429, "injected 429"))
                    .header("Retry-After", faults.retryAfterSeconds(name)).build();
        };
    }

    /**
     * "Dropped response": the POST's change is already committed when this runs. Mode {@code reset} closes the
     * TCP connection before any byte of the answer is written (the client sees a connection reset or premature
     * end of stream, as when a proxy or the network fails); mode {@code 502} answers Bad Gateway instead. Either
     * way the client never learns the created id and must look for its own marker before creating again.
     *
     * <p>The connection is reset through RESTEasy's own current request, not through an injected
     * {@code HttpServerRequest}: that is a request-scoped CDI proxy, resolved in whatever CDI request context is
     * active on the worker thread, and in the full test suite it closed some other connection while this 502 reached
     * the client whole.
     */
    @ServerResponseFilter
    public void decorateOrDrop(ContainerRequestContext request, ContainerResponseContext response) {
        Optional<SandboxVendor> vendor = vendors.forApiPath(request.getUriInfo().getPath());
        if (vendor.isEmpty()) {
            return;
        }
        String name = vendor.get().name();
        vendor.get().decorate(request, response);
        boolean committedCreate = HttpMethod.POST.equals(request.getMethod()) && response.getStatus() / 100 == 2;
        if (!committedCreate || !faults.dropAfterCommit(name)) {
            return;
        }
        Response badGateway = vendor.get().error(502, "injected 502 after commit");
        response.setStatus(502);
        response.setEntity(badGateway.getEntity());
        if (!faults.dropAsBadGateway(name)) {
            CurrentRequestManager.get().serverResponse().reset();
        }
    }

    private static void sleep(int millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
