package dev.ponte.connector.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponte.connector.RejectedFailure.FieldError;
import dev.ponte.connector.TransientFailure;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Reading a vendor's error answer: its body as JSON whatever it holds, its text fields, its retry hint. */
public final class ErrorBody {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ErrorBody() {
    }

    /** The body as a JSON tree; an empty object when there is none or it is not JSON, so callers never fail here. */
    public static JsonNode read(Response response) {
        try {
            String text = response.readEntity(String.class);
            return text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
        } catch (RuntimeException | IOException e) {
            return JSON.createObjectNode();
        }
    }

    /** The first of {@code fields} that is text in {@code node}, or null. */
    public static String firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            JsonNode value = node.get(field);
            if (value != null && value.isTextual()) {
                return value.asText();
            }
        }
        return null;
    }

    /** Field errors of an object keyed by field whose values are lists of messages: {@code {"name": ["…"]}}. */
    public static List<FieldError> fieldMessages(JsonNode object) {
        List<FieldError> errors = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            for (JsonNode message : entry.getValue()) {
                if (message.isTextual()) {
                    errors.add(new FieldError(entry.getKey(), message.asText()));
                }
            }
        }
        return errors;
    }

    /** The first of {@code headers} that holds delta-seconds ({@link TransientFailure#parseRetryAfter}), or null. */
    public static Duration retryAfter(Response response, String... headers) {
        for (String header : headers) {
            Duration seconds = TransientFailure.parseRetryAfter(response.getHeaderString(header));
            if (seconds != null) {
                return seconds;
            }
        }
        return null;
    }
}
