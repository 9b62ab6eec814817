package dev.ponte.model;

import dev.ponte.model.InvalidTaxIdException.Reason;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normalisation and check-digit rules of shared/vendor-apis/identifiers.md, kept apart from {@link TaxId}
 * so the value type stays readable.
 */
final class TaxIdRules {

    private static final Pattern BR_SEPARATORS = Pattern.compile("[\\s./-]");
    private static final Pattern IT_SEPARATORS = Pattern.compile("[\\s.:-]");
    private static final Pattern ASCII_ALNUM = Pattern.compile("[0-9A-Za-z]+");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern CNPJ = Pattern.compile("[0-9A-Z]{12}[0-9]{2}");
    private static final Pattern CODICE_FISCALE = Pattern.compile(
            "[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]");

    private static final int[] CNPJ_WEIGHTS = {6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};
    private static final int[] CF_ODD_DIGITS = {1, 0, 5, 7, 9, 13, 15, 17, 19, 21};
    private static final int[] CF_ODD_LETTERS = {
        1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23};
    private static final String CF_MONTHS = "ABCDEHLMPRST";
    private static final String CF_OMOCODIA = "LMNPQRSTUV";
    private static final int[] CF_OMOCODIA_POSITIONS = {6, 7, 9, 10, 12, 13, 14};

    private TaxIdRules() {
    }

    /**
     * Brazilian normalisation. Characters are checked before upper-casing because Unicode case mapping
     * turns some non-ASCII letters (dotless ı, long ſ) into ASCII ones.
     */
    static String normaliseBrazilian(String raw, TaxIdKind kind) {
        if (raw == null) {
            throw fail(Reason.EMPTY, kind, "is empty");
        }
        StringBuilder mapped = new StringBuilder(raw.length());
        for (char c : raw.toCharArray()) {
            boolean unicodeDash = (c >= '\u2010' && c <= '\u2015') || c == '\u2212';
            mapped.append(unicodeDash ? '-' : c == '\u00A0' ? ' ' : c);
        }
        String compact = BR_SEPARATORS.matcher(mapped.toString().trim()).replaceAll("");
        return asciiUpperCase(compact, kind);
    }

    /**
     * Italian normalisation. Dropping a leading {@code IT} cannot damage a personal codice fiscale: its
     * first letters are the surname's consonants, so it starts with a vowel only when the surname has
     * none, and then the second letter is a vowel or X, never T.
     */
    static String normaliseItalian(String raw, TaxIdKind kind) {
        if (raw == null) {
            throw fail(Reason.EMPTY, kind, "is empty");
        }
        String compact = IT_SEPARATORS.matcher(raw.trim()).replaceAll("");
        String upper = asciiUpperCase(compact, kind);
        return upper.startsWith("IT") ? upper.substring(2) : upper;
    }

    private static String asciiUpperCase(String compact, TaxIdKind kind) {
        if (compact.isEmpty()) {
            throw fail(Reason.EMPTY, kind, "is empty");
        }
        if (!ASCII_ALNUM.matcher(compact).matches()) {
            throw fail(Reason.BAD_CHARACTERS, kind, "contains characters other than letters, digits and separators");
        }
        return compact.toUpperCase(Locale.ROOT);
    }

    /** Checks an already canonical value; the record's constructor relies on this. */
    static void check(TaxIdKind kind, String n) {
        switch (kind) {
            case CPF -> checkCpf(n);
            case CNPJ -> checkCnpj(n);
            case PARTITA_IVA -> checkPartitaIva(n);
            case CODICE_FISCALE -> checkCodiceFiscale(n);
        }
    }

