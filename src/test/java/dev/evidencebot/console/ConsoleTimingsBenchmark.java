package dev.evidencebot.console;

import dev.evidencebot.answer.AnsweredEvent;
import dev.evidencebot.index.Embedder;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * How long the console's reads take on a big log; prints figures, asserts none. Run on purpose:
 * {@code ./mvnw -q test -Dtest=ConsoleTimingsBenchmark -Dconsole.timings=100000} (add TEST_POSTGRES_URL
 * for PostgreSQL as well). Each figure is the median of 7 runs after 2 warm-up runs.
 */
@EnabledIfSystemProperty(named = "console.timings", matches = "\\d+")
// Named *Benchmark, not *Test: surefire's default run leaves it out; -Dtest=ConsoleTimingsBenchmark runs it.
class ConsoleTimingsBenchmark {

    @TempDir
    Path data;

    @Test
    void timings() throws Exception {
        int rows = Integer.parseInt(System.getProperty("console.timings"));
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false).environments("test").start()) {
            Embedder embedder = context.getBean(Embedder.class);
            try (Database h2 = new Database(Database.h2Under(data), "", "")) {
                measure("H2", h2, rows, embedder);
            }
            String url = System.getenv("TEST_POSTGRES_URL");
            if (url != null && !url.isBlank()) {
                String user = System.getenv().getOrDefault("TEST_POSTGRES_USER", "");
                String password = System.getenv().getOrDefault("TEST_POSTGRES_PASSWORD", "");
                String schema = "console_timings_" + UUID.randomUUID().toString().replace("-", "");
                try (Connection admin = DriverManager.getConnection(url, user, password); Statement sql = admin.createStatement()) {
                    sql.execute("CREATE SCHEMA " + schema);
                }
                try (Database postgres = new Database(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, user, password)) {
                    measure("PostgreSQL", postgres, rows, embedder);
                } finally {
                    try (Connection admin = DriverManager.getConnection(url, user, password); Statement sql = admin.createStatement()) {
                        sql.execute("DROP SCHEMA " + schema + " CASCADE");
                    }
                }
            }
            // the clustering alone at its bound: 2,000 distinct questions (random unit vectors, cached embeddings)
            Random random = new Random(1);
            List<float[]> vectors = new ArrayList<>();
            for (int i = 0; i < GapClusters.MAX_QUESTIONS; i++) {
                vectors.add(randomUnit(random, embedder.dimensions()));
            }
            time("clustering 2,000 distinct questions (vectors cached)", run -> GapClusters.groups(vectors, GapClusters.THRESHOLD));
            long started = System.nanoTime();
            for (int i = 0; i < 50; i++) {
                embedder.embedQuery("uncached question number " + i + " about shipping");
            }
            System.out.printf("embedding one new question: %.1f ms%n", (System.nanoTime() - started) / 1e6 / 50);
        }
    }

    private static void measure(String name, Database database, int rows, Embedder embedder) throws Exception {
        AnswerRecords records = new AnswerRecords(database, new ClientKeys("timings"));
        long started = System.nanoTime();
        new QuestionGenerator(records, database).generate(rows, Instant.now(), 11);
        System.out.printf("%s: generated %,d questions in %.1f s%n", name, rows, (System.nanoTime() - started) / 1e9);
        ConsoleQueries queries = new ConsoleQueries(database);
        GapClusters gaps = new GapClusters(embedder);
        Instant now = Instant.now();
        // every run binds slightly different values, so no database can answer from a result cache
        time(name + " overview?days=30", run -> queries.overview(30, now.plusSeconds(86_400L * run)));
        time(name + " questions?answered=false&door=widget&limit=50", run -> queries.questions(
                new ConsoleQueries.QuestionFilter(false, "widget", null, null, now.plusMillis(run)), 50, 0));
        time(name + " questions?q=semax&from=<30 days ago>&limit=50&offset=100", run -> queries.questions(
                new ConsoleQueries.QuestionFilter(null, null, "semax", now.minus(Duration.ofDays(30)).plusMillis(run), null), 50, 100));
        time(name + " feedback?rating=down&limit=50", run -> queries.feedback(
                new ConsoleQueries.FeedbackFilter("down", null, null, now.plusMillis(run)), 50, 0));
        time(name + " gaps", run -> gaps.cluster(queries.abstained(GapClusters.MAX_QUESTIONS - run)));
        time(name + " weak-evidence", run -> gaps.cluster(queries.weaklyAnswered(GapClusters.MAX_QUESTIONS - run)));

        // The worst case: 2,000 distinct abstained questions (the view's bound), their vectors stored
        // by the warmer as they were asked, and a console process that has never seen them (a restart).
        Random random = new Random(5);
        QuestionVectors stored = new QuestionVectors(database, embedder);
        Map<String, float[]> vectors = new HashMap<>();
        List<AnsweredEvent> distinct = new ArrayList<>();
        for (int i = 0; i < GapClusters.MAX_QUESTIONS; i++) {
            String question = "missing topic " + i + " asked " + Long.toHexString(random.nextLong());
            distinct.add(new AnsweredEvent("distinct-" + i + "-" + now.toEpochMilli(), now.minusSeconds(i), "widget", null,
                    question, true, null, List.of(), null, null, 10, null));
            vectors.put(GapClusters.normal(question), randomUnit(random, embedder.dimensions()));
        }
        records.insert(distinct);
        stored.save(vectors);
        time(name + " gaps over 2,000 distinct questions, first call after a restart", run -> {
            GapClusters fresh = new GapClusters(embedder, () -> stored);
            return fresh.cluster(queries.abstained(GapClusters.MAX_QUESTIONS));
        });
    }

    private static float[] randomUnit(Random random, int dimensions) {
        float[] vector = new float[dimensions];
        double norm = 0;
        for (int d = 0; d < vector.length; d++) {
            vector[d] = (float) random.nextGaussian();
            norm += vector[d] * vector[d];
        }
        for (int d = 0; d < vector.length; d++) {
            vector[d] /= (float) Math.sqrt(norm);
        }
        return vector;
    }

    private static void time(String what, IntFunction<?> work) {
        long[] millis = new long[7];
        long firstNanos = System.nanoTime();
        work.apply(1);
        double first = (System.nanoTime() - firstNanos) / 1e6;
        work.apply(2);
        for (int i = 0; i < millis.length; i++) {
            long started = System.nanoTime();
            work.apply(3 + i);
            millis[i] = (System.nanoTime() - started) / 1_000_000;
        }
        java.util.Arrays.sort(millis);
        System.out.printf("%-70s first %6.0f ms, median %5d ms%n", what, first, millis[millis.length / 2]);
    }
}
