package dev.ponte.sandbox.pipedrive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Reading Pipedrive request bodies. */
final class PipedriveJson {

    /** Custom field keys are "randomly generated 40-character hashes" (openapi-v2.yaml, custom_fields). */
    static final Pattern HASH_KEY = Pattern.compile("[0-9a-f]{40}");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PipedriveJson() {
    }

    static String text(JsonNode body, String field) {
        return body.hasNonNull(field) ? body.get(field).asText() : null;
    }

    static BigDecimal decimal(JsonNode body, String field) {
        return body.hasNonNull(field) && body.get(field).isNumber() ? body.get(field).decimalValue() : null;
    }

    static Long id(JsonNode body, String field) {
        return body.hasNonNull(field) && body.get(field).canConvertToLong() ? body.get(field).asLong() : null;
    }

    static Object value(JsonNode node) {
        return node == null || node.isNull() ? null : MAPPER.convertValue(node, Object.class);
    }

    /** v2 nests custom values under {@code custom_fields}; v1 puts them at the root: both are accepted. */
    static Map<String, Object> customFields(JsonNode body) {
        Map<String, Object> fields = new LinkedHashMap<>();
        body.fields().forEachRemaining(e -> {
            if (HASH_KEY.matcher(e.getKey()).matches()) {
                fields.put(e.getKey(), value(e.getValue()));
            }
        });
        JsonNode nested = body.get("custom_fields");
        if (nested != null && nested.isObject()) {
            nested.fields().forEachRemaining(e -> fields.put(e.getKey(), value(e.getValue())));
        }
        return fields;
    }
}
