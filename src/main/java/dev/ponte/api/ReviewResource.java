package dev.ponte.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponte.connection.ConnectionService;
import dev.ponte.connection.InvalidInputException;
import dev.ponte.connection.NotFoundException;
import dev.ponte.engine.Job;
import dev.ponte.engine.JobEngine;
import dev.ponte.engine.JobService;
import dev.ponte.engine.JobStatus;
import dev.ponte.engine.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The review list (R60): work that waits for a person's choice between equally good candidates, such as two ledger
 * customers with the same name, and the call that makes it.
 */
@Path("/api/v1/connections/{id}/reviews")
@Tag(name = "Reviews", description = "Work waiting for a person's choice: an ambiguous customer match (R60)")
public class ReviewResource {

    private final JobService jobs;
    private final ConnectionService connections;
    private final CallerContext caller;
    private final ObjectMapper json;

    ReviewResource(JobService jobs, ConnectionService connections, CallerContext caller, ObjectMapper json) {
        this.jobs = jobs;
        this.connections = connections;
        this.caller = caller;
        this.json = json;
    }

    @GET
    @Operation(summary = "List what waits for a choice", description = "Newest first: each waiting job, the field "
            + "to choose (e.g. customer), why, and the candidates found in the ledger.")
    public Page<Review> list(@PathParam("id") UUID id, @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        connections.find(caller.tenantId(), id);
        return jobs.reviews(id, page, size).map(this::view);
    }

    @POST
    @Path("/{jobId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Choose", description = "Picks one of the candidates (`ledgerId`) or a new record "
            + "(`createNew`), and runs the job again with that choice; the choice is linked, so the same customer's "
            + "next deals reuse it.")
    public Review choose(@PathParam("id") UUID id, @PathParam("jobId") long jobId,
            @Valid @NotNull ChoiceRequest request) {
        connections.find(caller.tenantId(), id);
        Job job = jobs.find(jobId).filter(j -> j.connectionId().equals(id)).orElseThrow(() -> new NotFoundException(
                "review"));
        Review review = view(job);
        if (review.field() == null) {
            throw new NotFoundException("review");
        }
        boolean createNew = Boolean.TRUE.equals(request.createNew());
        if (createNew == (request.ledgerId() != null)) {
            throw new InvalidInputException("ledgerId", "review.oneChoice");
        }
        if (!createNew && review.candidates().stream().noneMatch(c -> c.id().equals(request.ledgerId()))) {
            throw new InvalidInputException("ledgerId", "review.notACandidate");
        }
        if (!jobs.choose(job, review.field(), createNew ? JobService.CREATE_NEW : request.ledgerId())) {
            throw new NotFoundException("review");
        }
        return review;
    }

    /** The review of a job that waits for a choice; its field null when the job waits for none. */
    private Review view(Job job) {
        JsonNode problem = null;
        try {
            problem = job.lastError() == null ? null : json.readTree(job.lastError());
        } catch (JsonProcessingException e) {
            // not a problem document, so not a review
        }
        if (job.status() != JobStatus.DEAD || problem == null
                || !JobEngine.REVIEW_TYPE.equals(problem.path("type").textValue())) {
            return new Review(job.id(), job.subject(), null, null, List.of(), job.finishedAt());
        }
        List<Candidate> candidates = new ArrayList<>();
        problem.path("candidates").forEach(c -> candidates.add(new Candidate(c.path("id").asText(),
                c.path("name").textValue(), c.path("document").textValue())));
        return new Review(job.id(), job.subject(), problem.path("field").textValue(),
                problem.path("detail").textValue(), candidates, job.finishedAt());
    }

    public record Review(long jobId, @Schema(description = "The record waiting, e.g. pipedrive:deal:8") String subject,
            @Schema(description = "What to choose, e.g. customer or supplier") String field, String reason,
            List<Candidate> candidates, Instant since) {
    }

    public record Candidate(@Schema(description = "Its id in the ledger") String id, String name,
            @Schema(description = "Its CPF/CNPJ, masked as in the history") String document) {
    }

    public record ChoiceRequest(@Schema(description = "One of the candidates' ids") String ledgerId,
            @Schema(description = "true for a new record instead of any candidate") Boolean createNew) {
    }
}
