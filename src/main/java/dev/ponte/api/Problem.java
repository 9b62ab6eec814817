package dev.ponte.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem document; {@code errors} names each field at fault. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(examples = "urn:ponte:problem:validation") String type,
        @Schema(examples = "Invalid input") String title,
        @Schema(examples = "422") int status,
        @Schema(examples = "One or more fields are invalid; see errors.") String detail,
        List<FieldProblem> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);

    public Response toResponse() {
        return Response.status(status).type(PROBLEM_JSON).entity(this).build();
    }

    /** One field at fault, by its JSON path (e.g. {@code settings.schedule.full}), and why. */
    public record FieldProblem(@Schema(examples = "settings.jobsPerSecond") String field,
            @Schema(examples = "Must be a positive number.") String message) {
    }
}
