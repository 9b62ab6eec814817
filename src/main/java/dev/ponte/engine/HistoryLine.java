package dev.ponte.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A history line not yet written: one a job's attempt recorded, kept in its {@link JobScope} and written with the
 * attempt's outcome, in the same commit ({@link JobStore#complete}), or one written at once outside a job.
 */
record HistoryLine(UUID connectionId, String subject, Long jobId, String action, String outcome, String message,
        String details, Instant createdAt) {

    /** The longest message a history line keeps. */
    static final int MESSAGE_LENGTH = 2000;

    HistoryLine {
        message = message.length() > MESSAGE_LENGTH ? message.substring(0, MESSAGE_LENGTH) : message;
    }

    /** Inserts {@code lines} in one batch, in {@code c}'s transaction (or each committed, in auto-commit). */
    static void insert(Connection c, List<HistoryLine> lines) throws SQLException {
        if (lines.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("insert into history (connection_id, subject, job_id, action,"
                + " outcome, message, details, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (HistoryLine line : lines) {
                ps.setObject(1, line.connectionId());
                ps.setString(2, line.subject());
                ps.setObject(3, line.jobId());
                ps.setString(4, line.action());
                ps.setString(5, line.outcome());
                ps.setString(6, line.message());
                ps.setString(7, line.details());
                ps.setObject(8, JobStore.ts(line.createdAt()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
