package dev.ponte.sandbox;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** One emulated vendor: its path segment under /sandbox, its error body, and its resettable state. */
public interface SandboxVendor {

    /** Path segment under {@code /sandbox}, e.g. {@code pipedrive}. */
    String name();

    /** An error response in the vendor's own body format (used by injected faults). */
    Response error(int status, String message);

    /** Forgets all data created since start-up and restores the seed data. */
    void reset();

    /** Counts and lists that tests and the demo inspect through {@code GET /sandbox/{vendor}/_state}. */
    Map<String, Object> snapshot();

    /** Adds vendor headers (e.g. rate-limit headers) to every response, including injected faults. */
    default void decorate(ContainerRequestContext request, ContainerResponseContext response) {
    }

    /** The answer to a call over the {@link #rateLimit()}: 429, in the vendor's words and body, with Retry-After. */
    default Response tooManyRequests(long retryAfterSeconds) {
        return Response.fromResponse(error(429, "Rate limit exceeded: try again in " + retryAfterSeconds
                + " second(s)")).header("Retry-After", retryAfterSeconds).build();
    }

    /** The request limits the emulator enforces, where the vendor's contract states them. */
    default java.util.Optional<RateLimit> rateLimit() {
        return java.util.Optional.empty();
    }
}
