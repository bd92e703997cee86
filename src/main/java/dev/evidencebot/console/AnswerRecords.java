package dev.evidencebot.console;

import dev.evidencebot.answer.AnsweredEvent;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** The answers table (citations in a column of each row): batch insert, lookup by id, purge by age. */
@Singleton
final class AnswerRecords {

    private static final String INSERT_ANSWER = "INSERT INTO answers (id, asked_at, door, conversation_id, question, "
            + "abstained, evidence_level, composer, fallback_reason, latency_ms, client_hash, citations) "
            + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)";

    private final Database database;
    private final ClientKeys clientKeys;

    AnswerRecords(Database database, ClientKeys clientKeys) {
        this.database = database;
        this.clientKeys = clientKeys;
    }

    /** Writes the answers in one transaction, as one JDBC batch. */
    void insert(List<AnsweredEvent> answers) throws SQLException {
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement answer = connection.prepareStatement(INSERT_ANSWER)) {
                for (AnsweredEvent event : answers) {
                    answer.setString(1, event.answerId());
                    answer.setObject(2, utc(event.at()));
                    answer.setString(3, event.door());
                    answer.setString(4, event.conversationId());
                    answer.setString(5, cut(event.question(), 2000));
                    answer.setBoolean(6, event.abstained());
                    answer.setString(7, event.evidence());
                    answer.setString(8, event.composer());
                    answer.setString(9, cut(event.fallbackReason(), 1000));
                    answer.setLong(10, event.latencyMs());
                    answer.setString(11, clientKeys.hash(event.clientKey()));
                    answer.setString(12, CitationColumn.write(event.citations()));
                    answer.addBatch();
                }
                answer.executeBatch();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    boolean exists(String answerId) throws SQLException {
        try (Connection connection = database.connection();
             PreparedStatement select = connection.prepareStatement("SELECT 1 FROM answers WHERE id = ?")) {
            select.setString(1, answerId);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    /**
     * Deletes answers asked before {@code cutoff} with their feedback, and any other
     * feedback given before it (imported feedback may rate answers the log never saw).
     *
     * @return how many answers were deleted
     */
    int purgeBefore(Instant cutoff) throws SQLException {
        OffsetDateTime before = utc(cutoff);
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            try {
                execute(connection, "DELETE FROM feedback WHERE answer_id IN (SELECT id FROM answers WHERE asked_at < ?)", before);
                execute(connection, "DELETE FROM feedback WHERE given_at < ?", before);
                int answers = execute(connection, "DELETE FROM answers WHERE asked_at < ?", before);
                connection.commit();
                return answers;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static int execute(Connection connection, String sql, OffsetDateTime before) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(sql)) {
            delete.setObject(1, before);
            return delete.executeUpdate();
        }
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
