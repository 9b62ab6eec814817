package dev.ponte.connector.contaazul;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponte.connector.CredentialsFailure;
import dev.ponte.connector.RejectedFailure;
import dev.ponte.connector.RejectedFailure.FieldError;
import dev.ponte.connector.TransientFailure;
import dev.ponte.connector.support.ErrorBody;
import dev.ponte.connector.support.VendorErrors;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
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
final class ContaAzulFailures extends VendorErrors {

    static final String UNAUTHORIZED = "Conta Azul refused the access token (401)";
    static final ContaAzulFailures ERRORS = new ContaAzulFailures();
    private static final Pattern FIELD_IN_MESSAGE = Pattern.compile("[Cc]ampo '([^']+)'");
    /**
     * The refusal of a {@code numero} already in use. The live wording is unknown; the sandbox says "Já existe uma
     * venda com o número N" (and "um contrato" for contracts).
     */
    private static final Pattern DUPLICATE_NUMBER = Pattern.compile("(?i)j[aá] existe .*n[uú]mero");

    private ContaAzulFailures() {
        super("Conta Azul", UNAUTHORIZED);
    }

    /** Conta Azul's 404 says what is missing in its own words, as any other refusal does. */
    @Override
    protected RejectedFailure notFound(JsonNode body) {
        return rejected(404, body);
    }

    /**
     * For the token endpoint: {@code invalid_grant} (revoked, expired or already rotated refresh token, used code) and
     * {@code invalid_client} mean a person must reconnect or fix the client registration.
     */
    static RuntimeException fromOAuth(Response response) {
        int status = response.getStatus();
        if (status == 429) {
            return TransientFailure.rateLimited(ErrorBody.retryAfter(response, HttpHeaders.RETRY_AFTER));
        }
        if (status >= 500) {
            return new TransientFailure("Conta Azul's authorization server answered " + status, null, null);
        }
        JsonNode body = ErrorBody.read(response);
        String error = body.path("error").asText("");
        String description = body.path("error_description").asText("");
        return new CredentialsFailure("Conta Azul refused the authorization (" + (error.isEmpty() ? status : error)
                + (description.isEmpty() ? "" : ": " + description) + "); reconnect the account");
    }

    static boolean isDuplicateNumber(RejectedFailure failure) {
        return DUPLICATE_NUMBER.matcher(failure.getMessage()).find();
    }

    @Override
    protected RejectedFailure rejected(int status, JsonNode body) {
        String given = message(body);
        String message = given == null ? "Conta Azul refused the request (" + status + ")" : given;
        List<FieldError> errors = new ArrayList<>();
        JsonNode list = body.has("errors") ? body.get("errors") : body.path("erros");
        List<String> details = new ArrayList<>();
        for (JsonNode item : list) {
            // Items come as {"field", "message"} objects or as plain strings: both shapes are reported.
            String field = item.isTextual() ? fieldIn(item.asText()) : ErrorBody.firstText(item, "field", "campo");
            String text = item.isTextual() ? item.asText() : ErrorBody.firstText(item, "message", "mensagem");
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

    /** Read from {@code error}, {@code message} or {@code mensagem}; blank is none. */
    @Override
    protected String message(JsonNode body) {
        String text = ErrorBody.firstText(body, "error", "message", "mensagem");
        return text == null || text.isBlank() ? null : text;
    }
}
