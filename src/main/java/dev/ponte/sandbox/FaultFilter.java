package dev.ponte.sandbox;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;

/**
 * Applies the configured {@link Faults} to vendor API requests. The latency (and an injected timeout) is a timer on
 * the event loop, before the request reaches its blocking endpoint: like a real network's delay it holds no thread, so
 * any number of calls wait together and the emulator's worker pool does not cap how many overlap.
 */
@IfBuildProperty(name = "ponte.sandbox.included", stringValue = "true")
public class FaultFilter {

    private final Faults faults;
    private final SandboxVendors vendors;

    public FaultFilter(Faults faults, SandboxVendors vendors) {
        this.faults = faults;
        this.vendors = vendors;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION - 100, nonBlocking = true)
    public Uni<Response> inject(ContainerRequestContext request) {
        if (!emulated(request)) {
            return Uni.createFrom().nullItem();
        }
        Optional<SandboxVendor> vendor = vendors.forApiPath(request.getUriInfo().getPath());
        if (vendor.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        String name = vendor.get().name();
        faults.countRequest(name, request.getMethod());
        int delay = faults.latencyMs(name);
        Response answer = switch (faults.decide(name)) {
            case NONE -> null;
            case TIMEOUT -> {
                delay += faults.timeoutMs(name);
                yield null;
            }
            case UNAUTHORIZED -> vendor.get().error(401, "injected 401");
            case SERVER_ERROR -> vendor.get().error(500, "injected 500");
            case RATE_LIMITED -> Response.fromResponse(vendor.get().error(429, "injected 429"))
                    .header("Retry-After", faults.retryAfterSeconds(name)).build();
        };
        Uni<Response> decided = Uni.createFrom().item(answer);
        return delay <= 0 ? decided : decided.onItem().delayIt().by(Duration.ofMillis(delay));
    }

    /**
     * "Dropped response": the POST's change is already committed when this runs. Mode {@code reset} closes the
     * TCP connection before any byte of the answer is written (the client sees a connection reset or premature
     * end of stream, as when a proxy or the network fails); mode {@code 502} answers Bad Gateway instead. Either
     * way the client never learns the created id and must look for its own marker before creating again.
     *
     * <p>{@code close()} only schedules the close on the connection's event loop, and the answer RESTEasy writes right
     * after this filter could overtake it (the 502 then reached the client whole, depending on load), so the filter
     * waits until the connection is closed. The connection is taken from RESTEasy's own current request rather than
     * an injected request-scoped {@code HttpServerRequest}, whose resolution depends on the CDI request context active
     * on this worker thread.
     */
    @ServerResponseFilter
    public void decorateOrDrop(ContainerRequestContext request, ContainerResponseContext response) {
        if (!emulated(request)) {
            return;
        }
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
            closeAndWait(CurrentRequestManager.get().unwrap(HttpServerRequest.class));
        }
    }

    /**
     * Whether the request is for an emulator at all. Every request passes these filters: Ponte's own API and webhooks
     * (all a production instance serves) are told apart by their path alone, so they never create the emulators'
     * beans and state, which {@link SandboxVendors} would on its first use.
     */
    private static boolean emulated(ContainerRequestContext request) {
        return request.getUriInfo().getPath().startsWith("/sandbox/");
    }

    private static void closeAndWait(HttpServerRequest request) {
        try {
            request.connection().close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Closing failed or hung: the client will see whatever the connection does next, which is still a fault.
        }
    }
}
