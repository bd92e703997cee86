package dev.evidencebot.answer;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RelevanceCalibrationTest {

    /** Questions whose answering candidate has a higher cosine and coverage than the others, with noise. */
    private static List<RelevanceCalibration.QuestionPairs> questions(int count, long seed) {
        Random random = new Random(seed);
        List<RelevanceCalibration.QuestionPairs> questions = new ArrayList<>();
        for (int q = 0; q < count; q++) {
            boolean answerable = q % 3 != 0;
            List<double[]> features = new ArrayList<>();
            List<Boolean> labels = new ArrayList<>();
            for (int c = 0; c < 10; c++) {
                boolean answers = answerable && c == 0;
                double cosine = (answers ? 0.8 : 0.6) + 0.05 * random.nextGaussian();
                double coverage = (answers ? 0.7 : 0.3) + 0.1 * random.nextGaussian();
                features.add(new double[] {cosine, 0.5, coverage, answers ? 1 : 0, 0, 0.5, 1.0 / (c + 1), 1.0 / (c + 1),
                        cosine * coverage});
                labels.add(answers);
            }
            questions.add(new RelevanceCalibration.QuestionPairs("synthetic", "q" + q, features, labels, true, answerable ? features.subList(1, features.size()) : List.of()));
        }
        return questions;
    }

    @Test
    void aFixedSeedGivesTheSameFoldsAndTheSameModel() {
        List<RelevanceCalibration.QuestionPairs> data = questions(120, 1);
        RelevanceCalibration.Result first = RelevanceCalibration.fit(data, RelevanceCalibration.ARTICLE_FEATURES, 5, 7, 1, 2);
        RelevanceCalibration.Result again = RelevanceCalibration.fit(data, RelevanceCalibration.ARTICLE_FEATURES, 5, 7, 1, 2);
        assertArrayEquals(first.model().weights(), again.model().weights());
        assertEquals(first.chosen(), again.chosen());
        assertEquals(first.folds(), again.folds());

        List<String> order = RelevanceCalibration.shuffled(data, 7).stream().map(RelevanceCalibration.QuestionPairs::id).toList();
        List<String> otherSeed = RelevanceCalibration.shuffled(data, 8).stream().map(RelevanceCalibration.QuestionPairs::id).toList();
        assertEquals(order, RelevanceCalibration.shuffled(data, 7).stream().map(RelevanceCalibration.QuestionPairs::id).toList());
        assertNotEquals(order, otherSeed);
    }

    @Test
    void foldsNeverShareAQuestion() {
        List<RelevanceCalibration.QuestionPairs> shuffled = RelevanceCalibration.shuffled(questions(50, 2), 7);
        Map<String, Integer> foldOfQuestion = new HashMap<>();
        for (int i = 0; i < shuffled.size(); i++) {
            Integer previous = foldOfQuestion.put(shuffled.get(i).id(), RelevanceCalibration.foldOf(i, 5));
            assertEquals(null, previous, "a question is dealt once, with all its pairs");
        }
        assertEquals(5, foldOfQuestion.values().stream().distinct().count());
    }

    @Test
    void theFitSeparatesAnswersAndPicksAnHonestOperatingPoint() {
        RelevanceCalibration.Result result = RelevanceCalibration.fit(questions(300, 3), RelevanceCalibration.ARTICLE_FEATURES, 5, 7, 1, 2);
        double[] weights = result.model().weights();
        assertTrue(weights[0] > 0, "a higher cosine makes an answer likelier");
        OperatingPoint chosen = result.chosen();
        assertTrue(chosen.presentAnswered() > 0.8, chosen.format());
        assertTrue(chosen.withheldAbstained() > 0.8, chosen.format());
        // a wrong answer costs more than an abstention: raising the cost never lowers the threshold
        RelevanceCalibration.Result stricter = RelevanceCalibration.fit(questions(300, 3), RelevanceCalibration.ARTICLE_FEATURES, 5, 7, 1, 5);
        assertTrue(stricter.chosen().threshold() >= chosen.threshold());
    }
}
