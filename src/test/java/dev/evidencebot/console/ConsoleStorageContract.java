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
import java.sql.Statement;
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

    /** A fresh, empty database this test may fill, migrated up to {@code version} (null: the latest). */
    abstract Database openEmpty(String version) throws Exception;

    /** The database last opened empty, again, as a restart of the latest version would open it. */
    abstract Database reopen() throws Exception;

    Database openEmpty() throws Exception {
        return openEmpty(null);
    }

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
        for (String table : List.of("answers", "feedback", "imports")) {
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
        assertEquals(QuestionLog.BATCH + 50, count("SELECT COUNT(*) FROM answers WHERE citations IS NOT NULL"));
        assertEquals(List.of(new ConsoleQueries.Cited("semax-memory", 3), new ConsoleQueries.Cited("semax-memory", null)),
                CitationColumn.read(text("SELECT citations FROM answers WHERE id = 'a7'")));
        String hash = text("SELECT client_hash FROM answers WHERE id = 'a0'");
        assertEquals(64, hash.length());
        assertNotEquals("203.0.113.0", hash);
        assertEquals(hash, text("SELECT client_hash FROM answers WHERE id = 'a3'"), "same visitor, same hash");
        assertEquals(3, count("SELECT COUNT(DISTINCT client_hash) FROM answers"));
        assertEquals("api", text("SELECT door FROM answers WHERE id = 'a0'"));
    }

    @Test
    void thePurgeDeletesAnswersOlderThanTheRetentionWithTheirFeedback() throws Exception {
        log.onApplicationEvent(answered("old", NOW.minus(Duration.ofDays(91)), null));
        log.onApplicationEvent(answered("new", NOW.minus(Duration.ofDays(89)), null));
        log.flush();
        JdbcFeedbackStore feedback = store();
        feedback.save(new Feedback("old", "down", null, "api", NOW.minus(Duration.ofDays(91))));
        feedback.save(new Feedback("new", "up", null, "api", NOW.minus(Duration.ofDays(89))));

        int deleted = new RetentionPurge(() -> records, Duration.ofDays(90), Clock.fixed(NOW, ZoneOffset.UTC)).purge();

        assertEquals(1, deleted);
        assertEquals(0, count("SELECT COUNT(*) FROM answers WHERE id = 'old'"));
        assertEquals(1, count("SELECT COUNT(*) FROM answers WHERE id = 'new'"));
        assertEquals(List.of("new"), feedback.all().stream().map(Feedback::answerId).toList());
    }

    @Test
    void theThirdMigrationMovesCitationsIntoTheirAnswersRows() throws Exception {
        database.close();
        database = openEmpty("2");
        try (Connection connection = database.connection(); Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO answers (id, asked_at, door, question, abstained, latency_ms) VALUES "
                    + "('two', TIMESTAMP WITH TIME ZONE '2026-05-01 10:00:00+00', 'api', 'q', FALSE, 5), "
                    + "('none', TIMESTAMP WITH TIME ZONE '2026-05-01 11:00:00+00', 'api', 'q', TRUE, 5)");
            sql.execute("INSERT INTO answer_citations (answer_id, marker, article_id, reference_number) VALUES "
                    + "('two', 2, 'semax-stroke', NULL), ('two', 1, 'semax-memory', 3)");
        }
        database.close();

        database = reopen();

        ConsoleQueries.Page<ConsoleQueries.LoggedQuestion> page = new ConsoleQueries(database)
                .questions(filter(null, null, null, null, null), 10, 0);
        assertEquals(List.of("none", "two"), ids(page));
        assertEquals(List.of(), page.items().get(0).citations());
        assertEquals(List.of(new ConsoleQueries.Cited("semax-memory", 3), new ConsoleQueries.Cited("semax-stroke", null)),
                page.items().get(1).citations(), "in marker order");
        assertThrows(SQLException.class, () -> count("SELECT COUNT(*) FROM answer_citations"), "the old table is gone");
    }

    @Test
    void questionVectorsAreStoredOnceAndReadBackInsteadOfEmbeddedAgain() throws Exception {
        CountingEmbedder model = new CountingEmbedder();
        QuestionVectors stored = new QuestionVectors(database, model);
        GapClusters first = new GapClusters(model, () -> stored);

        first.vectors(List.of("Do you ship to Canada?", "do you ship to canada?  ", "Can I give CBD oil to my dog?"));
        assertEquals(2, model.embedded.get(), "one embedding per distinct question");
        stored.save(java.util.Map.of(GapClusters.normal("Can I give CBD oil to my dog?"), new float[] {0, 1, 0})); // already there: kept

        GapClusters afterRestart = new GapClusters(model, () -> stored);
        java.util.Map<String, float[]> read = afterRestart.vectors(List.of("DO YOU SHIP TO CANADA?", "Can I give CBD oil to my dog?"));
        assertEquals(2, model.embedded.get(), "read back, not embedded again");
        assertEquals(List.of(0f, 1f, 0f), floats(read.get("do you ship to canada?")));
        assertEquals(List.of(1f, 0f, 0f), floats(read.get("can i give cbd oil to my dog?")), "the first vector stored stays");
        assertEquals(2, count("SELECT COUNT(*) FROM question_vectors"));
    }

    @Test
    void theWarmerEmbedsAbstainedAndWeaklyAnsweredQuestionsOnly() throws Exception {
        CountingEmbedder model = new CountingEmbedder();
        QuestionVectors stored = new QuestionVectors(database, model);
        GapClusters gaps = new GapClusters(model, () -> stored);
        try (GapVectorWarmer warmer = new GapVectorWarmer(gaps, true)) {
            warmer.onApplicationEvent(event("w1", NOW, "api", "Does semax help sleep?", false, "PRECLINICAL"));
            warmer.onApplicationEvent(event("s1", NOW, "api", "Does creatine help?", false, "HIGH"));
            warmer.onApplicationEvent(event("a1", NOW, "api", "Do you ship to Canada?", true, null));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (count("SELECT COUNT(*) FROM question_vectors") < 2 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
        assertEquals(2, count("SELECT COUNT(*) FROM question_vectors"));
        assertTrue(gaps.remembers("Does semax help sleep?"));
        assertTrue(gaps.remembers("Do you ship to Canada?"));
        assertTrue(!gaps.remembers("Does creatine help?"), "well answered: never grouped, never embedded");
    }

    /** Unit vectors that tell questions apart by their first letter; counts its calls. */
    static final class CountingEmbedder implements dev.evidencebot.index.Embedder {
        final java.util.concurrent.atomic.AtomicInteger embedded = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public int dimensions() {
            return 3;
        }

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public float[] embedQuery(String query) {
            embedded.incrementAndGet();
            float[] vector = new float[3];
            vector[query.charAt(0) % 3] = 1;
            return vector;
        }

        @Override
        public List<float[]> embedPassages(List<String> passages) {
            return passages.stream().map(this::embedQuery).toList();
        }
    }

    static List<Float> floats(float[] vector) {
        List<Float> values = new ArrayList<>();
        for (float value : vector) {
            values.add(value);
        }
        return values;
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

    @Test
    void questionsAreFilteredAndPagedNewestFirstWithCitationsAndRatings() throws Exception {
        records.insert(List.of(
                event("q1", NOW.minus(Duration.ofDays(3)), "widget", "Does semax help memory?", false, "HIGH"),
                event("q2", NOW.minus(Duration.ofDays(2)), "api", "Do you ship to Canada?", true, null),
                event("q3", NOW.minus(Duration.ofDays(1)), "widget", "Is 50%_off semax real?", false, "OPINION"),
                event("q4", NOW, "slack", "SEMAX and sleep", false, "LOW")));
        store().save(new Feedback("q1", "up", null, "widget", NOW));
        store().save(new Feedback("q1", "down", "too short", "widget", NOW));
        ConsoleQueries queries = new ConsoleQueries(database);

        ConsoleQueries.Page<ConsoleQueries.LoggedQuestion> all = queries.questions(filter(null, null, null, null, null), 50, 0);
        assertEquals(4, all.total());
        assertEquals(List.of("q4", "q3", "q2", "q1"), all.items().stream().map(ConsoleQueries.LoggedQuestion::id).toList());
        ConsoleQueries.LoggedQuestion q1 = all.items().get(3);
        assertEquals(List.of("up", "down"), q1.feedback());
        assertEquals(List.of(new ConsoleQueries.Cited("semax-memory", 3), new ConsoleQueries.Cited("semax-memory", null)),
                q1.citations());
        assertEquals(null, all.items().get(0).feedback(), "no rating: null");

        assertEquals(List.of("q2"), ids(queries.questions(filter(false, null, null, null, null), 50, 0)));
        assertEquals(List.of("q3", "q1"), ids(queries.questions(filter(true, "widget", null, null, null), 50, 0)));
        assertEquals(List.of("q4", "q3", "q1"), ids(queries.questions(filter(null, null, "semax", null, null), 50, 0)));
        assertEquals(List.of("q3"), ids(queries.questions(filter(null, null, "50%_", null, null), 50, 0)), "LIKE wildcards are literal");
        assertEquals(List.of("q3", "q2"), ids(queries.questions(filter(null, null, null,
                NOW.minus(Duration.ofDays(2)), NOW.minus(Duration.ofHours(1))), 50, 0)));
        ConsoleQueries.Page<ConsoleQueries.LoggedQuestion> second = queries.questions(filter(null, null, null, null, null), 2, 2);
        assertEquals(4, second.total());
        assertEquals(List.of("q2", "q1"), ids(second));
    }

    @Test
    void feedbackIsFilteredByRatingDoorAndTimeWithTheQuestionRated() throws Exception {
        records.insert(List.of(event("q1", NOW, "widget", "Does semax help memory?", false, "HIGH")));
        JdbcFeedbackStore feedback = store();
        feedback.save(new Feedback("q1", "up", null, "widget", NOW.minus(Duration.ofDays(2))));
        feedback.save(new Feedback("q1", "down", "=cmd", "api", NOW.minus(Duration.ofDays(1))));
        ConsoleQueries queries = new ConsoleQueries(database);

        ConsoleQueries.Page<ConsoleQueries.FeedbackItem> down = queries.feedback(
                new ConsoleQueries.FeedbackFilter("down", null, null, null), 50, 0);
        assertEquals(1, down.total());
        assertEquals("Does semax help memory?", down.items().get(0).question());
        assertEquals("=cmd", down.items().get(0).comment());
        assertEquals(1, queries.feedback(new ConsoleQueries.FeedbackFilter(null, "widget", null, null), 50, 0).total());
        assertEquals(2, queries.feedback(new ConsoleQueries.FeedbackFilter(null, null, NOW.minus(Duration.ofDays(3)), NOW), 1, 0).total());
        assertEquals(1, queries.feedback(new ConsoleQueries.FeedbackFilter(null, null, NOW.minus(Duration.ofDays(3)), NOW), 1, 0)
                .items().size());
    }

    @Test
    void abstainedAndWeaklyAnsweredQuestionsAreGroupedByTextMostRecentFirst() throws Exception {
        records.insert(List.of(
                event("a1", NOW.minus(Duration.ofDays(5)), "api", "Do you ship to Canada?", true, null),
                event("a2", NOW.minus(Duration.ofDays(1)), "api", "Do you ship to Canada?", true, null),
                event("a3", NOW.minus(Duration.ofDays(2)), "api", "cbd dose for a dog", true, null),
                event("w1", NOW, "api", "Does semax help sleep?", false, "PRECLINICAL"),
                event("s1", NOW, "api", "Does creatine help?", false, "HIGH")));
        ConsoleQueries queries = new ConsoleQueries(database);

        List<ConsoleQueries.AskedQuestion> abstained = queries.abstained(10);
        assertEquals(List.of(new ConsoleQueries.AskedQuestion("Do you ship to Canada?", 2, NOW.minus(Duration.ofDays(5)),
                NOW.minus(Duration.ofDays(1))), new ConsoleQueries.AskedQuestion("cbd dose for a dog", 1,
                NOW.minus(Duration.ofDays(2)), NOW.minus(Duration.ofDays(2)))), abstained);
        assertEquals(1, queries.abstained(1).size(), "bounded");
        assertEquals(List.of("Does semax help sleep?"), queries.weaklyAnswered(10).stream()
                .map(ConsoleQueries.AskedQuestion::question).toList());
    }

    @Test
    void theOverviewCountsPerDayLevelsAndThumbs() throws Exception {
        records.insert(List.of(
                event("d0a", NOW, "api", "q", false, "HIGH"),
                event("d0b", NOW.minus(Duration.ofHours(1)), "api", "q", true, null),
                event("d2", NOW.minus(Duration.ofDays(2)), "api", "q", false, "LOW"),
                event("old", NOW.minus(Duration.ofDays(40)), "api", "q", false, "HIGH")));
        store().save(new Feedback("d0a", "up", null, "api", NOW));
        store().save(new Feedback("d2", "down", null, "api", NOW.minus(Duration.ofDays(2))));
        store().save(new Feedback("old", "down", null, "api", NOW.minus(Duration.ofDays(40))));

        ConsoleQueries.Overview overview = new ConsoleQueries(database).overview(30, NOW);

        assertEquals(30, overview.perDay().size());
        ConsoleQueries.Day today = overview.perDay().get(29);
        assertEquals(NOW.atOffset(ZoneOffset.UTC).toLocalDate(), today.date());
        assertEquals(new ConsoleQueries.Day(today.date(), 2, 1, 1, 1, 0), today);
        assertEquals(1, overview.perDay().get(27).answered());
        assertEquals(1, overview.perDay().get(27).thumbsDown());
        assertEquals(3, overview.perDay().stream().mapToLong(ConsoleQueries.Day::questions).sum());
        assertEquals(java.util.Map.of("HIGH", 1L, "LOW", 1L), overview.levels());
        assertEquals(1, overview.thumbsUp());
        assertEquals(1, overview.thumbsDown());
    }

    @Test
    void theGeneratorWritesTheRowsAskedForSpreadOverNinetyDays() throws Exception {
        new QuestionGenerator(records, database).generate(2_500, NOW, 7);

        assertEquals(2_500, count("SELECT COUNT(*) FROM answers"));
        assertEquals(0, count("SELECT COUNT(*) FROM answers WHERE asked_at < TIMESTAMP WITH TIME ZONE '2026-03-02 00:00:00+00'"));
        assertTrue(count("SELECT COUNT(*) FROM answers WHERE asked_at < TIMESTAMP WITH TIME ZONE '2026-04-01 00:00:00+00'") > 0);
        long abstained = count("SELECT COUNT(*) FROM answers WHERE abstained = TRUE");
        assertTrue(abstained > 400 && abstained < 900, "about a quarter abstained: " + abstained);
        assertTrue(count("SELECT COUNT(DISTINCT door) FROM answers") >= 4);
        assertTrue(count("SELECT COUNT(*) FROM feedback") > 50);
    }

    static List<String> ids(ConsoleQueries.Page<ConsoleQueries.LoggedQuestion> page) {
        return page.items().stream().map(ConsoleQueries.LoggedQuestion::id).toList();
    }

    static ConsoleQueries.QuestionFilter filter(Boolean answered, String door, String text, Instant from, Instant to) {
        return new ConsoleQueries.QuestionFilter(answered, door, text, from, to);
    }

    static AnsweredEvent event(String id, Instant at, String door, String question, boolean abstained, String level) {
        List<AnsweredEvent.CitedReference> cited = abstained ? List.of() : List.of(
                new AnsweredEvent.CitedReference(1, "semax-memory", 3), new AnsweredEvent.CitedReference(2, "semax-memory", null));
        return new AnsweredEvent(id, at, door, null, question, abstained, level, cited, "extractive", null, 12, null);
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
