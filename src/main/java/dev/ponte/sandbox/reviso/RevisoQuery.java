package dev.ponte.sandbox.reviso;

import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reviso's collection conventions: {@code ?filter=}, {@code ?sort=} and {@code ?skippages=&pagesize=} answered in the
 * envelope of specs/reviso/collection-envelope.shape.json. Filters are {@code field$op:value} terms joined by
 * {@code $and:} and {@code $or:}, {@code $and:} binding tighter (as in e-conomic's REST API, a guess for Reviso);
 * {@code $$} is a literal dollar in a value. Operators: {@code $eq $ne $gt $gte $lt $lte $like $in}; {@code $like}
 * takes {@code *} as wildcard and is a case-insensitive "contains" without one; {@code $in:[a,b]}; {@code null}
 * matches an absent value. {@code sort} is a comma list of fields, {@code -} for descending (e-conomic's convention).
 */
final class RevisoQuery {

    static final int MAX_PAGE_SIZE = 1000;
    static final int DEFAULT_PAGE_SIZE = 20;
    private static final Set<String> COMPARISONS = Set.of("eq", "ne", "gt", "gte", "lt", "lte", "like", "in");
    private static final Pattern OPERATOR = Pattern.compile("[a-z]+");

    /** Reads a named (possibly dotted) field of an item; null when absent. */
    interface Fields<T> {
        Object get(T item, String field);
    }

    record Term(String field, String op, String value) {
    }

    /** Terms as an OR of ANDs. */
    record Filter(List<List<Term>> anyOf) {

        <T> boolean test(T item, Fields<T> fields) {
            for (List<Term> all : anyOf) {
                if (all.stream().allMatch(t -> matches(fields.get(item, t.field()), t))) {
                    return true;
                }
            }
            return false;
        }

        /**
         * The smallest {@code field} value an item must have to pass, when every branch bounds it from below (an index
         * ordered by that field can then start there); null otherwise.
         */
        Instant lowerBound(String field) {
            Instant min = null;
            for (List<Term> all : anyOf) {
                Instant branch = null;
                for (Term t : all) {
                    if (t.field().equals(field) && Set.of("gt", "gte", "eq").contains(t.op()) && !isNull(t.value())) {
                        Instant v = instant(t.value(), t);
                        branch = branch == null || v.isAfter(branch) ? v : branch;
                    }
                }
                if (branch == null) {
                    return null;
                }
                min = min == null || branch.isBefore(min) ? branch : min;
            }
            return min;
        }
    }

    private RevisoQuery() {
    }

    static Filter parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        List<Object> tokens = tokens(text);
        List<List<Term>> anyOf = new ArrayList<>();
        List<Term> all = new ArrayList<>();
        int i = 0;
        while (true) {
            if (i + 1 >= tokens.size() || !(tokens.get(i) instanceof String field) || !(tokens.get(i + 1) instanceof Op op)
                    || !COMPARISONS.contains(op.name()) || field.isBlank()) {
                throw RevisoErrors.badRequest(String.format(RevisoErrors.BAD_FILTER, text));
            }
            i += 2;
            String value = "";
            if (i < tokens.size() && tokens.get(i) instanceof String v) {
                value = v;
                i++;
            }
            all.add(new Term(field.strip(), op.name(), value));
            if (i == tokens.size()) {
                break;
            }
            if (!(tokens.get(i) instanceof Op join) || !Set.of("and", "or").contains(join.name())) {
                throw RevisoErrors.badRequest(String.format(RevisoErrors.BAD_FILTER, text));
            }
            if (join.name().equals("or")) {
                anyOf.add(all);
                all = new ArrayList<>();
            }
            i++;
        }
        anyOf.add(all);
        return new Filter(anyOf);
    }

    private record Op(String name) {
    }

    /** Splits into field/value texts and {@code $op:} operators; {@code $$} is a literal dollar. */
    private static List<Object> tokens(String s) {
        List<Object> tokens = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '$' && i + 1 < s.length() && s.charAt(i + 1) == '$') {
                text.append('$');
                i += 2;
                continue;
            }
            int colon = c == '$' ? s.indexOf(':', i) : -1;
            if (colon > i + 1 && OPERATOR.matcher(s.substring(i + 1, colon)).matches()) {
                if (!text.isEmpty()) {
                    tokens.add(text.toString());
                    text.setLength(0);
                }
                tokens.add(new Op(s.substring(i + 1, colon)));
                i = colon + 1;
                continue;
            }
            text.append(c);
            i++;
        }
        if (!text.isEmpty()) {
            tokens.add(text.toString());
        }
        return tokens;
    }

    private static boolean matches(Object actual, Term t) {
        String value = t.value();
        if (t.op().equals("in")) {
            String list = value.strip();
            if (!list.startsWith("[") || !list.endsWith("]")) {
                throw RevisoErrors.badRequest(String.format(RevisoErrors.BAD_FILTER, t.field() + "$in:" + value));
            }
            for (String one : list.substring(1, list.length() - 1).split(",")) {
                if (matches(actual, new Term(t.field(), "eq", one.strip()))) {
                    return true;
                }
            }
            return false;
        }
        if (isNull(value) || actual == null) {
            boolean bothNull = actual == null && isNull(value);
            return switch (t.op()) {
                case "eq" -> bothNull;
                case "ne" -> !bothNull;
                default -> false;
            };
        }
        if (t.op().equals("like")) {
            return like(String.valueOf(actual), value);
        }
        int c = compare(actual, value, t);
        return switch (t.op()) {
            case "eq" -> c == 0;
            case "ne" -> c != 0;
            case "gt" -> c > 0;
            case "gte" -> c >= 0;
            case "lt" -> c < 0;
            default -> c <= 0;
        };
    }

    private static int compare(Object actual, String value, Term t) {
        try {
            if (actual instanceof Number n) {
                return new BigDecimal(n.toString()).compareTo(new BigDecimal(value.strip()));
            }
            if (actual instanceof Instant i) {
                return i.compareTo(instant(value, t));
            }
            if (actual instanceof Boolean b) {
                return b.compareTo(Boolean.parseBoolean(value.strip()));
            }
        } catch (NumberFormatException e) {
            throw RevisoErrors.badRequest(String.format(RevisoErrors.BAD_FILTER, t.field() + "$" + t.op() + ":" + value));
        }
        return String.valueOf(actual).compareToIgnoreCase(value);
    }

    private static boolean like(String actual, String pattern) {
        String a = actual.toLowerCase(Locale.ROOT);
        String p = pattern.toLowerCase(Locale.ROOT);
        if (!p.contains("*")) {
            return a.contains(p);
        }
        StringBuilder regex = new StringBuilder();
        for (String part : p.split("\\*", -1)) {
            regex.append(Pattern.quote(part)).append(".*");
        }
        return a.matches(regex.substring(0, regex.length() - 2));
    }

    private static boolean isNull(String value) {
        return "null".equals(value.strip());
    }

    /** ISO-8601 with an offset, or a local date or date-time read as UTC. */
    static Instant instant(String value, Term t) {
        String v = value.strip();
        try {
            if (v.length() == 10) {
                return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (v.endsWith("Z") || v.matches(".*[+-]\\d{2}:\\d{2}$")) {
                return java.time.OffsetDateTime.parse(v).toInstant();
            }
            return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw RevisoErrors.badRequest(String.format(RevisoErrors.BAD_FILTER, t.field() + "$" + t.op() + ":" + value));
        }
    }

    /** The order {@code sort} asks for, or {@code fallback} when absent. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static <T> Comparator<T> sort(String sort, Fields<T> fields, Comparator<T> fallback) {
        if (sort == null || sort.isBlank()) {
            return fallback;
        }
        Comparator<T> order = null;
        for (String raw : sort.split(",")) {
            String name = raw.strip();
            boolean descending = name.startsWith("-");
            String field = descending ? name.substring(1) : name;
            Comparator<T> one = Comparator.comparing(item -> (Comparable) fields.get(item, field),
                    Comparator.nullsFirst(Comparator.naturalOrder()));
            one = descending ? one.reversed() : one;
            order = order == null ? one : order.thenComparing(one);
        }
        return order.thenComparing(fallback);
    }

    /** One page of {@code matched} in the collection envelope, each item drawn by {@code render}. */
    static <T> Map<String, Object> page(List<T> matched, long withoutFilter, int skipPages, int pageSize,
            UriInfo uri, Function<T, Object> render) {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE || skipPages < 0) {
            throw RevisoErrors.badRequest(String.format(RevisoErrors.BAD_PAGING, MAX_PAGE_SIZE));
        }
        long from = (long) skipPages * pageSize;
        List<Object> collection = new ArrayList<>();
        for (long i = from; i < Math.min(matched.size(), from + pageSize); i++) {
            collection.add(render.apply(matched.get((int) i)));
        }
        int lastPage = Math.max(0, (matched.size() - 1) / pageSize);
        Map<String, Object> pagination = new LinkedHashMap<>();
        pagination.put("maxPageSizeAllowed", MAX_PAGE_SIZE);
        pagination.put("skipPages", skipPages);
        pagination.put("pageSize", pageSize);
        pagination.put("results", matched.size());
        pagination.put("resultsWithoutFilter", withoutFilter);
        pagination.put("firstPage", link(uri, 0, pageSize));
        if (skipPages < lastPage) {
            pagination.put("nextPage", link(uri, skipPages + 1, pageSize));
        }
        pagination.put("lastPage", link(uri, lastPage, pageSize));
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("collection", collection);
        envelope.put("pagination", pagination);
        envelope.put("self", uri.getRequestUri().toString());
        return envelope;
    }

    private static String link(UriInfo uri, int skipPages, int pageSize) {
        return uri.getRequestUriBuilder().replaceQueryParam("skippages", skipPages)
                .replaceQueryParam("pagesize", pageSize).build().toString();
    }
}
