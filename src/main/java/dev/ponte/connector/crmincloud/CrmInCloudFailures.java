package dev.ponte.connector.crmincloud;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponte.connector.RejectedFailure.FieldError;
import dev.ponte.connector.TransientFailure;
import dev.ponte.connector.support.ErrorBody;
import dev.ponte.connector.support.VendorErrors;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * CRM in Cloud's errors in its words: ASP.NET Web API's {@code {"Message", "ModelState": {field: […]}}}. No
 * rate-limit docs were found, so {@code Retry-After} is read in seconds on a 429 and on a 5xx alike.
 */
final class CrmInCloudFailures extends VendorErrors {

    static final CrmInCloudFailures ERRORS = new CrmInCloudFailures();

    private CrmInCloudFailures() {
        super("CRM in Cloud", "CRM in Cloud refused the Web API key (401): give a valid key");
    }

    /** {@code ModelState}: field → messages, on a 400. */
    @Override
    protected List<FieldError> fieldErrors(JsonNode body) {
        return ErrorBody.fieldMessages(body.path("ModelState"));
    }

    @Override
    protected String message(JsonNode body) {
        return ErrorBody.firstText(body, "Message");
    }

    /** The port does not retry in seconds, so the hint goes to the job engine. */
    @Override
    protected TransientFailure unavailable(int status, JsonNode body, Response response) {
        TransientFailure failure = super.unavailable(status, body, response);
        return new TransientFailure(failure.getMessage(), retryAfter(response), null);
    }
}
