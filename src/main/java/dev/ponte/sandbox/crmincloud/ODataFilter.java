package dev.ponte.sandbox.crmincloud;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The part of OData {@code $filter} the emulator understands: comparisons ({@code eq ne gt ge lt le}) of a property
 * with a literal ({@code 'text'}, {@code datetime'…'}, a bare ISO-8601 instant, a number, {@code true}, {@code false},
 * {@code null}), joined by {@code and}/{@code or} with parentheses. CRM in Cloud documents OData filters on
 * {@code /api/latest/Company/Search?$filter=…} (api.crmincloud.it, via context7.com/websites/api_crmincloud_it);
 * string functions such as {@code startswith} are not emulated.
 */
final class ODataFilter {

    /** A parsed filter: a predicate over a record's properties (looked up by lower-case name). */
    sealed interface Expr permits Compare, Both, Either {

        boolean test(Function<String, Object> property);
    }

    record Compare(String property, String op, Object literal) implements Expr {

        @Override
        public boolean test(Function<String, Object> properties) {
            Object value = properties.apply(property);
            if (value == null || literal == null) {
                boolean same = value == literal;
                return switch (op) {
                    case "eq" -> same;
                    case "ne" -> !same;
                    default -> false;
                };
            }
            int c = compare(value, literal);
            return switch (op) {
                case "eq" -> c == 0;
                case "ne" -> c != 0;
                case "gt" -> c > 0;
                case "ge" -> c >= 0;
                case "lt" -> c < 0;
                default -> c <= 0;
            };
        }
    }

    record Both(Expr left, Expr right) implements Expr {

        @Override
        public boolean test(Function<String, Object> property) {
            return left.test(property) && right.test(property);
        }
    }

    record Either(Expr left, Expr right) implements Expr {

        @Override
        public boolean test(Function<String, Object> property) {
            return left.test(property) || right.test(property);
        }
    }

    private final List<String> tokens;
    private int at;

    private ODataFilter(List<String> tokens) {
        this.tokens = tokens;
    }

    /** Parses {@code text}; a blank filter is null (everything matches). */
    static Expr parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        ODataFilter parser = new ODataFilter(tokenize(text));
        Expr expr = parser.or();
        if (parser.at != parser.tokens.size()) {
            throw new IllegalArgumentException("unexpected '" + parser.tokens.get(parser.at) + "'");
        }
        return expr;
    }

    /**
     * The smallest (lastModifiedDate, id) a match can have, when the filter bounds it; lets the emulator start a
     * modified-since listing inside its index instead of scanning every record.
     */
    static CrmInCloud.Key lowerBound(Expr expr) {
        if (expr == null) {
            return null;
        }
        if (expr instanceof Compare c) {
            if (!"lastmodifieddate".equals(c.property()) || !(c.literal() instanceof Instant t)) {
                return null;
            }
            return switch (c.op()) {
                case "ge", "eq" -> new CrmInCloud.Key(t, Long.MIN_VALUE);
                case "gt" -> new CrmInCloud.Key(t, Long.MAX_VALUE);
                default -> null;
            };
        }
        if (expr instanceof Both b) {
            CrmInCloud.Key continuation = sameInstantAndIdAbove(b);
            return continuation != null ? continuation : max(lowerBound(b.left()), lowerBound(b.right()));
        }
        Either e = (Either) expr;
        return min(lowerBound(e.left()), lowerBound(e.right()));
    }

    /** {@code lastModifiedDate eq T and id gt N}: the keyset continuation of a page. */
    private static CrmInCloud.Key sameInstantAndIdAbove(Both b) {
        if (b.left() instanceof Compare l && b.right() instanceof Compare r && "lastmodifieddate".equals(l.property())
                && "eq".equals(l.op()) && l.literal() instanceof Instant t && "id".equals(r.property())
                && "gt".equals(r.op()) && r.literal() instanceof BigDecimal id) {
            return new CrmInCloud.Key(t, id.longValue());
        }
        return null;
    }

    private static CrmInCloud.Key max(CrmInCloud.Key a, CrmInCloud.Key b) {
        return a == null ? b : b == null ? a : a.compareTo(b) >= 0 ? a : b;
    }

    private static CrmInCloud.Key min(CrmInCloud.Key a, CrmInCloud.Key b) {
        return a == null || b == null ? null : a.compareTo(b) <= 0 ? a : b;
    }

    private Expr or() {
        Expr left = and();
        while (peek("or")) {
            at++;
            left = new Either(left, and());
        }
        return left;
    }

    private Expr and() {
        Expr left = primary();
        while (peek("and")) {
            at++;
            left = new Both(left, primary());
        }
        return left;
    }

    private Expr primary() {
        if (peek("(")) {
            at++;
            Expr inner = or();
            expect(")");
            return inner;
        }
        String property = next().toLowerCase(Locale.ROOT);
        String op = next().toLowerCase(Locale.ROOT);
        if (!List.of("eq", "ne", "gt", "ge", "lt", "le").contains(op)) {
            throw new IllegalArgumentException("unknown operator '" + op + "'");
        }
        return new Compare(property, op, literal(next()));
    }

    private static Object literal(String token) {
        if (token.startsWith("'")) {
            return token.substring(1, token.length() - 1).replace("''", "'");
        }
        String lower = token.toLowerCase(Locale.ROOT);
        if (lower.startsWith("datetime'") || lower.startsWith("datetimeoffset'")) {
            return instant(token.substring(token.indexOf('\'') + 1, token.length() - 1));
        }
        switch (lower) {
            case "null":
                return null;
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            default:
                break;
        }
        if (token.matches("-?\\d+(\\.\\d+)?")) {
            return new BigDecimal(token);
        }
        return instant(token);
    }

    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a literal");
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object value, Object literal) {
        if (value instanceof Number n && literal instanceof BigDecimal d) {
            return new BigDecimal(n.toString()).compareTo(d);
        }
        if (value instanceof Instant i && literal instanceof String s) {
            return i.compareTo(instant(s));
        }
        if (value instanceof String s && literal instanceof String l) {
            return s.compareToIgnoreCase(l);
        }
        if (value.getClass() == literal.getClass() && value instanceof Comparable c) {
            return c.compareTo(literal);
        }
        return value.toString().compareTo(literal.toString());
    }

    private boolean peek(String token) {
        return at < tokens.size() && tokens.get(at).equalsIgnoreCase(token);
    }

    private String next() {
        if (at >= tokens.size()) {
            throw new IllegalArgumentException("the filter ends too early");
        }
        return tokens.get(at++);
    }

    private void expect(String token) {
        if (!peek(token)) {
            throw new IllegalArgumentException("'" + token + "' expected");
        }
        at++;
    }

    private static List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')') {
                tokens.add(String.valueOf(c));
                i++;
            } else {
                int start = i;
                while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '('
                        && text.charAt(i) != ')') {
                    if (text.charAt(i) == '\'') {
                        i = closingQuote(text, i);
                    }
                    i++;
                }
                tokens.add(text.substring(start, i));
            }
        }
        return tokens;
    }

    private static int closingQuote(String text, int open) {
        int i = open + 1;
        while (i < text.length()) {
            if (text.charAt(i) == '\'') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                    i += 2;
                    continue;
                }
                return i;
            }
            i++;
        }
        throw new IllegalArgumentException("unterminated string");
    }
}
