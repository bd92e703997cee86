package dev.evidencebot.answer;

import dev.evidencebot.evidence.GradedCorpus;
import dev.evidencebot.retrieval.RetrievedPassage;
import dev.evidencebot.retrieval.Retriever;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

/**
 * Fits the relevance model on labelled questions: for each question, the candidates the product's
 * retriever hands the gate, each labelled "answers" or not, become (features, label) pairs. The
 * fit is cross-validated by question, so no fold ever sees a question it is scored on, and the
 * folds are drawn with a fixed seed so a re-run gives the same figures.
 *
 * <p>The operating point is chosen for honesty on the out-of-fold predictions: each question is
 * scored twice, once as asked (its answering passages among the candidates) and once with them
 * withheld (only the other candidates), and the threshold that costs least wins, a wrong answer
 * costing {@code wrongCost} abstentions.
 */
public final class RelevanceCalibration {

    /** How many candidates the gate sees per question: as many as the answer pipeline retrieves. */
    public static final int CANDIDATES = DefaultAnswerService.CANDIDATES;
    /** Retrieval depth from which a question's candidates without its answers are taken. */
    private static final int WITHHELD_DEPTH = 3 * CANDIDATES;

    private RelevanceCalibration() {
    }

    /**
     * A question with the rule that tells which of its candidates answer it.
     *
     * @param withholdable whether the question may also be scored with its answers withheld: true for a
     *                     data set judged document by document (the rest of the corpus is about other
     *                     things); false for lay questions over one article, whose other sentences are
     *                     on the same subject and are no "withheld" corpus — such sets carry real
     *                     unanswerable questions instead
     */
    public record LabelledQuestion(String source, String id, String question, Predicate<RetrievedPassage> answers,
                                   boolean withholdable) {
    }

    /**
     * One question's candidates as features, with labels.
     *
     * @param withheld the features of the candidates the same question gets once its answering
     *                 documents are gone from the corpus (all of them wrong), recomputed because some
     *                 features read the other candidates (which article leads); empty when the question
     *                 is not withholdable or has no answer to withhold
     */
    public record QuestionPairs(String source, String id, List<double[]> features, List<Boolean> labels,
                                boolean withholdable, List<double[]> withheld) {

        boolean answerable() {
            return labels.contains(true);
        }
    }

    /** Retrieves each question's candidates over the corpus and turns them into labelled pairs. */
    public static List<QuestionPairs> collect(GradedCorpus corpus, Retriever retriever, List<LabelledQuestion> questions) {
        RelevanceGate gate = new RelevanceGate(corpus, new RelevanceGate.RelevanceSettings(0, 0, 0, 1), unfitted());
        List<QuestionPairs> pairs = new ArrayList<>(questions.size());
        for (LabelledQuestion question : questions) {
            List<double[]> features = new ArrayList<>();
            List<Boolean> labels = new ArrayList<>();
            // deep enough that the candidates left once the answers are withheld are as many as the gate sees
            List<RetrievedPassage> deep = retriever.retrieve(question.question(), WITHHELD_DEPTH);
            for (RelevanceGate.Judged judged : gate.judge(question.question(), deep.subList(0, Math.min(CANDIDATES, deep.size())))) {
                features.add(judged.features());
                labels.add(question.answers().test(judged.candidate()));
            }
            List<double[]> withheld = new ArrayList<>();
            if (question.withholdable() && labels.contains(true)) {
                List<RetrievedPassage> rest = deep.stream().filter(candidate -> !question.answers().test(candidate))
                        .limit(CANDIDATES).toList();
                gate.judge(question.question(), rest).forEach(judged -> withheld.add(judged.features()));
            }
            pairs.add(new QuestionPairs(question.source(), question.id(), features, labels, question.withholdable(), withheld));
        }
        return pairs;
    }

    /** The fitted model, its cross-validation curve and per-fold figures at the chosen point. */
    public record Result(RelevanceModel model, List<OperatingPoint> curve, OperatingPoint chosen, List<OperatingPoint> folds,
                         java.util.Map<String, OperatingPoint> bySource, java.util.Map<String, List<OperatingPoint>> curveBySource,
                         int questions, int pairs) {
    }

    /** The features each kind of passage is judged by: an abstract's siblings count, an article's do not. */
    public static final List<String> PRIMARY_SOURCE_FEATURES = RelevanceFeatures.NAMES;
    /**
     * An article's sentence: how similar it is, how much of what the question names it names, and
     * how much of the question the corpus never names at all ("Does Semax help depression?").
     * Chosen by cross-validation on the lay questions (`calibrate --dump` writes the pairs): the
     * other sentence features added nothing there but variance on 66 questions.
     */
    public static final List<String> ARTICLE_FEATURES = List.of("cosine", "idfCoverage", "unknownShare");

    /** Fits one model on these questions' pairs, reading only {@code features}, its operating point chosen on all of them. */
    public static Result fit(List<QuestionPairs> questions, List<String> features, int folds, long seed, double l2,
                             double wrongCost) {
        return fit(questions, features, folds, seed, l2, wrongCost, question -> true);
    }

