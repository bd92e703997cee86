package dev.evidencebot.console;

import dev.evidencebot.answer.Feedback;
import dev.evidencebot.answer.FeedbackStore;
import dev.evidencebot.answer.FileFeedbackStore;
import dev.evidencebot.answer.UnknownAnswerException;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Feedback in the console database, beside the answers it rates. Feedback on an answer the log has
 * never seen is refused ({@link UnknownAnswerException}) — unless logging is off, when there is
 * nothing to check against. On first start the {@value FileFeedbackStore#FILE_NAME} of earlier
 * versions is imported once; the imports table remembers it, so a restart never imports it again.
 */
@Singleton
final class JdbcFeedbackStore implements FeedbackStore {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcFeedbackStore.class);

    static final String FILE_IMPORT = "feedback.jsonl";

    private final Database database;
    private final AnswerRecords answers;
    private final QuestionLog log;

    JdbcFeedbackStore(Database database, AnswerRecords answers, QuestionLog log,
                      @Value("${data.path:data}") String dataPath, @Value("${app.base-dir:}") String baseDir) {
        this.database = database;
        this.answers = answers;
        this.log = log;
        importOnce(Path.of(baseDir).resolve(dataPath).resolve(FileFeedbackStore.FILE_NAME));
    }

    @Override
    public void save(Feedback feedback) {
        try {
            if (log.enabled() && !known(feedback.answerId())) {
                throw new UnknownAnswerException(feedback.answerId());
            }
            try (Connection connection = database.connection()) {
                insert(connection, List.of(feedback));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot save feedback for answer " + feedback.answerId() + ": " + e.getMessage(), e);
        }
    }

    private boolean known(String answerId) throws SQLException {
        if (answers.exists(answerId)) {
            return true;
        }
        // rated within the log's flush interval: write what is queued, then look again
        log.flush();
        if (answers.exists(answerId) || !database.shared()) {
            return answers.exists(answerId);
        }
        // Replicas share this database: another one may have given the answer, and its log writes
        // within its flush interval. Wait that long (and a batch's write) before calling it unknown.
        long deadline = System.nanoTime() + OTHER_REPLICA_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                Thread.sleep(QuestionLog.FLUSH_MILLIS / 2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            if (answers.exists(answerId)) {
                return true;
            }
        }
        return false;
    }

    private static final java.time.Duration OTHER_REPLICA_WAIT = java.time.Duration.ofMillis(QuestionLog.FLUSH_MILLIS * 5);

    @Override
    public List<Feedback> all() {
        try (Connection connection = database.connection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT answer_id, rating, comment_text, channel, given_at FROM feedback ORDER BY given_at, id");
             ResultSet rows = select.executeQuery()) {
            List<Feedback> all = new ArrayList<>();
            while (rows.next()) {
                OffsetDateTime at = rows.getObject(5, OffsetDateTime.class);
                all.add(new Feedback(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                        at == null ? null : at.toInstant()));
            }
            return List.copyOf(all);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read feedback: " + e.getMessage(), e);
        }
    }

    /** Imports {@code file} in one transaction with its imports row, so it is all there exactly once. */
    void importOnce(Path file) {
        if (!Files.exists(file)) {
            return;
        }
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            try {
                if (imported(connection)) {
                    connection.rollback();
                    return;
                }
                List<Feedback> feedback = new FileFeedbackStore(file).all();
                insert(connection, feedback);
                try (PreparedStatement done = connection.prepareStatement(
                        "INSERT INTO imports (name, imported_at, rows_read) VALUES (?, ?, ?)")) {
                    done.setString(1, FILE_IMPORT);
                    done.setObject(2, AnswerRecords.utc(Instant.now()));
                    done.setInt(3, feedback.size());
                    // the primary key makes a concurrent second import fail here and roll back
                    done.executeUpdate();
                }
                connection.commit();
                LOG.info("imported {} feedback records from {}; the file is no longer read", feedback.size(), file);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot import feedback from " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean imported(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM imports WHERE name = ?")) {
            select.setString(1, FILE_IMPORT);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    static void insert(Connection connection, List<Feedback> feedback) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO feedback (answer_id, rating, comment_text, channel, given_at) VALUES (?, ?, ?, ?, ?)")) {
            for (Feedback one : feedback) {
                insert.setString(1, one.answerId());
                insert.setString(2, one.rating());
                insert.setString(3, one.comment());
                insert.setString(4, one.channel());
                insert.setObject(5, AnswerRecords.utc(one.at()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
