package dev.evidencebot.answer;

import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;

/**
 * What one threshold does over out-of-fold predictions: pair precision and recall, and per
 * question whether it would be answered from a right passage, answered wrongly, or (with its
 * answers withheld) abstained on; and the cost of all that, a wrong answer costing
 * {@code wrongCost} abstentions.
 */
public record OperatingPoint(double threshold, double pairPrecision, double pairRecall, double presentAnswered,
                             double presentWrong, double withheldAbstained, double cost) {

    public String format() {
        return String.format(Locale.ROOT, "%.2f  pair P %.3f R %.3f | asked: cited a right passage %5.1f%%, "
                        + "answered wrongly %5.1f%% | withheld: abstained %5.1f%%",
                threshold, pairPrecision, pairRecall, 100 * presentAnswered, 100 * presentWrong, 100 * withheldAbstained);
    }

    /**
     * @param probabilities per question: the probabilities of its candidates as asked, then of the
     *                      candidates it gets with its answers withheld
     * @param included      which questions (by index) count
     */
    static OperatingPoint of(List<RelevanceCalibration.QuestionPairs> questions, List<double[][]> probabilities,
                             double threshold, double wrongCost, IntPredicate included) {
        int truePositives = 0;
        int predicted = 0;
        int positives = 0;
        int asked = 0;
        int answered = 0;
        int wrong = 0;
        int withheld = 0;
        int abstained = 0;
        double cost = 0;
        for (int q = 0; q < questions.size(); q++) {
            if (!included.test(q)) {
                continue;
            }
            RelevanceCalibration.QuestionPairs question = questions.get(q);
            double[] p = probabilities.get(q)[0];
            double bestRight = 0;
            double bestWrong = 0;
            for (int i = 0; i < p.length; i++) {
                boolean label = question.labels().get(i);
                positives += label ? 1 : 0;
                if (p[i] >= threshold) {
                    predicted++;
                    truePositives += label ? 1 : 0;
                }
                if (label) {
                    bestRight = Math.max(bestRight, p[i]);
                } else {
                    bestWrong = Math.max(bestWrong, p[i]);
                }
            }
            boolean wrongPasses = bestWrong >= threshold;
            if (question.answerable()) {
                asked++;
                if (bestRight >= threshold) {
                    answered++;
                } else if (wrongPasses) {
                    wrong++;
                    cost += wrongCost;
                } else {
                    cost += 1;
                }
            }
            if (question.answerable() && !question.withholdable()) {
                continue;
            }
            // the same question with its answers withheld: the candidates it gets then
            if (question.answerable()) {
                wrongPasses = false;
                for (double withheldProbability : probabilities.get(q)[1]) {
                    wrongPasses |= withheldProbability >= threshold;
                }
            }
            withheld++;
            if (wrongPasses) {
                cost += wrongCost;
            } else {
                abstained++;
            }
        }
        return new OperatingPoint(threshold, predicted == 0 ? 1 : (double) truePositives / predicted,
                positives == 0 ? 0 : (double) truePositives / positives,
                asked == 0 ? 0 : (double) answered / asked, asked == 0 ? 0 : (double) wrong / asked,
                withheld == 0 ? 0 : (double) abstained / withheld, cost);
    }
}
