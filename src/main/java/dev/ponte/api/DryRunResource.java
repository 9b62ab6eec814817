package dev.ponte.api;

import dev.ponte.connection.ConnectionService;
import dev.ponte.connection.NotFoundException;
import dev.ponte.flow.Backfill;
import dev.ponte.flow.ConnectionDirectory;
import dev.ponte.flow.ConnectionDirectory.ConnectionView;
import dev.ponte.flow.DryRun;
import dev.ponte.flow.Preview;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Dry run (R61): what a connection would do with the deals won (orders paid) in a range, before it is enabled or backfilled. */
@Path("/api/v1/connections/{id}/dry-run")
@Tag(name = "Reconciliation", description = "Incremental and full reconciliation runs and their reports (R50)")
public class DryRunResource {

    static final int DEFAULT_LIMIT = 50;

    private final ConnectionService connections;
    private final ConnectionDirectory directory;
    private final DryRun dryRun;
    private final CallerContext caller;

    DryRunResource(ConnectionService connections, ConnectionDirectory directory, DryRun dryRun,
            CallerContext caller) {
        this.connections = connections;
        this.directory = directory;
        this.dryRun = dryRun;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Preview a range", description = "For each deal won (order paid) from `from` to `to` (at "
            + "most `limit` of them) and each of the connection's flows on them: what a backfill of that range would do — "
            + "CREATE, REUSE (already created), SKIP, REVIEW (would wait for a person's choice) or REFUSE — and every "
            + "decision that leads there (customer matched by CNPJ, product created: no code or name match…). Reads "
            + "the CRM and the ledger and writes nothing anywhere; works on a connection not yet enabled, once its "
            + "credentials are in.")
    public DryRunResponse preview(@PathParam("id") UUID id, @Valid @NotNull DryRunRequest request) {
        connections.find(caller.tenantId(), id);
        ConnectionView connection = directory.find(id).orElseThrow(() -> new NotFoundException("connection"));
        Backfill range = RunResource.range(request.from(), request.to(), connection, dryRun);
        DryRun.Result result = dryRun.preview(connection, range,
                request.limit() == null ? DEFAULT_LIMIT : request.limit());
        return new DryRunResponse(range.from(), range.to(), result.records(), result.truncated(), result.counts(),
                result.previews());
    }

    public record DryRunRequest(@Schema(example = "2026-01-01T00:00:00Z") Instant from,
            @Schema(example = "2026-04-01T00:00:00Z") Instant to,
            @Schema(description = "At most this many won deals or paid orders (default 50)") @Min(1) @Max(200) Integer limit) {
    }

    public record DryRunResponse(Instant from, Instant to,
            @Schema(description = "Won deals (paid orders) previewed") int records,
            @Schema(description = "true when the range has more of them than the limit") boolean truncated,
            Map<Preview.Outcome, Integer> counts, List<Preview> previews) {
    }
}
