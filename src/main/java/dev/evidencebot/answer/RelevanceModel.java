package dev.evidencebot.answer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The fitted "does this passage answer this question" model: a logistic regression over
 * {@link RelevanceFeatures}, standardized with the training set's means and scales, and the
 * probability a passage must reach to be answered from. Written by `calibrate`, read at start.
 *
 * @param embedder  the embedding model whose cosines it was fitted on: another model needs a new fit
 * @param features  the feature names, checked against {@link RelevanceFeatures#NAMES} when loaded
 * @param weights   one per feature, then the intercept
 * @param threshold the operating point: the least probability a passage may have and be used
 * @param fittedOn  what it was fitted on, in words, for the README and the curious
 */
public record RelevanceModel(String embedder, List<String> features, double[] means, double[] scales,
                             double[] weights, double threshold, String fittedOn) {

    /** The model the product ships, fitted by `calibrate` and committed with the code. */
    static final String RESOURCE = "/dev/evidencebot/answer/relevance-model.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public RelevanceModel {
        features = List.copyOf(features);
        if (!features.equals(RelevanceFeatures.NAMES)) {
            throw new IllegalArgumentException("the relevance model was fitted on features " + features
                    + " but this version computes " + RelevanceFeatures.NAMES + "; run `calibrate` again");
        }
        if (means.length != features.size() || scales.length != features.size() || weights.length != features.size() + 1) {
            throw new IllegalArgumentException("the relevance model needs one mean, scale and weight per feature"
                    + " (and an intercept): " + features.size() + " features, " + means.length + " means, "
                    + scales.length + " scales, " + weights.length + " weights");
        }
    }

    /** The probability that the passage with these features answers the question. */
    double probability(double[] features) {
        return LogisticRegression.sigmoid(LogisticRegression.dot(weights, standardized(features)));
    }

    double[] standardized(double[] features) {
        double[] z = new double[features.length];
        for (int i = 0; i < features.length; i++) {
            z[i] = (features[i] - means[i]) / scales[i];
        }
        return z;
    }

    RelevanceModel withThreshold(double newThreshold) {
        return new RelevanceModel(embedder, features, means, scales, weights, newThreshold, fittedOn);
    }

    /** The shipped model, or the one at {@code file} when configured (answer.relevance-model). */
    public static RelevanceModel load(String file) {
        if (file != null && !file.isBlank()) {
            try (InputStream in = Files.newInputStream(Path.of(file))) {
                return JSON.readValue(in, RelevanceModel.class);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the relevance model " + Path.of(file).toAbsolutePath(), e);
            }
        }
        try (InputStream in = RelevanceModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + RESOURCE + "; run `calibrate` to fit one");
            }
            return JSON.readValue(in, RelevanceModel.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public void write(Path file) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            JSON.writeValue(file.toFile(), this);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the relevance model to " + file.toAbsolutePath(), e);
        }
    }
}
