package dev.ponte.api;

import dev.ponte.connection.ConnectionService;
import dev.ponte.engine.HistoryEntry;
import dev.ponte.engine.Page;
import dev.ponte.engine.RecordLink;
import dev.ponte.engine.RecordService;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A connection's links (which record is which on each side) and history (what happened, and why). */
@Path("/api/v1/connections/{id}")
@Tag(name = "Records", description = "Links and history of a connection's records (R51, R62)")
public class RecordResource {

    private final RecordService records;
    private final ConnectionService connections;
    private final CallerContext caller;

    RecordResource(RecordService records, ConnectionService connections, CallerContext caller) {
        this.records = records;
        this.connections = connections;
        this.caller = caller;
    }

    @GET
    @Path("/links")
    @Operation(summary = "List links", description = "Newest first; filter by entity type (e.g. customer, sale).")
    public Page<LinkResponse> links(@PathParam("id") UUID id, @QueryParam("entityType") String entityType,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        connections.find(caller.tenantId(), id);
        return records.links(id, entityType, page, size).map(RecordResource::view);
    }

    @GET
    @Path("/history")
    @Operation(summary = "List history", description = "Newest first; filter by subject (e.g. pipedrive:deal:8712).")
    public Page<HistoryResponse> history(@PathParam("id") UUID id, @QueryParam("subject") String subject,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        connections.find(caller.tenantId(), id);
        return records.history(id, subject, page, size).map(RecordResource::view);
    }

    private static LinkResponse view(RecordLink l) {
        return new LinkResponse(l.entityType, l.sourceId, l.ledgerId, l.sourceVersion, l.ledgerVersion, l.createdAt,
                l.updatedAt);
    }

    private static HistoryResponse view(HistoryEntry h) {
        return new HistoryResponse(h.id, h.subject, h.jobId, h.action, h.outcome, h.message, h.createdAt);
    }

    public record LinkResponse(String entityType, String sourceId, String ledgerId, String sourceVersion,
            String ledgerVersion, Instant createdAt, Instant updatedAt) {
    }

    public record HistoryResponse(long id, String subject, Long jobId, String action, String outcome, String message,
            Instant createdAt) {
    }
}
