package dev.ponte.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponte.connection.ConnectionService;
import dev.ponte.connection.InvalidInputException;
import dev.ponte.connection.NotFoundException;
import dev.ponte.engine.Job;
import dev.ponte.engine.JobService;
import dev.ponte.engine.JobStatus;
import dev.ponte.engine.Page;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The durable jobs of a tenant's connections: what ran, what waits, what needs a person. */
@Path("/api/v1/jobs")
@Tag(name = "Jobs", description = "Durable work: filter, inspect, retry what is DEAD")
public class JobResource {

    private final JobService jobs;
    private final ConnectionService connections;
    private final CallerContext caller;
    private final ObjectMapper json;

    JobResource(JobService jobs, ConnectionService connections, CallerContext caller, ObjectMapper json) {
        this.jobs = jobs;
        this.connections = connections;
        this.caller = caller;
        this.json = json;
    }

    @GET
    @Operation(summary = "List jobs", description = "Newest first; filter by connection, status and subject.")
    public Page<JobResponse> list(@QueryParam("connectionId") UUID connectionId, @QueryParam("status") JobStatus status,
            @QueryParam("subject") String subject, @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        List<UUID> mine = connections.ids(caller.tenantId());
        return jobs.list(mine, connectionId, status, subject, page, size).map(this::view);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a job")
    public JobResponse get(@PathParam("id") long id) {
        return view(owned(id));
    }

    @POST
    @Path("/{id}/retry")
    @Operation(summary = "Retry a job", description = "Runs a DEAD (or waiting FAILED) job again now, with a fresh "
            + "attempt budget — after the cause has been fixed.")
    public JobResponse retry(@PathParam("id") long id) {
        owned(id);
        if (!jobs.retry(id)) {
            throw new InvalidInputException("status", "job.notRetryable");
        }
        return view(owned(id));
    }

    private Job owned(long id) {
        Job job = jobs.find(id).orElseThrow(() -> new NotFoundException("job"));
        if (!connections.ids(caller.tenantId()).contains(job.connectionId())) {
            throw new NotFoundException("job");
        }
        return job;
    }

    private JobResponse view(Job j) {
        return new JobResponse(j.id(), j.connectionId(), j.kind(), j.subject(), j.status(), j.attempts(),
                j.maxAttempts(), j.runAt(), j.reason(), parse(j.lastError()), j.createdAt(), j.startedAt(),
                j.finishedAt());
    }

    private JsonNode parse(String problem) {
        try {
            return problem == null ? null : json.readTree(problem);
        } catch (Exception e) {
            return json.getNodeFactory().textNode(problem);
        }
    }

    public record JobResponse(long id, UUID connectionId, String kind, String subject, JobStatus status, int attempts,
            int maxAttempts, Instant nextAttemptAt, String reason,
            @Schema(description = "The last failure as problem details (application/problem+json); a string where it "
                    + "was not recorded as JSON") JsonNode lastError, Instant createdAt,
            Instant startedAt, Instant finishedAt) {
    }
}
