package dev.ponte.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.ponte.connection.ConflictException;
import dev.ponte.connection.InvalidInputException;
import dev.ponte.connection.NotFoundException;
import dev.ponte.connector.CredentialsFailure;
import dev.ponte.connector.RejectedFailure;
import dev.ponte.connector.TransientFailure;
import io.quarkus.logging.Log;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error leaves as RFC 9457 problem+json, in the caller's language, naming the fields at fault; never a class
 * name or a stack trace.
 */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response invalid(InvalidInputException e, HttpHeaders headers) {
        Messages m = Messages.of(headers);
        return validation(m, e.violations().stream()
                .map(v -> new Problem.FieldProblem(v.field(), m.get(v.key(), render(v.args())))).toList());
    }

    @ServerExceptionMapper
    public Response constraint(ConstraintViolationException e, HttpHeaders headers) {
        Messages m = Messages.of(headers);
        return validation(m, e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldProblem(leaf(v.getPropertyPath().toString()), v.getMessage())).toList());
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, HttpHeaders headers) {
        Messages m = Messages.of(headers);
        return badRequest(m, new Problem.FieldProblem(path(e), m.get("field.unknown")));
    }

    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e, HttpHeaders headers) {
        Messages m = Messages.of(headers);
        return badRequest(m, new Problem.FieldProblem(path(e), m.get("field.type", jsonType(e.getTargetType()))));
    }

    @ServerExceptionMapper
    public Response mapping(JsonMappingException e, HttpHeaders headers) {
        Messages m = Messages.of(headers);
        return badRequest(m, new Problem.FieldProblem(path(e), m.get("field.type", "?")));
    }

    @ServerExceptionMapper
    public Response malformed(JsonParseException e, HttpHeaders headers) {
        return malformedBody(e, headers);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, HttpHeaders headers) {
        return malformedBody(e, headers);
    }

    @ServerExceptionMapper
    public Response rejected(RejectedFailure e, HttpHeaders headers) {
        Messages m = Messages.of(headers);
        return new Problem("urn:ponte:problem:rejected", m.get("problem.rejected"), 422, e.getMessage(),
                e.errors().stream().map(f -> new Problem.FieldProblem(f.field(), f.message())).toList()).toResponse();
    }

    @ServerExceptionMapper
    public Response credentials(CredentialsFailure e, HttpHeaders headers) {
        Messages m = Messages.of(headers);
        return new Problem("urn:ponte:problem:credentials", m.get("problem.credentials"), 422, e.getMessage(),
                List.of(new Problem.FieldProblem("credentials", m.get("problem.credentials")))).toResponse();
    }

    @ServerExceptionMapper
    public Response unavailable(TransientFailure e, HttpHeaders headers) {
        Messages m = Messages.of(headers);
        Response problem = new Problem("urn:ponte:problem:unavailable", m.get("problem.unavailable"), 503,
                e.getMessage(), null).toResponse();
        return e.retryAfter().map(d -> Response.fromResponse(problem).header("Retry-After", d.toSeconds()).build())
                .orElse(problem);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, HttpHeaders headers) {
        Messages m = Messages.of(headers);
        String what = e.getMessage().replace(" not found", "");
        return new Problem("urn:ponte:problem:not-found", m.get("problem.notFound"), 404,
                m.get("problem.notFound.detail", what), null).toResponse();
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e, HttpHeaders headers) {
        Messages m = Messages.of(headers);
        return new Problem("urn:ponte:problem:conflict", m.get("problem.conflict"), 409, m.get(e.key()), null)
                .toResponse();
    }

    @ServerExceptionMapper
    public Response forbidden(CallerContext.ForbiddenException e, HttpHeaders headers) {
        Messages m = Messages.of(headers);
        return new Problem("urn:ponte:problem:forbidden", m.get("problem.forbidden"), 403,
                m.get("problem.forbidden.detail"), null).toResponse();
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, HttpHeaders headers) {
        Messages m = Messages.of(headers);
        int status = e.getResponse().getStatus();
        if (status == 413) {
            return new Problem("urn:ponte:problem:too-large", m.get("problem.tooLarge"), 413,
                    m.get("problem.tooLarge.detail"), null).toResponse();
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return json instanceof MismatchedInputException mismatch ? wrongType(mismatch, headers)
                    : malformedBody(json, headers);
        }
        if (status == 404) {
            return new Problem("urn:ponte:problem:not-found", m.get("problem.notFound"), 404,
                    m.get("problem.notFound.detail", "resource"), null).toResponse();
        }
        String reason = e.getResponse().getStatusInfo().getReasonPhrase();
        return Response.fromResponse(new Problem("urn:ponte:problem:http-" + status, m.get("problem.http"), status,
                reason, null).toResponse()).build();
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e, HttpHeaders headers) {
        Log.errorf(e, "Unexpected error answering a request");
        Messages m = Messages.of(headers);
        return new Problem("urn:ponte:problem:internal", m.get("problem.internal"), 500,
                m.get("problem.internal.detail"), null).toResponse();
    }

    private Response malformedBody(JsonProcessingException e, HttpHeaders headers) {
        Messages m = Messages.of(headers);
        String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr();
        return new Problem("urn:ponte:problem:malformed", m.get("problem.malformed"), 400,
                m.get("problem.malformed.detail", where), null).toResponse();
    }

    private static Response validation(Messages m, List<Problem.FieldProblem> errors) {
        return new Problem("urn:ponte:problem:validation", m.get("problem.validation"), 422,
                m.get("problem.validation.detail"), errors).toResponse();
    }

    private static Response badRequest(Messages m, Problem.FieldProblem error) {
        return new Problem("urn:ponte:problem:validation", m.get("problem.validation"), 400,
                m.get("problem.validation.detail"), List.of(error)).toResponse();
    }

    /** The JSON path of the value Jackson choked on, e.g. {@code settings.jobsPerSecond} or {@code flows[0]}. */
    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "body" : path.toString();
    }

    private static String jsonType(Class<?> type) {
        if (type == null) {
            return "?";
        }
        if (CharSequence.class.isAssignableFrom(type) || type.isEnum() || type == java.util.UUID.class) {
            return "string";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        return Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.") ? "object" : "?";
    }

    /** "list.arg1.size" → "size": the parameter name a caller knows. */
    private static String leaf(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

    private static Object[] render(Object[] args) {
        Object[] rendered = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            rendered[i] = args[i] instanceof Collection<?> c ? String.join(", ", c.stream().map(String::valueOf)
                    .sorted().toList()) : args[i];
        }
        return rendered;
    }
}
