package dev.evidencebot.console;

import dev.evidencebot.answer.AnsweredEvent;
import dev.evidencebot.answer.Feedback;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Fills the question log with made-up answers for load tests of the console: spread over the last
 * {@value #DAYS} days, over the doors, about a quarter abstained (on a few paraphrased missing
 * topics, so the gaps view has clusters to find), a realistic mix of evidence levels, and thumbs on
 * about one answer in twenty. Written through the same batch insert as the live log.
 */
@Singleton
public final class QuestionGenerator {

    static final int DAYS = 90;
    static final int BATCH = 1_000;
    private static final String[] DOORS = {"widget", "widget", "widget", "api", "stream", "slack", "cli"};
    private static final String[] LEVELS = {"HIGH", "MODERATE", "MODERATE", "LOW", "LOW", "LOW", "VERY_LOW",
            "PRECLINICAL", "PRECLINICAL", "OPINION", "UNCITED"};
    private static final String[] ANSWERED = {"Does semax help memory?", "Is modafinil safe long term?",
            "What does the evidence say about creatine and cognition?", "Does lion's mane improve focus?",
            "How well does melatonin work for jet lag?", "Is caffeine with L-theanine better than caffeine alone?",
            "Does bacopa improve recall?", "What is the evidence for rhodiola and fatigue?",
            "Does omega-3 help depression?", "Is ashwagandha effective for stress?"};
    /** Missing topics, each asked in several words, as visitors do. */
    private static final String[][] MISSING = {
            {"Do you ship to Canada?", "Can I get an order delivered to Toronto?", "do u send orders to canada"},
            {"Is it safe to take semax while pregnant?", "Can pregnant women use semax?", "semax during pregnancy safe?"},
            {"Can I drink alcohol with modafinil?", "modafinil and alcohol interaction", "Is a beer okay on modafinil?"},
            {"Will phenibut show up on a drug test?", "can phenibut make me fail a drug test"},
            {"Can I give CBD oil to my dog?", "cbd dose for a dog", "Is CBD safe for dogs with anxiety?"},
            {"How much does a bottle of lion's mane cost?", "lions mane price"}};

    private final AnswerRecords records;
    private final Database database;

    QuestionGenerator(AnswerRecords records, Database database) {
        this.records = records;
        this.database = database;
    }

    /** Writes {@code count} answers asked before {@code now} (and their feedback); the same seed, the same rows. */
    public void generate(int count, Instant now, long seed) throws SQLException {
        Random random = new Random(seed);
        String run = Long.toHexString(seed) + "-" + now.toEpochMilli();
        List<AnsweredEvent> answers = new ArrayList<>(BATCH);
        List<Feedback> feedback = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // more questions lately: the square skews ages towards today
            double age = Math.pow(random.nextDouble(), 1.5) * Duration.ofDays(DAYS).toMillis();
            Instant at = now.minusMillis((long) age);
            String door = DOORS[random.nextInt(DOORS.length)];
            boolean abstained = random.nextDouble() < 0.25;
            String id = "gen-" + run + "-" + i;
            List<AnsweredEvent.CitedReference> cited = new ArrayList<>();
            String question;
            String level = null;
            if (abstained) {
                String[] topic = MISSING[random.nextInt(MISSING.length)];
                question = topic[random.nextInt(topic.length)];
            } else {
                question = ANSWERED[random.nextInt(ANSWERED.length)];
                level = LEVELS[random.nextInt(LEVELS.length)];
                for (int marker = 1; marker <= 1 + random.nextInt(3); marker++) {
                    cited.add(new AnsweredEvent.CitedReference(marker, "article-" + random.nextInt(200),
                            random.nextBoolean() ? null : 1 + random.nextInt(40)));
                }
            }
            answers.add(new AnsweredEvent(id, at, door, "conv-" + run + "-" + (i / 3), question, abstained, level, cited,
                    abstained ? null : "extractive", null, 5 + (long) Math.abs(random.nextGaussian() * 40),
                    "198.51.100." + random.nextInt(250)));
            if (random.nextDouble() < 0.05) {
                boolean up = abstained ? random.nextDouble() < 0.2 : random.nextDouble() < 0.75;
                feedback.add(new Feedback(id, up ? "up" : "down", up ? null : "not what I asked", door,
                        at.plusSeconds(30)));
            }
            if (answers.size() == BATCH || i == count - 1) {
                records.insert(answers);
                try (Connection connection = database.connection()) {
                    JdbcFeedbackStore.insert(connection, feedback);
                }
                answers.clear();
                feedback.clear();
            }
        }
    }
}
