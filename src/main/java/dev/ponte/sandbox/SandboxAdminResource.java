package dev.ponte.sandbox;

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
