package dev.ponte.connector.contaazul;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponte.connector.CredentialsFailure;
import dev.ponte.connector.RejectedFailure;
import dev.ponte.connector.RejectedFailure.FieldError;
import dev.ponte.connector.SyncFailure;
import dev.ponte.connector.TransientFailure;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Conta Azul's HTTP errors in Ponte's terms. The error body is undocumented apart from the quotes spec's
 * {@code {"error": "…"}} (conta-azul-proposal-openapi.yml), so every guess about its shape lives here: the message is
 * read from {@code error}, {@code message} or {@code mensagem}; field errors from an {@code errors}/{@code erros}
 * array when present, whose items may be field/message objects or plain strings, else from the "O campo 'x' …"
 * phrasing of the message itself.
 */
final class ContaAzulFailures {

    static final String UNAUTHORIZED = "Conta Azul refused the access token (401)";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FIELD_IN_MESSAGE = Pattern.compile("[Cc]ampo '([^']+)'");
    /**
     * The refusal of a {@code numero} already in use. The live wording is unknown; the sandbox says "Já existe uma
     * venda com o número N" (and "um contrato" for contracts).
     */
    private static final Pattern DUPLICATE_NUMBER = Pattern.compile("(?i)j[aá] existe .*n[uú]mero");

    private ContaAzulFailures() {
    }

    /** For {@code @ClientExceptionMapper} of the API: every status of 400 and above. */
    static RuntimeException fromApi(Response response) {
        int status = response.getStatus();
        if (status == 401) {
            return new CredentialsFailure(UNAUTHORIZED);
        }
        if (status == 429) {
            return TransientFailure.rateLimited(retryAfter(response));
        }
        if (status >= 500 || status == 408) {
            return new TransientFailure("Conta Azul answered " + status + ": " + message(read(response), "no details"),
                    null, null);
        }
        return rejected(status, read(response));
    }

    /**
     * For the token endpoint: {@code invalid_grant} (revoked, expired or already rotated refresh token, used code) and
     * {@code invalid_client} mean a person must reconnect or fix the client registration.
     */
    static RuntimeException fromOAuth(Response response) {
        int status = response.getStatus();
        if (status == 429) {
            return TransientFailure.rateLimited(retryAfter(response));
        }
        if (status >= 500) {
            return new TransientFailure("Conta Azul's authorization server answered " + status, null, null);
        }
        JsonNode body = read(response);
        String error = body.path("error").asText("");
        String description = body.path("error_description").asText("");
        return new CredentialsFailure("Conta Azul refused the authorization (" + (error.isEmpty() ? status : error)
                + (description.isEmpty() ? "" : ": " + description) + "); reconnect the account");
    }

    /** Timeouts, resets and bodies that cannot be read are worth retrying; mapped failures pass through. */
    static SyncFailure fromTransport(ProcessingException e) {
        if (e.getCause() instanceof SyncFailure failure) {
            return failure;
        }
        return new TransientFailure("no usable answer from Conta Azul (timeout, connection lost or unreadable body)",
                null, e);
    }

    /** A status the mapper left alone, should one slip through. */
    static SyncFailure fromWebApplication(WebApplicationException e) {
        RuntimeException mapped = fromApi(e.getResponse());
        return mapped instanceof SyncFailure failure ? failure
                : new TransientFailure("Conta Azul answered " + e.getResponse().getStatus(), null, e);
    }

    static boolean isDuplicateNumber(RejectedFailure failure) {
        return DUPLICATE_NUMBER.matcher(failure.getMessage()).find();
    }

    private static RejectedFailure rejected(int status, JsonNode body) {
        String message = message(body, "Conta Azul refused the request (" + status + ")");
        List<FieldError> errors = new ArrayList<>();
        JsonNode list = body.has("errors") ? body.get("errors") : body.path("erros");
        List<String> details = new ArrayList<>();
        for (JsonNode item : list) {
            // Items come as {"field", "message"} objects or as plain strings: both shapes are reported.
            String field = item.isTextual() ? fieldIn(item.asText()) : first(item, "field", "campo");
            String text = item.isTextual() ? item.asText() : first(item, "message", "mensagem");
            if (field != null || text != null) {
                errors.add(new FieldError(field == null ? "body" : field, text == null ? message : text));
            }
            if (text != null && !message.contains(text)) {
                details.add(text);
            }
        }
        if (errors.isEmpty() && fieldIn(message) != null) {
            errors.add(new FieldError(fieldIn(message), message));
        }
        // A generic "validation failed" says nothing a person can act on: the items' own words follow it.
        return new RejectedFailure(details.isEmpty() ? message : message + ": " + String.join("; ", details), errors);
    }

    /** The field named by Conta Azul's "O campo 'x' …" phrasing, or null. */
    private static String fieldIn(String text) {
        Matcher m = FIELD_IN_MESSAGE.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    private static String message(JsonNode body, String fallback) {
        String text = first(body, "error", "message", "mensagem");
        return text == null || text.isBlank() ? fallback : text;
    }

    private static String first(JsonNode node, String... fields) {
        for (String field : fields) {
            JsonNode value = node.get(field);
            if (value != null && value.isTextual()) {
                return value.asText();
            }
        }
        return null;
    }

    private static JsonNode read(Response response) {
        try {
            String text = response.readEntity(String.class);
            return text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
        } catch (RuntimeException | java.io.IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static Duration retryAfter(Response response) {
        return TransientFailure.parseRetryAfter(response.getHeaderString(HttpHeaders.RETRY_AFTER));
    }
}
