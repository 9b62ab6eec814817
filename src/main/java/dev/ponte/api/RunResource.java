package dev.ponte.api;

import dev.ponte.connection.ConflictException;
import dev.ponte.connection.ConnectionService;
import dev.ponte.connection.InvalidInputException;
import dev.ponte.connection.NotFoundException;
import dev.ponte.engine.Page;
import dev.ponte.engine.RunService;
import dev.ponte.engine.SyncRun;
import dev.ponte.flow.Backfill;
import dev.ponte.flow.ConnectionDirectory;
import dev.ponte.flow.ConnectionDirectory.ConnectionView;
import dev.ponte.flow.DryRun;
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

    private final ConnectionDirectory directory;
    private final DryRun dryRun;

    RunResource(RunService runs, ConnectionService connections, CallerContext caller, ConnectionDirectory directory,
            DryRun dryRun) {
        this.runs = runs;
        this.connections = connections;
        this.caller = caller;
        this.directory = directory;
        this.dryRun = dryRun;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a run", description = "Queues an incremental or full reconciliation, a catalogue "
            + "import (catalog), or a backfill (R2) of the deals won from `from` to `to`, before the activation too, "
            + "on an enabled connection (preview it first with POST …/dry-run); 409 while another run of the "
            + "connection is queued or running. Follow it with GET …/runs/{runId}.")
    public Response trigger(@PathParam("id") UUID id, @Valid @NotNull RunRequest request) {
        connections.find(caller.tenantId(), id);
        String parameters = "";
        if (RunService.BACKFILL.equals(request.mode())) {
            ConnectionView connection = directory.find(id).orElseThrow(() -> new NotFoundException("connection"));
            Backfill range = range(request.from(), request.to(), connection, dryRun);
            if (!connection.active()) {
                throw new ConflictException("backfill.inactive");
            }
            parameters = range.json();
        }
        SyncRun run = runs.trigger(id, request.mode(), parameters)
                .orElseThrow(() -> new ConflictException("run.inProgress"));
        return Response.accepted(view(run)).build();
    }

    /** The range of a backfill or a dry run, checked: both ends given, in order, for a connection that has deals. */
    static Backfill range(Instant from, Instant to, ConnectionView connection, DryRun dryRun) {
        if (from == null || to == null) {
            throw new InvalidInputException(from == null ? "from" : "to", "range.required");
        }
        if (!to.isAfter(from)) {
            throw new InvalidInputException("to", "range.order");
        }
        if (!dryRun.offered(connection)) {
            throw new InvalidInputException("flows", "range.notOffered");
        }
        return new Backfill(from, to);
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

    public record RunRequest(@Schema(enumeration = { "incremental", "full", "catalog", "backfill" }) @NotNull
            @Pattern(regexp = "incremental|full|catalog|backfill") String mode,
            @Schema(description = "backfill only (R2): the deals won from this time on", example = "2026-01-01T00:00:00Z")
            Instant from,
            @Schema(description = "backfill only: … and before this time", example = "2026-04-01T00:00:00Z")
            Instant to) {
    }

    public record RunResponse(long id, String mode, String triggeredBy,
            @Schema(enumeration = { "QUEUED", "RUNNING", "SUCCEEDED", "FAILED" }) String status, Long jobId, int seen,
            int created, int updated, int unchanged, int conflicts, int skipped, int failed, String message,
            Instant queuedAt, Instant startedAt, Instant finishedAt) {
    }
}
