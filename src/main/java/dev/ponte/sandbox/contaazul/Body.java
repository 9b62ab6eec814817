package dev.ponte.sandbox.contaazul;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.UUID;

/** Reads a request body leniently and answers missing or malformed fields with Conta Azul's 400 body. */
record Body(JsonNode node, String prefix) {

    static Body of(JsonNode node) {
        return new Body(node == null ? NullNode.getInstance() : node, "");
    }

    Body child(String field) {
        return new Body(present(field) ? node.get(field) : NullNode.getInstance(), prefix + field + ".");
    }

    boolean present(String field) {
        return node.hasNonNull(field);
    }

    String text(String field) {
        return present(field) ? node.get(field).asText() : null;
    }

    String requireText(String field) {
        String value = text(field);
        if (value == null || value.isBlank()) {
            throw ContaAzulErrors.badRequest(ContaAzulErrors.REQUIRED, prefix + field);
        }
        return value;
    }

    String requireOneOf(String field, Set<String> allowed) {
        String value = requireText(field);
        return oneOf(field, value, allowed);
    }

    String optionalOneOf(String field, Set<String> allowed, String fallback) {
        String value = text(field);
        return value == null ? fallback : oneOf(field, value, allowed);
    }

    UUID requireUuid(String field) {
        String value = requireText(field);
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ContaAzulErrors.badRequest(ContaAzulErrors.INVALID, prefix + field, value);
        }
    }

    UUID uuid(String field) {
        return present(field) ? requireUuid(field) : null;
    }

    long requireLong(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw ContaAzulErrors.badRequest(ContaAzulErrors.REQUIRED, prefix + field);
        }
        if (!value.canConvertToLong() || !value.isIntegralNumber()) {
            throw ContaAzulErrors.badRequest(ContaAzulErrors.INVALID, prefix + field, value.asText());
        }
        return value.asLong();
    }

    BigDecimal requireDecimal(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw ContaAzulErrors.badRequest(ContaAzulErrors.REQUIRED, prefix + field);
        }
        if (!value.isNumber()) {
            throw ContaAzulErrors.badRequest(ContaAzulErrors.INVALID, prefix + field, value.asText());
        }
        return value.decimalValue();
    }

    BigDecimal decimal(String field) {
        return present(field) ? requireDecimal(field) : null;
    }

    LocalDate requireDate(String field) {
        String value = requireText(field);
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ContaAzulErrors.badRequest(ContaAzulErrors.INVALID, prefix + field, value);
        }
    }

    private String oneOf(String field, String value, Set<String> allowed) {
        if (!allowed.contains(value)) {
            throw ContaAzulErrors.badRequest(ContaAzulErrors.INVALID, prefix + field, value);
        }
        return value;
    }
}