    static void checkCpf(String n) {
        requireLength(TaxIdKind.CPF, n, 11);
        if (!DIGITS.matcher(n).matches()) {
            throw fail(Reason.BAD_CHARACTERS, TaxIdKind.CPF, "must contain digits only" + ending(n));
        }
        // Every CPF of one repeated digit passes the checksum; python-stdnum even accepts them.
        if (n.chars().allMatch(c -> c == n.charAt(0))) {
            throw fail(Reason.REPEATED_DIGITS, TaxIdKind.CPF, "is one repeated digit");
        }
        for (int k = 9; k <= 10; k++) {
            int sum = 0;
            for (int i = 0; i < k; i++) {
                sum += (n.charAt(i) - '0') * (k + 1 - i);
            }
            int dv = 11 - sum % 11;
            if (dv >= 10) {
                dv = 0;
            }
            if (n.charAt(k) - '0' != dv) {
                throw fail(Reason.BAD_CHECK_DIGITS, TaxIdKind.CPF, "has wrong check digits" + ending(n));
            }
        }
    }

    /** Numeric and alphanumeric CNPJ (IN RFB 2.229/2024): each character weighs its ASCII code minus 48. */
    static void checkCnpj(String n) {
        requireLength(TaxIdKind.CNPJ, n, 14);
        if (!CNPJ.matcher(n).matches()) {
            throw fail(Reason.BAD_CHARACTERS, TaxIdKind.CNPJ,
                    "must be 12 upper-case letters or digits followed by 2 numeric check digits" + ending(n));
        }
        if (n.startsWith("000000000000")) {
            throw fail(Reason.ZERO_NUMBER, TaxIdKind.CNPJ, "has a root and branch of zeros");
        }
        int d1 = cnpjCheckDigit(n, 12);
        int d2 = cnpjCheckDigit(n, 13);
        if (n.charAt(12) - '0' != d1 || n.charAt(13) - '0' != d2) {
            throw fail(Reason.BAD_CHECK_DIGITS, TaxIdKind.CNPJ, "has wrong check digits" + ending(n));
        }
    }

    /** Check digit at {@code position} (12 or 13); the weights are the tail of 6,5,4,3,2,9,…,2. */
    private static int cnpjCheckDigit(String n, int position) {
        int offset = CNPJ_WEIGHTS.length - position;
        int sum = 0;
        for (int i = 0; i < position; i++) {
            sum += (n.charAt(i) - '0') * CNPJ_WEIGHTS[offset + i];
        }
        int r = sum % 11;
        return r < 2 ? 0 : 11 - r;
    }

    static void checkPartitaIva(String n) {
        requireLength(TaxIdKind.PARTITA_IVA, n, 11);
        if (!DIGITS.matcher(n).matches()) {
            throw fail(Reason.BAD_CHARACTERS, TaxIdKind.PARTITA_IVA, "must contain digits only");
        }
        if (Integer.parseInt(n.substring(0, 7)) >= 8_000_000) {
            throw fail(Reason.NON_VAT_BODY, TaxIdKind.PARTITA_IVA,
                    "is the codice fiscale of a body without a VAT number, not a Partita IVA" + ending(n));
        }
        checkNumericBody(TaxIdKind.PARTITA_IVA, n);
    }

