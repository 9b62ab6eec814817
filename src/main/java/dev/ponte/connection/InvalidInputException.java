package dev.ponte.connection;

import java.util.List;

/**
 * Input a use case refuses, field by field. Each violation carries a message key and its arguments so the API can
 * explain it in the caller's language.
 */
public class InvalidInputException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidInputException(List<Violation> violations) {
        super("invalid input: " + violations.stream().map(Violation::field).toList(), null, false, false);
        this.violations = List.copyOf(violations);
    }

    public InvalidInputException(String field, String key, Object... args) {
        this(List.of(new Violation(field, key, args)));
    }

    public List<Violation> violations() {
        return violations;
    }

    /** A field at fault, a message key (see messages/Messages.properties) and the message's arguments. */
    public record Violation(String field, String key, Object... args) {
    }
}
