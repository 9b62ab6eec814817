package dev.ponte.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.ponte.model.TaxId;
import dev.ponte.model.TaxIdKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Personal data in the engine's tables, found and removed for one person or for a whole connection (LGPD/GDPR), in
 * the caller's transaction and never outside the connection given:
 * <ul>
 * <li>history lines and reconciliation runs: the person's name, document, e-mail and phones in their messages are
 * rewritten as {@value #REMOVED} (and, in the lines of the person's own records, each part of their name);
 * <li>jobs: the same in their payloads, reasons and last errors (JSON stays JSON);
 * <li>links: the personal fields of a two-way link's snapshot are dropped; the link itself (source record → ledger
 * record) stays, so a webhook delivered again never makes a second sale;
 * <li>match keys that are personal data ({@code "CPF:…"}, {@code "name:…"}) become their one-way
 * {@link MatchKeyDigest digest}, which still leads the person's next deal to the same ledger customer.
 * </ul>
 * Text is matched case-insensitively; documents and phones by their digits, whatever separators were typed.
 */
@ApplicationScoped
public class PersonalRows {

    public static final String REMOVED = "[removed]";
    /** The action of the audit lines a redaction leaves; {@link #forget} leaves them as they are. */
    public static final String AUDIT_ACTION = "privacy.";
    /** The canonical fields of a two-way snapshot that are personal data (see the flows' customer fields). */
    static final Set<String> PERSONAL_FIELDS = Set.of("name", "taxId", "email", "phone", "mobile", "street",
            "postalCode");
    private static final String FORGOTTEN = "the connection's personal data was removed on request";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SEPARATORS = "[\\s().+/\\-]*";

    private final DataSource dataSource;
    private final MatchKeyDigest digest;
    private final Clock clock;

    PersonalRows(DataSource dataSource, MatchKeyDigest digest, Clock clock) {
        this.dataSource = dataSource;
        this.digest = digest;
        this.clock = clock;
    }

    /** Rows changed per table. */
    public record Counts(int history, int jobs, int links, int matches, int runs) {
    }

    /** One row that concerns the person, as a person could read it. */
    public record Row(String id, String subject, Instant at, String content) {
    }

    /** The rows that concern the person, per table. */
    public record Found(List<Row> history, List<Row> jobs, List<Row> links, List<Row> matches, List<Row> runs) {
    }