    /**
     * A 16-character personal codice fiscale, or the 11-digit one of a company or non-VAT body, which
     * follows the Partita IVA rules except that serials from 8000000 up are allowed.
     */
    static void checkCodiceFiscale(String n) {
        if (n.length() == 11) {
            if (!DIGITS.matcher(n).matches()) {
                throw fail(Reason.BAD_CHARACTERS, TaxIdKind.CODICE_FISCALE, "of 11 characters must contain digits only");
            }
            checkNumericBody(TaxIdKind.CODICE_FISCALE, n);
            return;
        }
        if (n.isEmpty()) {
            throw fail(Reason.EMPTY, TaxIdKind.CODICE_FISCALE, "is empty");
        }
        if (n.length() != 16) {
            throw fail(Reason.BAD_LENGTH, TaxIdKind.CODICE_FISCALE, "must have 16 characters (11 for a company), not " + n.length());
        }
        if (!CODICE_FISCALE.matcher(n).matches()) {
            throw fail(Reason.BAD_CHARACTERS, TaxIdKind.CODICE_FISCALE, "does not follow the codice fiscale layout" + ending(n));
        }
        int sum = 0;
        for (int i = 0; i < 15; i++) {
            char c = n.charAt(i);
            boolean digit = Character.isDigit(c);
            if (i % 2 == 0) {
                sum += digit ? CF_ODD_DIGITS[c - '0'] : CF_ODD_LETTERS[c - 'A'];
            } else {
                sum += digit ? c - '0' : c - 'A';
            }
        }
        if (n.charAt(15) != (char) ('A' + sum % 26)) {
            throw fail(Reason.BAD_CHECK_DIGITS, TaxIdKind.CODICE_FISCALE, "has a wrong check character" + ending(n));
        }
        if (!hasRealBirthDate(n)) {
            throw fail(Reason.BAD_DATE, TaxIdKind.CODICE_FISCALE, "holds a birth date that does not exist");
        }
    }

    /**
     * Omocodia replaces digits by letters when two people would share a code; decode them to read the
     * date. The century is unknown, so 29 February is accepted whenever the two-digit year allows a leap
     * year (00 counts: 2000 was one).
     */
    private static boolean hasRealBirthDate(String n) {
        char[] c = n.toCharArray();
        for (int position : CF_OMOCODIA_POSITIONS) {
            int index = CF_OMOCODIA.indexOf(c[position]);
            if (index >= 0) {
                c[position] = (char) ('0' + index);
            }
        }
        int year = (c[6] - '0') * 10 + (c[7] - '0');
        int month = CF_MONTHS.indexOf(c[8]) + 1;
        int day = (c[9] - '0') * 10 + (c[10] - '0');
        if (day > 40) {
            day -= 40; // women's codes add 40 to the day
        }
        int maxDay = switch (month) {
            case 2 -> year % 4 == 0 ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
        return day >= 1 && day <= maxDay;
    }

    /** Sogei rules shared by the Partita IVA and the 11-digit codice fiscale. */
    private static void checkNumericBody(TaxIdKind kind, String n) {
        if (n.startsWith("0000000")) {
            throw fail(Reason.ZERO_NUMBER, kind, "has a serial of zeros");
        }
        int office = Integer.parseInt(n.substring(7, 10));
        if (!(office >= 1 && office <= 100) && office != 120 && office != 121 && office != 888 && office != 999) {
            throw fail(Reason.BAD_OFFICE_CODE, kind, "has an unknown tax-office code" + ending(n));
        }
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            int d = n.charAt(i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        if (n.charAt(10) - '0' != (10 - sum % 10) % 10) {
            throw fail(Reason.BAD_CHECK_DIGITS, kind, "has a wrong check digit" + ending(n));
        }
    }

    private static void requireLength(TaxIdKind kind, String n, int length) {
        if (n.isEmpty()) {
            throw fail(Reason.EMPTY, kind, "is empty");
        }
        if (n.length() != length) {
            throw fail(Reason.BAD_LENGTH, kind, "must have " + length + " characters, not " + n.length());
        }
    }

    /** Names the last two characters only when enough precede them for the document to stay hidden. */
    static String ending(String n) {
        return n.length() >= 8 ? " (ending in " + n.substring(n.length() - 2) + ")" : "";
    }

    static InvalidTaxIdException fail(Reason reason, TaxIdKind kind, String problem) {
        String subject = kind == null ? "Tax identifier" : label(kind);
        return new InvalidTaxIdException(reason, kind, subject + " " + problem);
    }

    static String label(TaxIdKind kind) {
        return switch (kind) {
            case CPF -> "CPF";
            case CNPJ -> "CNPJ";
            case PARTITA_IVA -> "Partita IVA";
            case CODICE_FISCALE -> "Codice fiscale";
        };
    }
}
