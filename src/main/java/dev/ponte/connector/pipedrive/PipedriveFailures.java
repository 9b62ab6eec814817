package dev.ponte.connector.pipedrive;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponte.connector.RejectedFailure.FieldError;
import dev.ponte.connector.support.ErrorBody;
import dev.ponte.connector.support.VendorErrors;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;

/**
 * Pipedrive's errors in its words: {@code {success:false, error, error_info}}, and addWebhook's 400 with
 * {@code errors{field:[…]}} instead.
 */
final class PipedriveFailures extends VendorErrors {

    static final PipedriveFailures ERRORS = new PipedriveFailures();

    private PipedriveFailures() {
        super("Pipedrive", "Pipedrive refused the API token (401): reconnect with a valid token");
    }

    @Override
    protected String message(JsonNode body) {
        String error = ErrorBody.firstText(body, "error");
        String info = ErrorBody.firstText(body, "error_info");
        return error == null ? null : info == null ? error : error + " (" + info + ")";
    }

    @Override
    protected List<FieldError> fieldErrors(JsonNode body) {
        return ErrorBody.fieldMessages(body.path("errors"));
    }

    /**
     * {@code Retry-After} in seconds when present (as Pipedrive and the sandbox send it); otherwise
     * {@code x-ratelimit-reset}, the seconds until the 2-second burst window reopens.
     */
    @Override
    protected Duration retryAfter(Response response) {
        return ErrorBody.retryAfter(response, HttpHeaders.RETRY_AFTER, "x-ratelimit-reset");
    }
}
