package dev.ponte.model;

import dev.ponte.model.InvalidTaxIdException.Reason;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A validated tax identifier in canonical form: unmasked, upper-case ASCII, without the {@code IT}
 * prefix. Alphanumeric CNPJs (issued from July 2026) stay 14-character strings.
 *
 * <p>The constructor accepts only canonical values (so {@code "1345c3A5000106"} is rejected there);
 * the {@code parse…} factories normalise raw input first, upper-casing it as identifiers.md asks, and
 * are the way in for vendor data. {@link #toString()} is masked so that a logged record never leaks a
 * document.
 */
public record TaxId(TaxIdKind kind, String value) {

    public TaxId {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        TaxIdRules.check(kind, value);
    }

    /** Normalises {@code raw} the way its kind's country does, then validates it as that kind. */
    public static TaxId parse(TaxIdKind kind, String raw) {
        Objects.requireNonNull(kind, "kind");
        String n = switch (kind) {
            case CPF, CNPJ -> TaxIdRules.normaliseBrazilian(raw, kind);
            case PARTITA_IVA, CODICE_FISCALE -> TaxIdRules.normaliseItalian(raw, kind);
        };
        return new TaxId(kind, n);
    }

    /**
     * Classifies a Brazilian document after normalising: 11 digits is a CPF; 14 characters, or any
     * letter, is a CNPJ.
     */
    public static TaxId parseBrazilian(String raw) {
        String n = TaxIdRules.normaliseBrazilian(raw, null);
        if (n.length() == 11 && n.chars().allMatch(Character::isDigit)) {
            return new TaxId(TaxIdKind.CPF, n);
        }
        if (n.length() == 14 || n.chars().anyMatch(Character::isLetter)) {
            return new TaxId(TaxIdKind.CNPJ, n);
        }
        throw TaxIdRules.fail(Reason.BAD_LENGTH, null,
                "must have 11 digits (CPF) or 14 characters (CNPJ), not " + n.length());
    }

    /**
     * Classifies an Italian identifier after normalising: 16 characters is a personal codice fiscale; 11
     * digits is a Partita IVA, unless the serial is 8000000 or above, which Sogei reserves for bodies
     * without a VAT number (associations, public bodies), so that value is their numeric codice fiscale.
     */
    public static TaxId parseItalian(String raw) {
        String n = TaxIdRules.normaliseItalian(raw, null);
        if (n.length() == 16) {
            return new TaxId(TaxIdKind.CODICE_FISCALE, n);
        }
        if (n.length() == 11) {
            boolean nonVatBody = n.charAt(0) == '8' || n.charAt(0) == '9';
            return new TaxId(nonVatBody ? TaxIdKind.CODICE_FISCALE : TaxIdKind.PARTITA_IVA, n);
        }
        throw TaxIdRules.fail(Reason.BAD_LENGTH, null,
                "must have 11 digits (Partita IVA) or 16 characters (codice fiscale), not " + n.length());
    }

    /**
     * For CRM or spreadsheet fields stored as numbers, which drop leading zeros (pitfall 1 of
     * identifiers.md): left-pads to 11 or 14 digits, but only keeps a padding that validates.
     *
     * <ul>
     *   <li>14 digits are a CNPJ, 12–13 digits a CNPJ that lost zeros.</li>
     *   <li>11 digits are a CPF when valid as such, else a CNPJ that lost three zeros.</li>
     *   <li>Fewer digits may be either; when both paddings validate (e.g. {@code 191} is CPF
     *       000.000.001-91 and CNPJ 00.000.000/0001-91) the value is rejected as {@link Reason#AMBIGUOUS}
     *       rather than guessed.</li>
     * </ul>
     * Scientific notation such as {@code 1.12223E+13} has already lost digits and is rejected.
     */
    public static TaxId parseBrazilianFromNumber(String digits) {
        if (digits == null || digits.isBlank()) {
            throw TaxIdRules.fail(Reason.EMPTY, null, "is empty");
        }
        String d = digits.strip();
        if (!d.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw TaxIdRules.fail(Reason.BAD_CHARACTERS, null, "from a numeric field must contain digits only");
        }
        if (d.length() > 14) {
            throw TaxIdRules.fail(Reason.BAD_LENGTH, null, "must have at most 14 digits, not " + d.length());
        }
        if (d.length() > 11) {
            return new TaxId(TaxIdKind.CNPJ, leftPad(d, 14));
        }
        Optional<TaxId> cpf = attempt(() -> new TaxId(TaxIdKind.CPF, leftPad(d, 11)));
        if (d.length() == 11 && cpf.isPresent()) {
            return cpf.get();
        }
        Optional<TaxId> cnpj = attempt(() -> new TaxId(TaxIdKind.CNPJ, leftPad(d, 14)));
        if (cpf.isPresent() && cnpj.isPresent()) {
            throw TaxIdRules.fail(Reason.AMBIGUOUS, null, "is valid both as a CPF and as a CNPJ once padded with zeros");
        }
        return cpf.or(() -> cnpj).orElseGet(() -> new TaxId(TaxIdKind.CPF, leftPad(d, 11)));
    }

    /** Like {@link #parse(TaxIdKind, String)}, but empty instead of throwing. */
    public static Optional<TaxId> tryParse(TaxIdKind kind, String raw) {
        return attempt(() -> parse(kind, raw));
    }

    /** Like {@link #parseBrazilian(String)}, but empty instead of throwing. */
    public static Optional<TaxId> tryParseBrazilian(String raw) {
        return attempt(() -> parseBrazilian(raw));
    }

    /** Like {@link #parseItalian(String)}, but empty instead of throwing. */
    public static Optional<TaxId> tryParseItalian(String raw) {
        return attempt(() -> parseItalian(raw));
    }

    /**
     * The official mask: {@code 000.000.000-00} for a CPF, {@code SS.SSS.SSS/SSSS-NN} for a CNPJ. Italian
     * identifiers have no mask and are returned as they are.
     */
    public String formatted() {
        return format(value);
    }

    /**
     * The form for logs and history: the official mask with every character but the last four replaced
     * by {@code *}, e.g. {@code ***.***.*34-80} or {@code *******0157}; a CNPJ becomes
     * <code>**.***.***&#47;**DE-35</code>.
     */
    public String masked() {
        int visible = 4;
        return format("*".repeat(value.length() - visible) + value.substring(value.length() - visible));
    }

    /**
     * The party kind the document implies. A Partita IVA is a business even when a sole trader holds it;
     * an 11-digit codice fiscale belongs to a company or body, a 16-character one to a person.
     */
    public PartyKind personType() {
        return switch (kind) {
            case CPF -> PartyKind.PERSON;
            case CNPJ, PARTITA_IVA -> PartyKind.COMPANY;
            case CODICE_FISCALE -> value.length() == 16 ? PartyKind.PERSON : PartyKind.COMPANY;
        };
    }

    @Override
    public String toString() {
        return TaxIdRules.label(kind) + " " + masked();
    }

    private String format(String v) {
        return switch (kind) {
            case CPF -> v.substring(0, 3) + "." + v.substring(3, 6) + "." + v.substring(6, 9) + "-" + v.substring(9);
            case CNPJ -> v.substring(0, 2) + "." + v.substring(2, 5) + "." + v.substring(5, 8) + "/"
                    + v.substring(8, 12) + "-" + v.substring(12);
            case PARTITA_IVA, CODICE_FISCALE -> v;
        };
    }

    private static String leftPad(String digits, int length) {
        return "0".repeat(length - digits.length()) + digits;
    }

    private static Optional<TaxId> attempt(Supplier<TaxId> parser) {
        try {
            return Optional.of(parser.get());
        } catch (InvalidTaxIdException e) {
            return Optional.empty();
        }
    }
}
