package dev.ponte.connector;

import java.util.List;

/**
 * The remote system (or Ponte's own pre-flight check) refused the record: retrying the same input cannot succeed.
 * {@code errors} name the fields at fault; the message says what a person should do.
 */
public final class RejectedFailure extends SyncFailure {

    private final List<FieldError> errors;

    public RejectedFailure(String message, List<FieldError> errors) {
        super(message, null);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** One field at fault and why. */
    public record FieldError(String field, String message) {
    }
}
