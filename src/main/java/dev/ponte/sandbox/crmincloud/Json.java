package dev.ponte.sandbox.crmincloud;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading request bodies and collecting ASP.NET-style {@code ModelState} errors. */
final class Json {

    private Json() {
    }

    static String text(JsonNode body, String field) {
        JsonNode v = body == null ? null : body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        String text = v.asText().strip();
        return text.isEmpty() ? null : text;
    }

    static BigDecimal decimal(JsonNode body, String field, Map<String, List<String>> errors) {
        JsonNode v = body == null ? null : body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            error(errors, field, "The value '" + v.asText() + "' is not valid for " + field + ".");
            return null;
        }
        return v.decimalValue();
    }

    static String required(JsonNode body, String field, Map<String, List<String>> errors) {
        String value = text(body, field);
        if (value == null) {
            error(errors, field, "The " + field + " field is required.");
        }
        return value;
    }

    static void error(Map<String, List<String>> errors, String field, String message) {
        errors.merge(field, List.of(message), (a, b) -> {
            List<String> all = new java.util.ArrayList<>(a);
            all.addAll(b);
            return all;
        });
    }

    static Map<String, List<String>> errors() {
        return new LinkedHashMap<>();
    }

    static int page(Integer value, int fallback, int max) {
        return value == null || value < 1 ? fallback : Math.min(value, max);
    }
}