    /**
     * What a person is recognised by in stored rows: the subjects of their records (exact, or ending in
     * {@code :company:<id>}, {@code :person:<id>}, {@code :customer:<id>} for their own id), the source ids of their
     * links, lower-case LIKE needles that pre-select rows, patterns that are replaced, patterns replaced only in the
     * rows of their own records (parts of their name), and the match keys flows write for them.
     */
    public record Traces(List<String> subjects, List<String> subjectSuffixes, List<String> sourceIds,
            List<String> needles, List<Pattern> patterns, List<Pattern> ownPatterns, List<String> matchKeys) {

        public static Traces of(String sourceId, List<String> recordSubjects, String email, String taxId, String name,
                String phone) {
            Set<String> subjects = new LinkedHashSet<>();
            Set<String> suffixes = new LinkedHashSet<>();
            List<String> sourceIds = new ArrayList<>();
            Set<String> needles = new LinkedHashSet<>();
            List<Pattern> patterns = new ArrayList<>();
            List<Pattern> own = new ArrayList<>();
            Set<String> keys = new LinkedHashSet<>();
            recordSubjects.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).forEach(subjects::add);
            if (present(sourceId)) {
                String id = sourceId.strip();
                sourceIds.add(id);
                for (String type : List.of("company", "person", "customer", "organization", "contact")) {
                    subjects.add(type + ":" + id);
                    suffixes.add(":" + type + ":" + id);
                }
            }
            if (present(email)) {
                needles.add(email.strip().toLowerCase(Locale.ROOT));
                patterns.add(Pattern.compile(Pattern.quote(email.strip()), Pattern.CASE_INSENSITIVE
                        | Pattern.UNICODE_CASE));
            }
            if (present(name)) {
                String[] parts = name.strip().split("\\s+");
                needles.add(String.join(" ", parts).toLowerCase(Locale.ROOT));
                patterns.add(Pattern.compile(String.join("\\s+", List.of(parts).stream().map(Pattern::quote)
                        .toList()), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
                for (String part : parts) {
                    if (part.length() >= 4) {
                        own.add(Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(part) + "(?![\\p{L}\\p{N}])",
                                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
                    }
                }
                keys.add("name:" + name.strip());
                keys.add("name:" + String.join(" ", parts));
            }
            if (present(taxId)) {
                String digits = taxId.replaceAll("\\D", "");
                String plain = taxId.replaceAll("[^\\p{L}\\p{N}]", "").toUpperCase(Locale.ROOT);
                for (TaxIdKind kind : TaxIdKind.values()) {
                    keys.add(kind + ":" + plain);
                    if (!digits.isEmpty()) {
                        keys.add(kind + ":" + digits);
                    }
                }
                if (!plain.equals(digits)) {
                    needles.add(plain.toLowerCase(Locale.ROOT));
                    patterns.add(Pattern.compile(Pattern.quote(plain), Pattern.CASE_INSENSITIVE));
                }
                TaxId.tryParseBrazilian(taxId).ifPresent(parsed -> {
                    needles.add(parsed.masked().toLowerCase(Locale.ROOT));
                    patterns.add(Pattern.compile(Pattern.quote(parsed.masked())));
                });
                digits(digits, needles, patterns);
            }
            if (present(phone)) {
                String digits = phone.replaceAll("\\D", "");
                digits(digits, needles, patterns);
                if (digits.startsWith("55") && digits.length() >= 12) {
                    digits(digits.substring(2), needles, patterns);
                }
            }
            // Longer first: a full name goes before any number inside it.
            patterns.sort(Comparator.comparingInt((Pattern p) -> p.pattern().length()).reversed());
            return new Traces(List.copyOf(subjects), List.copyOf(suffixes), sourceIds, List.copyOf(needles),
                    patterns, own, List.copyOf(keys));
        }

        private static void digits(String digits, Set<String> needles, List<Pattern> patterns) {
            if (digits.length() < 6) {
                return;
            }
            needles.add("%" + String.join("%", digits.split("")) + "%");
            patterns.add(Pattern.compile("(?<!\\d)" + String.join(SEPARATORS, digits.split("")) + "(?!\\d)"));
        }

        private static boolean present(String value) {
            return value != null && !value.isBlank();
        }
    }

    // ---- one person ----------------------------------------------------------------------------------------------

    /** Removes the person's traces from the connection's rows; answers how many rows changed. */
    public Counts redact(UUID connectionId, Traces who) {
        try (Connection c = dataSource.getConnection()) {
            return new Counts(redactHistory(c, connectionId, who), redactJobs(c, connectionId, who),
                    redactLinks(c, connectionId, who), redactMatches(c, connectionId, who),
                    redactRuns(c, connectionId, who));
        } catch (SQLException e) {
            throw new IllegalStateException("could not redact personal data of connection " + connectionId, e);
        }
    }

    /** The connection's rows that concern the person, unchanged. */
    public Found find(UUID connectionId, Traces who) {
        try (Connection c = dataSource.getConnection()) {
            List<Row> history = new ArrayList<>();
            Where w = where(who, "subject", "message", "details");
            query(c, "select id, subject, action, outcome, message, details, created_at from history where"
                    + " connection_id = ? and " + w.sql + " order by id", connectionId, w, rs -> history.add(
                            new Row(rs.getString("id"), rs.getString("subject"), JobStore.instant(rs, "created_at"),
                                    rs.getString("action") + " " + rs.getString("outcome") + ": "
                                            + rs.getString("message") + optional(" — ", rs.getString("details")))));
            List<Row> jobs = new ArrayList<>();
            w = where(who, "subject", "payload", "reason", "last_error");
            query(c, "select id, subject, kind, status, payload, reason, last_error, created_at from job where"
                    + " connection_id = ? and " + w.sql + " order by id", connectionId, w, rs -> jobs.add(
                            new Row(rs.getString("id"), rs.getString("subject"), JobStore.instant(rs, "created_at"),
                                    rs.getString("kind") + " " + rs.getString("status")
                                            + optional("; payload: ", rs.getString("payload"))
                                            + optional("; reason: ", rs.getString("reason"))
                                            + optional("; last error: ", rs.getString("last_error")))));
            List<Row> links = new ArrayList<>();
            w = linkWhere(who);
            query(c, "select id, entity_type, source_id, ledger_id, snapshot, updated_at from record_link where"
                    + " connection_id = ? and " + w.sql + " order by id", connectionId, w, rs -> links.add(
                            new Row(rs.getString("id"), null, JobStore.instant(rs, "updated_at"),
                                    rs.getString("entity_type") + " " + rs.getString("source_id") + " → "
                                            + rs.getString("ledger_id")
                                            + optional("; last synced fields: ", rs.getString("snapshot")))));
            List<Row> matches = new ArrayList<>();
            w = matchWhere(connectionId, who, true);
            query(c, "select id, entity_type, match_key, ledger_id, updated_at from record_match where"
                    + " connection_id = ? and " + w.sql + " order by id", connectionId, w, rs -> matches.add(
                            new Row(rs.getString("id"), null, JobStore.instant(rs, "updated_at"),
                                    rs.getString("entity_type") + " " + rs.getString("match_key") + " → "
                                            + rs.getString("ledger_id"))));
            List<Row> runs = new ArrayList<>();
            w = where(who, null, "message");
            query(c, "select id, mode, status, message, queued_at from sync_run where connection_id = ? and "
                    + w.sql + " order by id", connectionId, w, rs -> runs.add(new Row(rs.getString("id"), null,
                            JobStore.instant(rs, "queued_at"), rs.getString("mode") + " " + rs.getString("status")
                                    + optional(": ", rs.getString("message")))));
            return new Found(history, jobs, links, matches, runs);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read personal data of connection " + connectionId, e);
        }
    }

    private int redactHistory(Connection c, UUID connectionId, Traces who) throws SQLException {
        Where w = where(who, "subject", "message", "details");
        List<Object[]> changed = new ArrayList<>();
        query(c, "select id, subject, message, details from history where connection_id = ? and " + w.sql,
                connectionId, w, rs -> {
                    List<Pattern> patterns = patternsFor(who, rs.getString("subject"));
                    String message = scrubText(rs.getString("message"), patterns);
                    String details = scrubAny(rs.getString("details"), patterns, Set.of());
                    if (!message.equals(rs.getString("message"))
                            || !java.util.Objects.equals(details, rs.getString("details"))) {
                        changed.add(new Object[] {message, details, rs.getLong("id")});
                    }
                });
        return update(c, "update history set message = ?, details = ? where id = ?", changed);
    }

    private int redactJobs(Connection c, UUID connectionId, Traces who) throws SQLException {
        Where w = where(who, "subject", "payload", "reason", "last_error");
        List<Object[]> changed = new ArrayList<>();
        query(c, "select id, subject, payload, reason, last_error from job where connection_id = ? and " + w.sql,
                connectionId, w, rs -> {
                    List<Pattern> patterns = patternsFor(who, rs.getString("subject"));
                    String payload = scrubAny(rs.getString("payload"), patterns, Set.of());
                    String reason = scrubText(rs.getString("reason"), patterns);
                    String error = scrubAny(rs.getString("last_error"), patterns, Set.of());
                    if (!java.util.Objects.equals(payload, rs.getString("payload"))
                            || !java.util.Objects.equals(reason, rs.getString("reason"))
                            || !java.util.Objects.equals(error, rs.getString("last_error"))) {
                        changed.add(new Object[] {payload, reason, error, rs.getLong("id")});
                    }
                });
        return update(c, "update job set payload = ?, reason = ?, last_error = ? where id = ?", changed);
    }

    private int redactLinks(Connection c, UUID connectionId, Traces who) throws SQLException {
        Where w = linkWhere(who);
        List<Object[]> changed = new ArrayList<>();
        query(c, "select id, snapshot from record_link where connection_id = ? and snapshot is not null and "
                + w.sql, connectionId, w, rs -> {
                    String snapshot = scrubAny(rs.getString("snapshot"), who.patterns(), PERSONAL_FIELDS);
                    if (!snapshot.equals(rs.getString("snapshot"))) {
                        changed.add(new Object[] {snapshot, rs.getLong("id")});
                    }
                });
        return update(c, "update record_link set snapshot = ? where id = ?", changed);
    }

    private int redactMatches(Connection c, UUID connectionId, Traces who) throws SQLException {
        Where w = matchWhere(connectionId, who, false);
        return digestKeys(c, connectionId, "select id, entity_type, match_key from record_match where"
                + " connection_id = ? and " + w.sql, w);
    }

    private int redactRuns(Connection c, UUID connectionId, Traces who) throws SQLException {
        Where w = where(who, null, "message");
        List<Object[]> changed = new ArrayList<>();
        query(c, "select id, message from sync_run where connection_id = ? and " + w.sql, connectionId, w, rs -> {
            String message = scrubText(rs.getString("message"), who.patterns());
            if (!message.equals(rs.getString("message"))) {
                changed.add(new Object[] {message, rs.getLong("id")});
            }
        });
        return update(c, "update sync_run set message = ? where id = ?", changed);
    }

    // ---- a whole connection --------------------------------------------------------------------------------------

    /**
     * Removes every stored text that may hold personal data of the connection's records — history messages (but for
     * the audit lines of earlier redactions), jobs' payloads, reasons and errors (waiting jobs are skipped, as they
     * could not run without their payload), snapshots, run messages — and turns every match key into its digest.
     * Links and fingerprints stay: they hold no personal data and keep a record from being created twice.
     */
    public Counts forget(UUID connectionId) {
        try (Connection c = dataSource.getConnection()) {
            int history = execute(c, "update history set message = ?, details = null where connection_id = ?"
                    + " and action not like ? and (message <> ? or details is not null)", REMOVED, connectionId,
                    AUDIT_ACTION + "%", REMOVED);
            int waiting = execute(c, "update job set status = 'SKIPPED', run_at = null, payload = null,"
                    + " last_error = null, reason = ?, finished_at = ? where connection_id = ?"
                    + " and status in ('QUEUED', 'FAILED')", FORGOTTEN, JobStore.ts(clock.instant()), connectionId);
            int done = execute(c, "update job set payload = null, last_error = null, reason = null"
                    + " where connection_id = ? and status in ('SUCCEEDED', 'SKIPPED', 'DEAD')"
                    + " and (reason is null or reason <> ?)"
                    + " and (payload is not null or last_error is not null or reason is not null)", connectionId,
                    FORGOTTEN);
            int links = execute(c, "update record_link set snapshot = null where connection_id = ?"
                    + " and snapshot is not null", connectionId);
            int matches = digestKeys(c, connectionId, "select id, entity_type, match_key from record_match where"
                    + " connection_id = ? and match_key not like ?", new Where("", List.of(MatchKeyDigest.PREFIX
                            + "%")));
            int runs = execute(c, "update sync_run set message = null where connection_id = ? and message is not null",
                    connectionId);
            return new Counts(history, waiting + done, links, matches, runs);
        } catch (SQLException e) {
            throw new IllegalStateException("could not forget personal data of connection " + connectionId, e);
        }
    }

    // ---- rewriting -----------------------------------------------------------------------------------------------

    private static List<Pattern> patternsFor(Traces who, String subject) {
        boolean own = subject != null && (who.subjects().contains(subject)
                || who.subjectSuffixes().stream().anyMatch(subject::endsWith));
        if (!own || who.ownPatterns().isEmpty()) {
            return who.patterns();
        }
        List<Pattern> all = new ArrayList<>(who.patterns());
        all.addAll(who.ownPatterns());
        return all;
    }

    static String scrubText(String text, List<Pattern> patterns) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (Pattern p : patterns) {
            result = p.matcher(result).replaceAll(Matcher.quoteReplacement(REMOVED));
        }
        return result;
    }

    /** JSON is rewritten value by value (and loses the {@code dropped} fields at any depth); other text as text. */
    static String scrubAny(String text, List<Pattern> patterns, Set<String> dropped) {
        if (text == null) {
            return null;
        }
        String trimmed = text.strip();
        if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) {
            return scrubText(text, patterns);
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return scrubText(text, patterns);
        }
        boolean changed = scrubNode(tree, patterns, dropped);
        if (!changed) {
            return text;
        }
        try {
            return JSON.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean scrubNode(JsonNode node, List<Pattern> patterns, Set<String> dropped) {
        boolean changed = false;
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                if (dropped.contains(field.getKey())) {
                    it.remove();
                    changed = true;
                    continue;
                }
                Optional<JsonNode> replaced = scrubValue(field.getValue(), patterns);
                if (replaced.isPresent()) {
                    field.setValue(replaced.get());
                    changed = true;
                } else {
                    changed |= scrubNode(field.getValue(), patterns, dropped);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                Optional<JsonNode> replaced = scrubValue(array.get(i), patterns);
                if (replaced.isPresent()) {
                    array.set(i, replaced.get());
                    changed = true;
                } else {
                    changed |= scrubNode(array.get(i), patterns, dropped);
                }
            }
        }
        return changed;
    }

    /** A text or number holding personal data, rewritten as text; empty when it holds none (or is no value). */
    private static Optional<JsonNode> scrubValue(JsonNode value, List<Pattern> patterns) {
        if (!value.isTextual() && !value.isNumber()) {
            return Optional.empty();
        }
        String text = value.asText();
        String scrubbed = scrubText(text, patterns);
        return scrubbed.equals(text) ? Optional.empty() : Optional.of(TextNode.valueOf(scrubbed));
    }

    /** Replaces match keys by their digest; a key whose digest is stored already is deleted instead. */
    private int digestKeys(Connection c, UUID connectionId, String select, Where w) throws SQLException {
        List<Object[]> keys = new ArrayList<>();
        query(c, select, connectionId, w, rs -> {
            if (!MatchKeyDigest.isDigest(rs.getString("match_key"))) {
                keys.add(new Object[] {rs.getLong("id"), rs.getString("entity_type"), rs.getString("match_key")});
            }
        });
        int changed = 0;
        for (Object[] key : keys) {
            String digested = digest.of(connectionId, (String) key[1], (String) key[2]);
            boolean exists;
            try (PreparedStatement ps = c.prepareStatement("select 1 from record_match where connection_id = ?"
                    + " and entity_type = ? and match_key = ?")) {
                ps.setObject(1, connectionId);
                ps.setString(2, (String) key[1]);
                ps.setString(3, digested);
                try (ResultSet rs = ps.executeQuery()) {
                    exists = rs.next();
                }
            }
            changed += exists ? execute(c, "delete from record_match where id = ?", key[0])
                    : execute(c, "update record_match set match_key = ? where id = ?", digested, key[0]);
        }
        return changed;
    }

    // ---- SQL -----------------------------------------------------------------------------------------------------

    /** A condition and its parameters, after {@code connection_id = ?}. */
    private record Where(String sql, List<Object> args) {
    }

    /** Rows of the person's records, or whose text columns hold one of their needles. */
    private static Where where(Traces who, String subjectColumn, String... textColumns) {
        List<String> or = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (subjectColumn != null) {
            for (String subject : who.subjects()) {
                or.add(subjectColumn + " = ?");
                args.add(subject);
            }
            for (String suffix : who.subjectSuffixes()) {
                or.add(subjectColumn + " like ? escape '!'");
                args.add("%" + escape(suffix));
            }
        }
        for (String column : textColumns) {
            for (String needle : who.needles()) {
                or.add("lower(" + column + ") like ? escape '!'");
                args.add(needle.startsWith("%") ? needle : "%" + escape(needle) + "%");
            }
        }
        return new Where(or.isEmpty() ? "1 = 0" : "(" + String.join(" or ", or) + ")", args);
    }

    private static Where linkWhere(Traces who) {
        Where text = where(who, null, "snapshot");
        List<String> or = new ArrayList<>(List.of(text.sql));
        List<Object> args = new ArrayList<>(text.args);
        for (String id : who.sourceIds()) {
            or.add("source_id = ?");
            args.add(id);
        }
        return new Where("(" + String.join(" or ", or) + ")", args);
    }

    /** The person's match keys as flows write them (and, to show them, their digests), or keys holding a needle. */
    private Where matchWhere(UUID connectionId, Traces who, boolean withDigests) {
        Where text = where(who, null, "match_key");
        List<String> or = new ArrayList<>(List.of(text.sql));
        List<Object> args = new ArrayList<>(text.args);
        for (String key : who.matchKeys()) {
            or.add("match_key = ?");
            args.add(key);
            if (withDigests) {
                or.add("(entity_type = 'customer' and match_key = ?)");
                args.add(digest.of(connectionId, "customer", key));
            }
        }
        return new Where("(" + String.join(" or ", or) + ")", args);
    }

    private static String escape(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, String sql, UUID connectionId, Where w, RowReader reader)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, connectionId);
            for (int i = 0; i < w.args.size(); i++) {
                ps.setObject(i + 2, w.args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        }
    }

    private static int update(Connection c, String sql, List<Object[]> rows) throws SQLException {
        int changed = 0;
        for (Object[] row : rows) {
            changed += execute(c, sql, row);
        }
        return changed;
    }

    private static int execute(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                if (args[i] == null) {
                    ps.setNull(i + 1, java.sql.Types.VARCHAR);
                } else {
                    ps.setObject(i + 1, args[i]);
                }
            }
            return ps.executeUpdate();
        }
    }

    private static String optional(String prefix, String value) {
        return value == null ? "" : prefix + value;
    }
}
