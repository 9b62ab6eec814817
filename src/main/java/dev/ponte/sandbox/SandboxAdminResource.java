package dev.ponte.sandbox;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** Test and demo controls shared by every emulator: faults and state. */
@IfBuildProperty(name = "ponte.sandbox.included", stringValue = "true")
@Path("/sandbox/{vendor}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SandboxAdminResource {

    private final SandboxVendors vendors;
    private final Faults faults;

    public SandboxAdminResource(SandboxVendors vendors, Faults faults) {
        this.vendors = vendors;
        this.faults = faults;
    }

    @POST
    @Path("_faults")
    public FaultSpec configureFaults(@PathParam("vendor") String vendor, FaultSpec spec) {
        return faults.configure(vendor(vendor).name(), spec == null ? FaultSpec.none() : spec);
    }

    @GET
    @Path("_faults")
    public FaultSpec faults(@PathParam("vendor") String vendor) {
        return faults.spec(vendor(vendor).name());
    }

    @DELETE
    @Path("_faults")
    public void resetFaults(@PathParam("vendor") String vendor) {
        faults.reset(vendor(vendor).name());
    }

    /** The enforced request limits and how many requests they refused, for a vendor whose contract states limits. */
    @GET
    @Path("_limits")
    public Map<String, Object> limits(@PathParam("vendor") String vendor) {
        RateLimit limit = rateLimit(vendor);
        Map<String, Object> answer = new java.util.LinkedHashMap<>();
        RateLimit.Limits in = limit.limits();
        if (in.requestsPerSecond() != null) {
            answer.put("requests_per_second", in.requestsPerSecond());
        }
        if (in.requestsPerMinute() != null) {
            answer.put("requests_per_minute", in.requestsPerMinute());
        }
        answer.put("refused", limit.refused());
        return answer;
    }

    /**
     * {@code {"requests_per_second": n, "requests_per_minute": m}}: a field left out is not limited, {@code {}} lifts
     * both. A test that lifts them says why, and puts them back ({@code DELETE}: the documented limits).
     */
    @POST
    @Path("_limits")
    public RateLimit.Limits configureLimits(@PathParam("vendor") String vendor, RateLimit.Limits configured) {
        RateLimit.Limits given = configured == null ? new RateLimit.Limits(null, null) : configured;
        if (given.requestsPerSecond() != null && given.requestsPerSecond() < 1
                || given.requestsPerMinute() != null && given.requestsPerMinute() < 1) {
            throw new jakarta.ws.rs.BadRequestException("a limit is at least 1 request; leave it out to lift it");
        }
        return rateLimit(vendor).configure(given);
    }

    @DELETE
    @Path("_limits")
    public RateLimit.Limits resetLimits(@PathParam("vendor") String vendor) {
        return rateLimit(vendor).reset();
    }

    private RateLimit rateLimit(String vendor) {
        return vendor(vendor).rateLimit().orElseThrow(() -> new jakarta.ws.rs.NotFoundException(
                vendor + " enforces no rate limit"));
    }

    @GET
    @Path("_state")
    public Map<String, Object> state(@PathParam("vendor") String vendor) {
        return vendor(vendor).snapshot();
    }

    @DELETE
    @Path("_state")
    public void resetState(@PathParam("vendor") String vendor) {
        vendor(vendor).reset();
        faults.resetRequests(vendor(vendor).name());
    }

    /** How many API requests (and of those, writes) the emulator served since its state was last reset. */
    @GET
    @Path("_requests")
    public Map<String, Object> requests(@PathParam("vendor") String vendor) {
        String name = vendor(vendor).name();
        return Map.of("requests", faults.requests(name), "writes", faults.writes(name));
    }

    private SandboxVendor vendor(String name) {
        return vendors.find(name).orElseThrow(NotFoundException::new);
    }
}
