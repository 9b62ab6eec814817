package dev.ponte.sandbox.contaazul;

import dev.ponte.sandbox.contaazul.ContaAzulRateLimits.Limits;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Test control of the emulated account's rate limits: {@code POST {"requests_per_second": n, "requests_per_minute": m}}
 * (a field left out is not limited, {@code {}} lifts both), {@code DELETE} restores the documented 10/s and 600/min.
 * A test that lifts them says why, and puts them back.
 */
@Path("/sandbox/contaazul/_limits")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContaAzulLimitsResource {

    private final ContaAzulRateLimits limits;

    public ContaAzulLimitsResource(ContaAzulRateLimits limits) {
        this.limits = limits;
    }

    @GET
    public Limits limits() {
        return limits.limits();
    }

    @POST
    public Limits configure(Limits configured) {
        Limits given = configured == null ? new Limits(null, null) : configured;
        if (given.requestsPerSecond() != null && given.requestsPerSecond() < 1
                || given.requestsPerMinute() != null && given.requestsPerMinute() < 1) {
            throw new BadRequestException("a limit is at least 1 request; leave it out to lift it");
        }
        return limits.configure(given);
    }

    @DELETE
    public Limits reset() {
        return limits.reset();
    }
}
