package dev.ponte.connection;

/** The request clashes with the resource's current state (e.g. a run already in progress); a message key says how. */
public class ConflictException extends RuntimeException {

    private final String key;

    public ConflictException(String key) {
        super(key, null, false, false);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
