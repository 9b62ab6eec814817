package dev.ponte.api;

import dev.ponte.connection.ConflictException;
import dev.ponte.connection.ConnectionService;
import dev.ponte.connection.NotFoundException;
import dev.ponte.engine.Page;
import dev.ponte.engine.RunService;
import dev.ponte.engine.SyncRun;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Reconciliation runs of a connection (R50): trigger one by hand, follow its progress, read its report. */
@Path("/api/v1/connections/{id}/runs")
@Tag(name = "Reconciliation", description = "Incremental and full reconciliation runs and their reports (R50)")
public class RunResource {

    private final RunService runs;
    private final ConnectionService connections;
    private final CallerContext caller;

    RunResource(RunService runs, ConnectionService connections, CallerContext caller) {
        this.runs = runs;
        this.connections = connections;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a run", description = "Queues an incremental or full reconciliation, or a catalogue "
            + "import (catalog); 409 while another run of the connection is queued or running. Follow it with "
            + "GET …/runs/{runId}.")
    public Response trigger(@PathParam("id") UUID id, @Valid @NotNull RunRequest request) {
        connections.find(caller.tenantId(), id);
        SyncRun run = runs.trigger(id, request.mode()).orElseThrow(() -> new ConflictException("run.inProgress"));
        return Response.accepted(view(run)).build();
    }

    @GET
    @Operation(summary = "List runs", description = "Newest first.")
    public Page<RunResponse> list(@PathParam("id") UUID id, @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        connections.find(caller.tenantId(), id);
        return runs.list(id, page, size).map(RunResource::view);
    }

    @GET
    @Path("/{runId}")
    @Operation(summary = "Get a run", description = "Its status and counts so far (progress while it runs).")
    public RunResponse get(@PathParam("id") UUID id, @PathParam("runId") long runId) {
        connections.find(caller.tenantId(), id);
        return runs.find(id, runId).map(RunResource::view).orElseThrow(() -> new NotFoundException("run"));
    }

    private static RunResponse view(SyncRun r) {
        return new RunResponse(r.id, r.mode, r.triggeredBy, r.status, r.jobId, r.seen, r.created, r.updated,
                r.unchanged, r.conflicts, r.skipped, r.failed, r.message, r.queuedAt, r.startedAt, r.finishedAt);
    }

    public record RunRequest(@Schema(enumeration = { "incremental", "full", "catalog" }) @NotNull
            @Pattern(regexp = "incremental|full|catalog") String mode) {
    }

    public record RunResponse(long id, String mode, String triggeredBy,
            @Schema(enumeration = { "QUEUED", "RUNNING", "SUCCEEDED", "FAILED" }) String status, Long jobId, int seen,
            int created, int updated, int unchanged, int conflicts, int skipped, int failed, String message,
            Instant queuedAt, Instant startedAt, Instant finishedAt) {
    }
}
