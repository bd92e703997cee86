package dev.evidencebot.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evidencebot.index.Embedder;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Gap clustering with the bot's real embedding model (BGE, in process): paraphrases of one missing
 * topic form one cluster, distinct topics stay apart, and the threshold in {@link GapClusters} is
 * the one that scores best (pairwise F1) on eval/gap-questions.jsonl.
 */
class GapClustersTest {

    static final Path QUESTIONS = Path.of("eval/gap-questions.jsonl");
    static final Instant AT = Instant.parse("2026-06-01T12:00:00Z");

    static ApplicationContext context;
    static GapClusters clusters;

    @BeforeAll
    static void load() {
        context = ApplicationContext.builder().deduceEnvironment(false).environments("test").start();
        clusters = new GapClusters(context.getBean(Embedder.class));
    }

    @AfterAll
    static void close() {
        context.close();
    }

    @Test
    void paraphrasesOfOneMissingTopicLandInOneClusterAndDistinctTopicsApart() {
        List<ConsoleQueries.AskedQuestion> asked = List.of(
                asked("Do you ship to Canada?", 3), asked("Can I get an order delivered to Toronto?", 1),
                asked("do u send orders to canada", 2),
                asked("Can I give CBD oil to my dog?", 1), asked("Is CBD safe for dogs with anxiety?", 1),
                asked("Can I take St John's wort with sertraline?", 1));

        List<GapClusters.Cluster> found = clusters.cluster(asked);

        assertEquals(3, found.size(), found.toString());
        assertEquals(6, found.get(0).count(), "largest first");
        assertEquals("Do you ship to Canada?", found.get(0).examples().get(0), "most asked example first");
        assertEquals(2, found.get(1).count());
        assertEquals(1, found.get(2).count());
    }

    /** Prints the pairwise F1 for every threshold; the chosen one must score the best. */
    @Test
    void theThresholdIsTheBestOnTheLabelledGapQuestions() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> labels = new ArrayList<>();
        List<ConsoleQueries.AskedQuestion> asked = new ArrayList<>();
        for (String line : Files.readAllLines(QUESTIONS)) {
            if (!line.isBlank()) {
                JsonNode row = json.readTree(line);
                labels.add(row.get("label").asText());
                asked.add(asked(row.get("question").asText(), 1));
            }
        }
        List<float[]> vectors = asked.stream().map(a -> context.getBean(Embedder.class).embedQuery(a.question().strip().toLowerCase())).toList();
        double bestF1 = -1;
        double bestThreshold = 0;
        double bestUpTo = 0;
        StringBuilder table = new StringBuilder();
        for (int step = 50; step <= 95; step++) {
            double threshold = step / 100.0;
            double f1 = pairwiseF1(labels, GapClusters.groups(vectors, threshold));
            table.append(String.format("%.2f:%.3f ", threshold, f1));
            if (f1 > bestF1 + 1e-9) {
                bestF1 = f1;
                bestThreshold = threshold;
                bestUpTo = threshold;
            } else if (f1 > bestF1 - 1e-9 && bestUpTo > threshold - 0.015) {
                bestUpTo = threshold; // the best range goes on
            }
        }
        double chosen = pairwiseF1(labels, GapClusters.groups(vectors, GapClusters.THRESHOLD));
        System.out.printf("gap clustering on %s (%d questions): best pairwise F1 %.3f from %.2f to %.2f; chosen %.2f gives %.3f%n%s%n",
                QUESTIONS, labels.size(), bestF1, bestThreshold, bestUpTo, GapClusters.THRESHOLD, chosen, table);
        assertTrue(chosen >= bestF1 - 1e-9, "threshold " + GapClusters.THRESHOLD + " scores " + chosen + ", best " + bestF1
                + " from " + bestThreshold + " to " + bestUpTo);
    }

    /** Over all pairs of questions: precision of "same cluster" against "same label", and recall. */
    static double pairwiseF1(List<String> labels, List<List<Integer>> groups) {
        Map<Integer, Integer> groupOf = new HashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            for (int member : groups.get(g)) {
                groupOf.put(member, g);
            }
        }
        long truePositive = 0;
        long predicted = 0;
        long actual = 0;
        for (int i = 0; i < labels.size(); i++) {
            for (int j = i + 1; j < labels.size(); j++) {
                boolean same = labels.get(i).equals(labels.get(j));
                boolean together = groupOf.get(i).equals(groupOf.get(j));
                actual += same ? 1 : 0;
                predicted += together ? 1 : 0;
                truePositive += same && together ? 1 : 0;
            }
        }
        if (truePositive == 0) {
            return 0;
        }
        double precision = (double) truePositive / predicted;
        double recall = (double) truePositive / actual;
        return 2 * precision * recall / (precision + recall);
    }

    static ConsoleQueries.AskedQuestion asked(String question, long count) {
        return new ConsoleQueries.AskedQuestion(question, count, AT, AT);
    }
}
