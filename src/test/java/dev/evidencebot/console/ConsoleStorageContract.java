package dev.evidencebot.console;

import dev.evidencebot.answer.AnsweredEvent;
import dev.evidencebot.answer.Feedback;
import dev.evidencebot.answer.UnknownAnswerException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the console's storage promises, on whichever database a subclass opens: H2 always,
 * PostgreSQL when one is reachable. Each test starts from an empty database.
 */
abstract class ConsoleStorageContract {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @TempDir
    Path data;

    Database database;
    AnswerRecords records;
    QuestionLog log;

    /** A fresh, empty database this test may migrate and fill. */
    abstract Database openEmpty() throws Exception;

    /** The same database again, as a restart would open it. */
    abstract Database reopen() throws Exception;

    @BeforeEach
    void open() throws Exception {
        database = openEmpty();
        records = new AnswerRecords(database, new ClientKeys("test-salt"));
        log = new QuestionLog(() -> records, true);
    }

    @AfterEach
    void closeAll() {
        if (log != null) {
            log.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void migrationsCreateEmptyTablesAndRunOnlyOnce() throws Exception {
        for (String table : List.of("answers", "answer_citations", "feedback", "imports")) {
            assertEquals(0, count("SELECT COUNT(*) FROM " + table), table);
        }
        try (Database again = reopen()) {
            // Flyway's own table, quoted: H2 would fold unquoted names to upper case
            assertEquals(1, countIn(again, "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" = '1' AND \"success\" = TRUE"));
        }
    }

    @Test
    void loggedAnswersAreWrittenWithTheirCitationsAndAHashedClientKey() throws Exception {
        for (int i = 0; i < QuestionLog.BATCH + 50; i++) {
            log.onApplicationEvent(answered("a" + i, NOW, "203.0.113." + (i % 3)));
        }
        log.flush();

        assertEquals(QuestionLog.BATCH + 50, count("SELECT COUNT(*) FROM answers"));
        assertEquals(2 * (QuestionLog.BATCH + 50), count("SELECT COUNT(*) FROM answer_citations"));
        assertEquals(1, count("SELECT COUNT(*) FROM answer_citations WHERE answer_id = 'a7' AND reference_number IS NULL"));
        String hash = text("SELECT client_hash FROM answers WHERE id = 'a0'");
        assertEquals(64, hash.length());
        assertNotEquals("203.0.113.0", hash);
        assertEquals(hash, text("SELECT client_hash FROM answers WHERE id = 'a3'"), "same visitor, same hash");
        assertEquals(3, count("SELECT COUNT(DISTINCT client_hash) FROM answers"));
        assertEquals("api", text("SELECT door FROM answers WHERE id = 'a0'"));
    }

    @Test
    void thePurgeDeletesAnswersOlderThanTheRetentionWithTheirCitationsAndFeedback() throws Exception {
        log.onApplicationEvent(answered("old", NOW.minus(Duration.ofDays(91)), null));
        log.onApplicationEvent(answered("new", NOW.minus(Duration.ofDays(89)), null));
        log.flush();
        JdbcFeedbackStore feedback = store();
        feedback.save(new Feedback("old", "down", null, "api", NOW.minus(Duration.ofDays(91))));
        feedback.save(new Feedback("new", "up", null, "api", NOW.minus(Duration.ofDays(89))));

        int deleted = new RetentionPurge(() -> records, Duration.ofDays(90), Clock.fixed(NOW, ZoneOffset.UTC)).purge();

        assertEquals(1, deleted);
        assertEquals(0, count("SELECT COUNT(*) FROM answers WHERE id = 'old'"));
        assertEquals(0, count("SELECT COUNT(*) FROM answer_citations WHERE answer_id = 'old'"));
        assertEquals(List.of("new"), feedback.all().stream().map(Feedback::answerId).toList());
        assertEquals(2, count("SELECT COUNT(*) FROM answer_citations WHERE answer_id = 'new'"));
    }

    @Test
    void feedbackJsonlIsImportedOnceWithoutDuplicates() throws Exception {
        Files.createDirectories(data);
        Files.writeString(data.resolve("feedback.jsonl"), """
                {"answerId":"legacy-1","rating":"up","comment":null,"channel":"widget","at":"2026-05-01T10:00:00Z"}
                {"answerId":"legacy-2","rating":"down","comment":"cite the trial","channel":"api","at":"2026-05-02T10:00:00Z"}
                """, StandardCharsets.UTF_8);

        store();
        store(); // a restart

        List<Feedback> all = store().all();
        assertEquals(List.of("legacy-1", "legacy-2"), all.stream().map(Feedback::answerId).toList());
        assertEquals("cite the trial", all.get(1).comment());
        assertEquals(Instant.parse("2026-05-01T10:00:00Z"), all.get(0).at());
        assertEquals(1, count("SELECT COUNT(*) FROM imports"));
    }

    @Test
    void feedbackOnAnUnknownAnswerIsRefusedAndOnAFreshOneAccepted() throws Exception {
        JdbcFeedbackStore feedback = store();
        assertThrows(UnknownAnswerException.class, () -> feedback.save(new Feedback("nope", "up", null, "api", NOW)));

        log.onApplicationEvent(answered("fresh", NOW, null)); // still queued: the store flushes before refusing
        feedback.save(new Feedback("fresh", "up", null, "api", NOW));

        assertEquals(List.of("fresh"), feedback.all().stream().map(Feedback::answerId).toList());
    }

    JdbcFeedbackStore store() {
        return new JdbcFeedbackStore(database, records, log, data.toString(), "");
    }

    static AnsweredEvent answered(String id, Instant at, String clientKey) {
        List<AnsweredEvent.CitedReference> cited = new ArrayList<>();
        cited.add(new AnsweredEvent.CitedReference(1, "semax-memory", 3));
        cited.add(new AnsweredEvent.CitedReference(2, "semax-memory", null));
        return new AnsweredEvent(id, at, "api", UUID.randomUUID().toString(), "Does semax help memory?", false,
                "HUMAN_RCT", cited, "extractive", null, 12, clientKey);
    }

    long count(String sql) throws SQLException {
        return countIn(database, sql);
    }

    static long countIn(Database database, String sql) throws SQLException {
        try (Connection connection = database.connection(); PreparedStatement select = connection.prepareStatement(sql);
             ResultSet row = select.executeQuery()) {
            assertTrue(row.next(), sql);
            return row.getLong(1);
        }
    }

    String text(String sql) throws SQLException {
        try (Connection connection = database.connection(); PreparedStatement select = connection.prepareStatement(sql);
             ResultSet row = select.executeQuery()) {
            assertTrue(row.next(), sql);
            return row.getString(1);
        }
    }
}
