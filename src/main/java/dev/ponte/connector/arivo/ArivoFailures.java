package dev.ponte.connector.arivo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponte.connector.RejectedFailure.FieldError;
import dev.ponte.connector.support.ErrorBody;
import dev.ponte.connector.support.VendorErrors;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Arivo's errors. Which body it really sends is unknown; its own MCP client accepts {@code {message}},
 * {@code {error}}, {@code {errors:[…]}} and {@code {errors:{field:[…]}}} (wave2-contracts §3), so all four are read.
 */
final class ArivoFailures extends VendorErrors {

    static final ArivoFailures ERRORS = new ArivoFailures();
    /** A reset value from here on is epoch seconds (2001 onwards), below it a number of seconds to wait. */
    private static final long EPOCH_LIKE = 1_000_000_000L;

    private ArivoFailures() {
        super("Arivo", "Arivo refused the API key (401): reconnect with a valid key from arivo.com.br/api_keys");
    }

    @Override
    protected String message(JsonNode body) {
        String message = ErrorBody.firstText(body, "message", "error");
        if (message == null && body.path("errors").isArray() && body.path("errors").size() > 0) {
            message = body.path("errors").get(0).asText();
        }
        return message;
    }

    @Override
    protected List<FieldError> fieldErrors(JsonNode body) {
        JsonNode errors = body.path("errors");
        if (errors.isObject()) {
            return ErrorBody.fieldMessages(errors);
        }
        List<FieldError> out = new ArrayList<>();
        errors.forEach(e -> out.add(new FieldError("body", e.asText())));
        return out;
    }

    /**
     * {@code Retry-After} in seconds, else {@code x-ratelimit-reset}, which the vendor's n8n node reads as epoch
     * seconds: as such it is turned into the seconds left (at least one); a small value is taken as seconds.
     */
    @Override
    protected Duration retryAfter(Response response) {
        Duration wait = ErrorBody.retryAfter(response, HttpHeaders.RETRY_AFTER);
        if (wait != null) {
            return wait;
        }
        String reset = response.getHeaderString("x-ratelimit-reset");
        if (reset == null || !reset.strip().matches("\\d{1,12}")) {
            return null;
        }
        long value = Long.parseLong(reset.strip());
        if (value < EPOCH_LIKE) {
            // Small enough to be seconds from now rather than a time.
            return Duration.ofSeconds(value);
        }
        long now = System.currentTimeMillis() / 1000;
        return Duration.ofSeconds(Math.max(1, value - now));
    }
}
