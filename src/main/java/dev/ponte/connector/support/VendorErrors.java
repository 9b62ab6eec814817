package dev.ponte.connector.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponte.connector.CredentialsFailure;
import dev.ponte.connector.RejectedFailure;
import dev.ponte.connector.RejectedFailure.FieldError;
import dev.ponte.connector.TransientFailure;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;

/**
 * One vendor's HTTP errors in Ponte's terms (STYLE habit 3), for its API's {@code @ClientExceptionMapper}:
 * {@code return ERRORS.toFailure(response);}. The status switch is the same for every vendor; a subclass says only
 * what is the vendor's own: its phrase for refused credentials, where its body keeps the message ({@link #message})
 * and the field errors ({@link #fieldErrors}), and, where its rules differ, the other hooks.
 */
public abstract class VendorErrors {

    private final String vendor;
    private final String unauthorized;

    /**
     * {@code vendor}: the product name the messages use, e.g. "Pipedrive"; {@code unauthorized}: what a refused
     * credential means, saying what a person should do.
     */
    protected VendorErrors(String vendor, String unauthorized) {
        this.vendor = vendor;
        this.unauthorized = unauthorized;
    }

    public final String vendor() {
        return vendor;
    }

    /**
     * Every status of 400 and above: the credentials refused → {@link CredentialsFailure}; 429 → rate limited with the
     * vendor's retry hint; 5xx and 408 → {@link TransientFailure}; 404 → {@link NotFound}; anything else →
     * {@link RejectedFailure} with the body's field errors.
     */
    public final RuntimeException toFailure(Response response) {
        int status = response.getStatus();
        if (status == 429) {
            return TransientFailure.rateLimited(retryAfter(response));
        }
        JsonNode body = ErrorBody.read(response);
        if (refusesCredentials(status)) {
            return unauthorized(status, body);
        }
        if (status >= 500 || status == 408) {
            return unavailable(status, body, response);
        }
        if (status == 404) {
            return new NotFound(notFound(body));
        }
        return rejected(status, body);
    }

    /** The statuses that mean the connection's credentials are refused; 401 unless the vendor uses more. */
    protected boolean refusesCredentials(int status) {
        return status == 401;
    }

    /** Refused credentials, in the vendor's phrase. */
    protected CredentialsFailure unauthorized(int status, JsonNode body) {
        return new CredentialsFailure(unauthorized);
    }

    /** The message of an error body, or null: e.g. its first text field among the names the vendor uses. */
    protected abstract String message(JsonNode body);

    /** The fields an error body blames; none unless the vendor's body names them. */
    protected List<FieldError> fieldErrors(JsonNode body) {
        return List.of();
    }

    /** The wait a 429 asks for: {@code Retry-After} in seconds, unless the vendor has its own header. */
    protected Duration retryAfter(Response response) {
        return ErrorBody.retryAfter(response, HttpHeaders.RETRY_AFTER);
    }

    /**
     * A 5xx or 408: worth trying again later, by the job engine. No retry hint by default, so a connector's short
     * retry never repeats a request the vendor may have half processed.
     */
    protected TransientFailure unavailable(int status, JsonNode body, Response response) {
        String message = message(body);
        return new TransientFailure(vendor + " answered " + status + ": " + (message == null ? "no details" : message),
                null, null);
    }

    /** What a 404 is where the record had to exist. */
    protected RejectedFailure notFound(JsonNode body) {
        return new RejectedFailure(vendor + " has no such record", List.of());
    }

    /** Any other refusal: the vendor's message and the fields it blames. */
    protected RejectedFailure rejected(int status, JsonNode body) {
        String message = message(body);
        return new RejectedFailure(vendor + " refused the request (" + status + ")"
                + (message == null ? "" : ": " + message), fieldErrors(body));
    }
}
