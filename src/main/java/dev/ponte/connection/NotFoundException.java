package dev.ponte.connection;

/** The resource does not exist for this caller (another tenant's resources do not exist for it either). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what + " not found", null, false, false);
    }
}
