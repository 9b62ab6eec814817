package dev.ponte.connector.moskit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponte.connector.support.ErrorBody;
import dev.ponte.connector.support.VendorErrors;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;

/**
 * Moskit's errors. No error body is documented (community code only logs the text), so the message is taken from
 * whichever of {@code message}/{@code error} is text; whether 403 also means a wrong key is unknown, so both 401 and
 * 403 are taken as refused credentials.
 */
final class MoskitFailures extends VendorErrors {

    static final MoskitFailures ERRORS = new MoskitFailures();

    private MoskitFailures() {
        super("Moskit", "Moskit refused the API key: generate one in Moskit (Marketplace › API pública do Moskit CRM) "
                + "and reconnect");
    }

    @Override
    protected boolean refusesCredentials(int status) {
        return status == 401 || status == 403;
    }

    @Override
    protected String message(JsonNode body) {
        return ErrorBody.firstText(body, "message", "error");
    }

    /** {@code retry-after} on a 429; else {@code ratelimit-reset}, the seconds until the per-second window reopens. */
    @Override
    protected Duration retryAfter(Response response) {
        return ErrorBody.retryAfter(response, HttpHeaders.RETRY_AFTER, "ratelimit-reset");
    }
}
