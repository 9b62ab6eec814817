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
                // Whole words only: "Ana" is not the "ana" of "Banana", nor of an id.
                patterns.add(Pattern.compile("(?<![\\p{L}\\p{N}])" + String.join("\\s+", List.of(parts).stream()
                        .map(Pattern::quote).toList()) + "(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE
                        | Pattern.UNICODE_CASE));
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
            for (String one : present(phone) ? phone.split("[,;]") : new String[0]) {
                String digits = one.replaceAll("\\D", "");
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

        /** Both persons' traces: what one request names and what Ponte learnt of the same person. */
        Traces plus(Traces other) {
            List<Pattern> allPatterns = new ArrayList<>(patterns);
            other.patterns.stream().filter(p -> patterns.stream().noneMatch(q -> q.pattern().equals(p.pattern())))
                    .forEach(allPatterns::add);
            allPatterns.sort(Comparator.comparingInt((Pattern p) -> p.pattern().length()).reversed());
            List<Pattern> allOwn = new ArrayList<>(ownPatterns);
            allOwn.addAll(other.ownPatterns);
            return new Traces(union(subjects, other.subjects), union(subjectSuffixes, other.subjectSuffixes),
                    union(sourceIds, other.sourceIds), union(needles, other.needles), allPatterns, allOwn,
                    union(matchKeys, other.matchKeys));
        }

        private static List<String> union(List<String> a, List<String> b) {
            Set<String> all = new LinkedHashSet<>(a);
            all.addAll(b);
            return List.copyOf(all);
        }

        private static void digits(String digits, Set<String> needles, List<Pattern> patterns) {
            if (digits.length() < 6) {
                return;
            }
            needles.add("%" + String.join("%", digits.split("")) + "%");
            patterns.add(Pattern.compile("(?<![\\d+])\\+?" + String.join(SEPARATORS, digits.split("")) + "(?!\\d)"));
        }

        private static boolean present(String value) {
            return value != null && !value.isBlank();
        }
    }

    // ---- one person ----------------------------------------------------------------------------------------------

    /** Removes the person's traces from the connection's rows; answers how many rows changed. */
    public Counts redact(UUID connectionId, Traces request) {
        try (Connection c = dataSource.getConnection()) {
            Traces who = learnt(c, connectionId, request);
            // Match keys first: they are found by ledger ids in the history lines, which the patterns may touch.
            int matches = digestKeys(c, connectionId, personMatches(c, connectionId, who, false));
            return new Counts(redactHistory(c, connectionId, who), redactJobs(c, connectionId, who),
                    redactLinks(c, connectionId, who), matches, redactRuns(c, connectionId, who));
        } catch (SQLException e) {
            throw new IllegalStateException("could not redact personal data of connection " + connectionId, e);
        }
    }

    /**
     * The connection's rows that concern the person, unchanged: the rows of their records, and rows that mention
     * them (the needles only pre-select; the patterns decide).
     */
    public Found find(UUID connectionId, Traces request) {
        try (Connection c = dataSource.getConnection()) {
            Traces who = learnt(c, connectionId, request);
            List<Row> history = new ArrayList<>();
            Where w = where(who, "subject", "message", "details");
            query(c, "select id, subject, action, outcome, message, details, created_at from history where"
                    + " connection_id = ? and " + w.sql + " order by id", connectionId, w, rs -> {
                        if (concerns(who, rs.getString("subject"), rs.getString("message"), rs.getString("details"))) {
                            history.add(new Row(rs.getString("id"), rs.getString("subject"),
                                    JobStore.instant(rs, "created_at"), rs.getString("action") + " "
                                            + rs.getString("outcome") + ": " + rs.getString("message")
                                            + optional(" — ", rs.getString("details"))));
                        }
                    });
            List<Row> jobs = new ArrayList<>();
            w = where(who, "subject", "payload", "reason", "last_error");
            query(c, "select id, subject, kind, status, payload, reason, last_error, created_at from job where"
                    + " connection_id = ? and " + w.sql + " order by id", connectionId, w, rs -> {
                        if (concerns(who, rs.getString("subject"), rs.getString("payload"), rs.getString("reason"),
                                rs.getString("last_error"))) {
                            jobs.add(new Row(rs.getString("id"), rs.getString("subject"),
                                    JobStore.instant(rs, "created_at"), rs.getString("kind") + " "
                                            + rs.getString("status") + optional("; payload: ", rs.getString("payload"))
                                            + optional("; reason: ", rs.getString("reason"))
                                            + optional("; last error: ", rs.getString("last_error"))));
                        }
                    });
            List<Row> links = new ArrayList<>();
            w = linkWhere(who);
            query(c, "select id, entity_type, source_id, ledger_id, snapshot, updated_at from record_link where"
                    + " connection_id = ? and " + w.sql + " order by id", connectionId, w, rs -> {
                        if (who.sourceIds().contains(rs.getString("source_id"))
                                || concerns(who, null, rs.getString("snapshot"))) {
                            links.add(new Row(rs.getString("id"), null, JobStore.instant(rs, "updated_at"),
                                    rs.getString("entity_type") + " " + rs.getString("source_id") + " → "
                                            + rs.getString("ledger_id")
                                            + optional("; last synced fields: ", rs.getString("snapshot"))));
                        }
                    });
            List<Row> matches = personMatches(c, connectionId, who, true).stream()
                    .map(m -> new Row(String.valueOf(m.id()), null, m.updatedAt(), m.entityType() + " " + m.key()
                            + " → " + m.ledgerId()))
                    .toList();
            List<Row> runs = new ArrayList<>();
            w = where(who, null, "message");
            query(c, "select id, mode, status, message, queued_at from sync_run where connection_id = ? and "
                    + w.sql + " order by id", connectionId, w, rs -> {
                        if (concerns(who, null, rs.getString("message"))) {
                            runs.add(new Row(rs.getString("id"), null, JobStore.instant(rs, "queued_at"),
                                    rs.getString("mode") + " " + rs.getString("status")
                                            + optional(": ", rs.getString("message"))));
                        }
                    });
            return new Found(history, jobs, links, matches, runs);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read personal data of connection " + connectionId, e);
        }
    }

    /** Whether a row is of the person's records or one of its texts mentions them. */
    private static boolean concerns(Traces who, String subject, String... texts) {
        if (subject != null && (who.subjects().contains(subject)
                || who.subjectSuffixes().stream().anyMatch(subject::endsWith))) {
            return true;
        }
        for (String text : texts) {
            if (text != null && who.patterns().stream().anyMatch(p -> p.matcher(text).find())) {
                return true;
            }
        }
        return false;
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

    /** A match key row. */
    private record MatchRow(long id, String entityType, String key, String ledgerId, Instant updatedAt) {
    }

    /**
     * The person's match keys: those made of their identifiers (as flows write them, or already digested), those
     * leading to a ledger party their records' history lines name (a flow writes "customer &lt;ledger id&gt; ..."), and
     * every other key leading to the same ledger party. Items are products, not people: only their identifiers find
     * them. Digesting a key too many would cost nothing: a digested key still matches.
     */
    private List<MatchRow> personMatches(Connection c, UUID connectionId, Traces who, boolean withDigests)
            throws SQLException {
        Set<String> keys = new java.util.HashSet<>(who.matchKeys());
        if (withDigests) {
            for (String type : entityTypes(c, connectionId)) {
                who.matchKeys().forEach(k -> keys.add(digest.of(connectionId, type, k)));
            }
        }
        Map<Long, MatchRow> found = new java.util.LinkedHashMap<>();
        Where w = matchWhere(who, keys);
        query(c, "select id, entity_type, match_key, ledger_id, updated_at from record_match where"
                + " connection_id = ? and " + w.sql + " order by id", connectionId, w, rs -> {
                    if (keys.contains(rs.getString("match_key")) || concerns(who, null, rs.getString("match_key"))) {
                        found.put(rs.getLong("id"), matchRow(rs));
                    }
                });
        Where subjects = where(who, "h.subject");
        if (!subjects.args.isEmpty()) {
            query(c, "select m.id, m.entity_type, m.match_key, m.ledger_id, m.updated_at from record_match m"
                    + " where m.connection_id = ? and m.entity_type <> 'item' and m.ledger_id is not null"
                    + " and length(m.ledger_id) >= 6 and exists (select 1 from history h where"
                    + " h.connection_id = m.connection_id and " + subjects.sql
                    + " and h.message like '%' || m.ledger_id || '%') order by m.id", connectionId, subjects,
                    rs -> found.put(rs.getLong("id"), matchRow(rs)));
        }
        Set<List<String>> parties = new LinkedHashSet<>();
        found.values().stream().filter(m -> m.ledgerId() != null && !"item".equals(m.entityType()))
                .forEach(m -> parties.add(List.of(m.entityType(), m.ledgerId())));
        for (List<String> party : parties) {
            query(c, "select id, entity_type, match_key, ledger_id, updated_at from record_match where"
                    + " connection_id = ? and entity_type = ? and ledger_id = ? order by id", connectionId,
                    new Where("", List.of(party.get(0), party.get(1))), rs -> found.put(rs.getLong("id"),
                            matchRow(rs)));
        }
        return List.copyOf(found.values());
    }

    private static MatchRow matchRow(ResultSet rs) throws SQLException {
        return new MatchRow(rs.getLong("id"), rs.getString("entity_type"), rs.getString("match_key"),
                rs.getString("ledger_id"), JobStore.instant(rs, "updated_at"));
    }

    /**
     * The request's traces and what Ponte holds of the same person under their source id: a two-way link's snapshot
     * knows their name, document, e-mail and phones even when the request gives only the id.
     */
    private static Traces learnt(Connection c, UUID connectionId, Traces who) throws SQLException {
        List<Traces> more = new ArrayList<>();
        for (String id : who.sourceIds()) {
            query(c, "select snapshot from record_link where connection_id = ? and source_id = ?"
                    + " and snapshot is not null", connectionId, new Where("", List.of(id)), rs -> {
                        JsonNode snapshot;
                        try {
                            snapshot = JSON.readTree(rs.getString("snapshot"));
                        } catch (JsonProcessingException e) {
                            return;
                        }
                        for (JsonNode side : snapshot) {
                            String tax = side.path("taxId").asText(null);
                            String phones = String.join(",", java.util.stream.Stream.of(side.path("phone")
                                    .asText(null), side.path("mobile").asText(null))
                                    .filter(java.util.Objects::nonNull).toList());
                            more.add(Traces.of(null, List.of(), side.path("email").asText(null),
                                    tax == null ? null : tax.substring(tax.indexOf(':') + 1),
                                    side.path("name").asText(null), phones));
                        }
                    });
        }
        Traces all = who;
        for (Traces t : more) {
            all = all.plus(t);
        }
        return all;
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
            List<MatchRow> keys = new ArrayList<>();
            query(c, "select id, entity_type, match_key, ledger_id, updated_at from record_match where"
                    + " connection_id = ? and match_key not like ?", connectionId,
                    new Where("", List.of(MatchKeyDigest.PREFIX + "%")), rs -> keys.add(matchRow(rs)));
            int matches = digestKeys(c, connectionId, keys);
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
    private int digestKeys(Connection c, UUID connectionId, List<MatchRow> rows) throws SQLException {
        int changed = 0;
        for (MatchRow row : rows) {
            if (MatchKeyDigest.isDigest(row.key())) {
                continue;
            }
            String digested = digest.of(connectionId, row.entityType(), row.key());
            boolean exists;
            try (PreparedStatement ps = c.prepareStatement("select 1 from record_match where connection_id = ?"
                    + " and entity_type = ? and match_key = ?")) {
                ps.setObject(1, connectionId);
                ps.setString(2, row.entityType());
                ps.setString(3, digested);
                try (ResultSet rs = ps.executeQuery()) {
                    exists = rs.next();
                }
            }
            changed += exists ? execute(c, "delete from record_match where id = ?", row.id())
                    : execute(c, "update record_match set match_key = ? where id = ?", digested, row.id());
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

    /** The person's match keys (as flows write them, or digested), or keys that hold one of their needles. */
    private static Where matchWhere(Traces who, Set<String> keys) {
        Where text = where(who, null, "match_key");
        List<String> or = new ArrayList<>(List.of(text.sql));
        List<Object> args = new ArrayList<>(text.args);
        for (String key : keys) {
            or.add("match_key = ?");
            args.add(key);
        }
        return new Where("(" + String.join(" or ", or) + ")", args);
    }

    private static List<String> entityTypes(Connection c, UUID connectionId) throws SQLException {
        List<String> types = new ArrayList<>();
        query(c, "select distinct entity_type from record_match where connection_id = ?", connectionId,
                new Where("", List.of()), rs -> types.add(rs.getString(1)));
        return types;
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