    /**
     * As {@link #fit(List, List, int, long, double, double)}, with the operating point and the figures
     * taken on the questions {@code scoredOn} accepts only: the weights learn from every labelled
     * pair, the threshold is set for the kind of question the model will serve.
     */
    public static Result fit(List<QuestionPairs> questions, List<String> features, int folds, long seed, double l2,
                             double wrongCost, Predicate<QuestionPairs> scoredOn) {
        List<QuestionPairs> shuffled = shuffled(questions, seed);
        // out-of-fold probabilities, per question, per candidate
        List<double[][]> outOfFold = new ArrayList<>(Collections.nCopies(shuffled.size(), null));
        List<Integer> foldOf = new ArrayList<>();
        for (int q = 0; q < shuffled.size(); q++) {
            foldOf.add(foldOf(q, folds));
        }
        for (int fold = 0; fold < folds; fold++) {
            List<QuestionPairs> training = new ArrayList<>();
            for (int q = 0; q < shuffled.size(); q++) {
                if (foldOf.get(q) != fold) {
                    training.add(shuffled.get(q));
                }
            }
            RelevanceModel model = train(training, features, l2);
            for (int q = 0; q < shuffled.size(); q++) {
                if (foldOf.get(q) == fold) {
                    outOfFold.set(q, probabilities(model, shuffled.get(q)));
                }
            }
        }
        List<OperatingPoint> curve = new ArrayList<>();
        OperatingPoint best = null;
        for (int step = 1; step < 100; step++) {
            OperatingPoint point = OperatingPoint.of(shuffled, outOfFold, step / 100.0, wrongCost, q -> scoredOn.test(shuffled.get(q)));
            curve.add(point);
            if (best == null || point.cost() < best.cost() - 1e-12) {
                best = point;
            }
        }
        double threshold = best.threshold();
        List<OperatingPoint> perFold = new ArrayList<>();
        for (int fold = 0; fold < folds; fold++) {
            int f = fold;
            perFold.add(OperatingPoint.of(shuffled, outOfFold, threshold, wrongCost,
                    q -> foldOf.get(q) == f && scoredOn.test(shuffled.get(q))));
        }
        java.util.Map<String, OperatingPoint> bySource = new java.util.LinkedHashMap<>();
        for (QuestionPairs question : shuffled) {
            bySource.computeIfAbsent(question.source(), source -> OperatingPoint.of(shuffled, outOfFold, threshold, wrongCost,
                    q -> shuffled.get(q).source().equals(source)));
        }
        java.util.Map<String, List<OperatingPoint>> curveBySource = new java.util.LinkedHashMap<>();
        for (String source : bySource.keySet()) {
            for (int step = 1; step < 10; step++) {
                double at = step / 10.0;
                curveBySource.computeIfAbsent(source, s -> new ArrayList<>()).add(OperatingPoint.of(shuffled, outOfFold, at, wrongCost,
                        q -> shuffled.get(q).source().equals(source)));
            }
        }
        RelevanceModel model = train(shuffled, features, l2).withThreshold(threshold);
        int pairs = questions.stream().mapToInt(q -> q.labels().size()).sum();
        return new Result(model, curve, best, perFold, bySource, curveBySource, questions.size(), pairs);
    }

    /** The questions in the order folds are dealt from: a fixed seed, so a re-run gives the same folds. */
    static List<QuestionPairs> shuffled(List<QuestionPairs> questions, long seed) {
        List<QuestionPairs> shuffled = new ArrayList<>(questions);
        Collections.shuffle(shuffled, new Random(seed));
        return shuffled;
    }

    /** A question's fold, by its place in the shuffled order: a question (all its pairs) is in exactly one fold. */
    static int foldOf(int shuffledIndex, int folds) {
        return shuffledIndex % folds;
    }

    /** Probabilities of the candidates as asked, then of those it gets with its answers withheld. */
    private static double[][] probabilities(RelevanceModel model, QuestionPairs question) {
        double[] asked = new double[question.features().size()];
        for (int i = 0; i < asked.length; i++) {
            asked[i] = model.probability(question.features().get(i));
        }
        double[] withheld = new double[question.withheld().size()];
        for (int i = 0; i < withheld.length; i++) {
            withheld[i] = model.probability(question.withheld().get(i));
        }
        return new double[][] {asked, withheld};
    }

    private static RelevanceModel train(List<QuestionPairs> questions, List<String> features, double l2) {
        int d = features.size();
        RelevanceModel selector = new RelevanceModel(features, new double[d], new double[d], new double[d + 1], 0);
        List<double[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (QuestionPairs question : questions) {
            question.features().forEach(all -> rows.add(selector.select(all)));
            question.labels().forEach(label -> labels.add(label ? 1 : 0));
            // the corpus without its answers is a state the product meets too: all of those candidates are wrong
            question.withheld().forEach(all -> {
                rows.add(selector.select(all));
                labels.add(0);
            });
        }
        double[] means = new double[d];
        double[] scales = new double[d];
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) {
                means[j] += row[j] / rows.size();
            }
        }
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) {
                scales[j] += (row[j] - means[j]) * (row[j] - means[j]) / rows.size();
            }
        }
        for (int j = 0; j < d; j++) {
            scales[j] = scales[j] > 1e-12 ? Math.sqrt(scales[j]) : 1;
        }
        double[][] x = new double[rows.size()][];
        int[] y = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            double[] z = new double[d];
            for (int j = 0; j < d; j++) {
                z[j] = (rows.get(i)[j] - means[j]) / scales[j];
            }
            x[i] = z;
            y[i] = labels.get(i);
        }
        double[] weights = LogisticRegression.fit(x, y, l2);
        return new RelevanceModel(features, means, scales, weights, 0.5);
    }

    /** A model that scores nothing: collecting features needs the gate's feature code, not a fit. */
    private static RelevanceModels unfitted() {
        int d = RelevanceFeatures.NAMES.size();
        double[] ones = new double[d];
        java.util.Arrays.fill(ones, 1);
        RelevanceModel none = new RelevanceModel(RelevanceFeatures.NAMES, new double[d], ones, new double[d + 1], 1);
        return new RelevanceModels("none", none, none, "nothing");
    }
}
