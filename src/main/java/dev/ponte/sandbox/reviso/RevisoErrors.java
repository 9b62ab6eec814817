package dev.ponte.sandbox.reviso;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reviso's error bodies, in one place because most of them are guesses. Verified: the 401 body
 * {@code {developerHint, httpStatusCode, logId, logTime, message}} (specs/reviso/error-401.example.json) and the three
 * messages of the CRM in Cloud help page (shared/seeds/crm-in-cloud-to-contabilita-in-cloud.it.txt), kept verbatim,
 * "supplier" included. Guessed, after the e-conomic REST API of the same family: {@code errorCode} values, the
 * 400 body's {@code errors} object keyed by property ({@code {"name": {"errors": [{"propertyName", "errorMessage",
 * "errorCode"}]}}}), the 404 wording and the messages of unknown references.
 */
final class RevisoErrors {

    static final String LOGIN_FAILED = "Login to API server failed.";
    static final String LOGIN_HINT = "Please take a look at https://rest.reviso.com and follow the links to help on "
            + "authorization, or use the word demo for both tokens.";
    static final String SCHEMA_FAILED = "Schema validation failed.";
    static final String VALIDATION_FAILED = "Validation failed.";
    static final String PROVINCE_WITHOUT_COUNTRY =
            "Could not %s customer. A supplier needs to have a country code to be able to have a province.";
    static final String VAT_ZONE_NOT_VALID =
            "Could not %s customer. The chosen VAT zone is not valid for the country in which your agreement exists.";
    static final String REQUIRED = "Property is required.";
    static final String NOT_FOUND = "%s not found.";
    static final String PRODUCT_NOT_FOUND = "Product '%s' not found.";
    static final String DUPLICATE_PRODUCT = "Product number '%s' is already in use.";
    static final String BAD_FILTER = "The filter '%s' could not be parsed.";
    static final String BAD_PAGING = "pagesize must be between 1 and %d, skippages at least 0.";
    static final String DEMO_READ_ONLY = "The demo agreement is read-only.";

    /** One property at fault in a 400 body. */
    record PropertyError(String property, String message) {
    }

    private RevisoErrors() {
    }

    static Response body(int status, String message) {
        return body(status, message, errorCode(status), List.of());
    }

    static Response body(int status, String message, String errorCode, List<PropertyError> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (status == 401) {
            body.put("developerHint", LOGIN_HINT);
        } else {
            body.put("message", message);
            body.put("errorCode", errorCode);
            body.put("developerHint", status == 400 ? "Inspect the errors and correct your request." : null);
        }
        body.put("httpStatusCode", status);
        body.put("logId", UUID.randomUUID().toString());
        body.put("logTime", LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString());
        if (status == 401) {
            body.put("message", message);
        }
        if (!errors.isEmpty()) {
            Map<String, Object> byProperty = new LinkedHashMap<>();
            for (PropertyError e : errors) {
                byProperty.put(e.property(), Map.of("errors", List.of(Map.of("propertyName", e.property(),
                        "errorMessage", e.message(), "errorCode", "E06000"))));
            }
            body.put("errors", byProperty);
            body.put("errorCount", errors.size());
        }
        body.values().removeIf(java.util.Objects::isNull);
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }

    static WebApplicationException unauthorized() {
        return new WebApplicationException(body(401, LOGIN_FAILED));
    }

    static WebApplicationException schema(List<PropertyError> errors) {
        return new WebApplicationException(body(400, SCHEMA_FAILED, "E00500", errors));
    }

    static WebApplicationException invalid(String property, String message) {
        return new WebApplicationException(body(400, VALIDATION_FAILED, "E04300",
                List.of(new PropertyError(property, message))));
    }

    /** A business rule of the customer (the seed's messages), without per-property errors. */
    static WebApplicationException customerRule(String format, boolean create) {
        return new WebApplicationException(body(400, String.format(format, create ? "create" : "update"),
                "E04300", List.of()));
    }

    static WebApplicationException badRequest(String message) {
        return new WebApplicationException(body(400, message));
    }

    static WebApplicationException notFound(String what) {
        return new WebApplicationException(body(404, String.format(NOT_FOUND, what)));
    }

    private static String errorCode(int status) {
        return switch (status) {
            case 400 -> "E04300";
            case 403 -> "E03000";
            case 404 -> "E07000";
            case 429 -> "E08000";
            default -> "E00000";
        };
    }
}
