package dev.evidencebot.answer;

import java.util.List;

/**
 * One fitted "does this passage answer this question" model: a logistic regression over some of
 * {@link RelevanceFeatures}, standardized with the training set's means and scales, and the
 * probability a passage must reach to be answered from (the operating point). Written by
 * `calibrate` inside {@link RelevanceModels}.
 *
 * @param features  the names of the features it reads, each one of {@link RelevanceFeatures#NAMES}
 * @param weights   one per feature, then the intercept
 * @param threshold the operating point: the least probability a passage may have and be used
 */
public record RelevanceModel(List<String> features, double[] means, double[] scales, double[] weights, double threshold) {

    public RelevanceModel {
        features = List.copyOf(features);
        for (String feature : features) {
            if (!RelevanceFeatures.NAMES.contains(feature)) {
                throw new IllegalArgumentException("the relevance model reads a feature '" + feature
                        + "' this version does not compute (it computes " + RelevanceFeatures.NAMES + "); run `calibrate` again");
            }
        }
        if (means.length != features.size() || scales.length != features.size() || weights.length != features.size() + 1) {
            throw new IllegalArgumentException("the relevance model needs one mean, scale and weight per feature"
                    + " (and an intercept): " + features.size() + " features, " + means.length + " means, "
                    + scales.length + " scales, " + weights.length + " weights");
        }
    }

    /** The probability that the passage with these features (all of {@link RelevanceFeatures#NAMES}) answers. */
    double probability(double[] all) {
        return LogisticRegression.sigmoid(LogisticRegression.dot(weights, standardized(select(all))));
    }

    /** The values of this model's features, in its order, out of all the features. */
    double[] select(double[] all) {
        double[] mine = new double[features.size()];
        for (int i = 0; i < mine.length; i++) {
            mine[i] = all[RelevanceFeatures.NAMES.indexOf(features.get(i))];
        }
        return mine;
    }

    private double[] standardized(double[] mine) {
        double[] z = new double[mine.length];
        for (int i = 0; i < mine.length; i++) {
            z[i] = (mine[i] - means[i]) / scales[i];
        }
        return z;
    }

    RelevanceModel withThreshold(double newThreshold) {
        return new RelevanceModel(features, means, scales, weights, newThreshold);
    }
}
