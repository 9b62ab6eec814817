package dev.ponte.connector.nuvemshop;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponte.connector.RejectedFailure.FieldError;
import dev.ponte.connector.support.ErrorBody;
import dev.ponte.connector.support.VendorErrors;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Nuvemshop's errors [V README]: 400 {@code {"error": "…"}}, 422 a map of field → messages, the generic ones with a
 * {@code message} or {@code description}; a 429's wait is {@code x-rate-limit-reset}, the milliseconds until the
 * store's bucket is empty.
 */
final class NuvemshopFailures extends VendorErrors {

    static final NuvemshopFailures ERRORS = new NuvemshopFailures();
    /** Keys of the generic error body, not fields. */
    private static final Set<String> NOT_FIELDS = Set.of("code", "message", "description", "error");

    private NuvemshopFailures() {
        super("Nuvemshop", "Nuvemshop refused the app's access token (401): the app was uninstalled or installed "
                + "again; install it again from the connection's consent link (oauth/authorize?side=source)");
    }

    @Override
    protected String message(JsonNode body) {
        return ErrorBody.firstText(body, "description", "message", "error");
    }

    /** 422's {@code {"url": ["invalid url specified"]}}: every other key of the body is a field. */
    @Override
    protected List<FieldError> fieldErrors(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        body.fields().forEachRemaining(e -> {
            if (!NOT_FIELDS.contains(e.getKey()) && e.getValue().isArray()) {
                e.getValue().forEach(m -> errors.add(new FieldError(e.getKey(), m.asText())));
            } else if (!NOT_FIELDS.contains(e.getKey()) && e.getValue().isTextual()) {
                errors.add(new FieldError(e.getKey(), e.getValue().asText()));
            }
        });
        return errors;
    }

    /**
     * A 429's {@code Retry-After} in seconds when it carries one; else the bucket's headers: a 429 means the bucket is
     * full, {@code x-rate-limit-reset} is how long it takes to empty, so one request's room frees after that divided
     * by {@code x-rate-limit-limit} (the bucket's size); else the whole reset.
     */
    @Override
    protected Duration retryAfter(Response response) {
        Duration told = ErrorBody.retryAfter(response, HttpHeaders.RETRY_AFTER);
        String reset = response.getHeaderString("x-rate-limit-reset");
        if (told != null || reset == null || !reset.strip().matches("\\d{1,9}")) {
            return told;
        }
        long millis = Long.parseLong(reset.strip());
        String limit = response.getHeaderString("x-rate-limit-limit");
        if (limit != null && limit.strip().matches("\\d{1,6}") && Long.parseLong(limit.strip()) > 0) {
            millis = (millis + Long.parseLong(limit.strip()) - 1) / Long.parseLong(limit.strip());
        }
        return Duration.ofMillis(Math.max(1, millis));
    }
}
