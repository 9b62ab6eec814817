package dev.ponte.model;

/**
 * A raw tax identifier that does not pass normalisation or validation.
 *
 * <p>The message is English and safe to log or show: it never contains the document, at most its
 * last two characters. The raw input is deliberately not kept on the exception.
 */
public class InvalidTaxIdException extends IllegalArgumentException {

    /** Machine-readable cause, for problem+json details and translated explanations. */
    public enum Reason {
        EMPTY,
        BAD_CHARACTERS,
        BAD_LENGTH,
        /** A CPF of one repeated digit: it passes the checksum but is never issued. */
        REPEATED_DIGITS,
        /** A CNPJ root or Partita IVA serial of all zeros. */
        ZERO_NUMBER,
        BAD_CHECK_DIGITS,
        /** Partita IVA positions 8–10 are not a known tax office (001–100, 120, 121, 888, 999). */
        BAD_OFFICE_CODE,
        /** Serial 8000000 or above: the 11-digit codice fiscale of a body without a VAT number. */
        NON_VAT_BODY,
        /** The birth date inside a codice fiscale is not a real date. */
        BAD_DATE,
        /** A number that, left-padded, validates both as a CPF and as a CNPJ. */
        AMBIGUOUS
    }

    private final Reason reason;
    private final TaxIdKind kind;

    public InvalidTaxIdException(Reason reason, TaxIdKind kind, String message) {
        super(message);
        this.reason = reason;
        this.kind = kind;
    }

    public Reason reason() {
        return reason;
    }

    /** The kind that was being checked, or {@code null} when the input could not be classified. */
    public TaxIdKind kind() {
        return kind;
    }
}
