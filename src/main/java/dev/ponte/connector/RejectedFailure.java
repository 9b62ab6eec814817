package dev.ponte.connector;

import dev.ponte.model.LedgerRefusal;
import java.util.List;
import java.util.Optional;

/**
 * The remote system (or Ponte's own pre-flight check) refused the record: retrying the same input cannot succeed.
 * {@code errors} name the fields at fault; the message says what a person should do.
 */
public final class RejectedFailure extends SyncFailure {

    private final List<FieldError> errors;
    private final LedgerRefusal known;

    public RejectedFailure(String message, List<FieldError> errors) {
        this(message, errors, null);
    }

    /** A refusal the connector recognised as one Ponte can explain ({@code known}). */
    public RejectedFailure(String message, List<FieldError> errors, LedgerRefusal known) {
        super(message, null);
        this.errors = List.copyOf(errors);
        this.known = known;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Optional<LedgerRefusal> known() {
        return Optional.ofNullable(known);
    }

    /** One field at fault and why. */
    public record FieldError(String field, String message) {
    }
}
