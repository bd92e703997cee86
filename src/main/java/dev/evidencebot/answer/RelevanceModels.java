package dev.evidencebot.answer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.evidencebot.retrieval.RetrievedPassage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The relevance decision as shipped: one model for sentences of primary sources (abstracts,
 * papers: a study answers as a whole, so what its other sentences say counts) and one for
 * sentences of articles (a claim answers on its own; a long article's other sentences say
 * nothing about this one). Each was fitted on its own kind of labelled questions.
 *
 * @param embedder       the embedding model whose cosines they were fitted on: another model needs a new fit
 * @param primarySources the model for a passage of a primary source
 * @param articles       the model for a claim of an article
 * @param fittedOn       what they were fitted on, in words, for the README and the curious
 */
public record RelevanceModels(String embedder, RelevanceModel primarySources, RelevanceModel articles, String fittedOn) {

    /** The models the product ships, fitted by `calibrate` and committed with the code. */
    static final String RESOURCE = "/dev/evidencebot/answer/relevance-model.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    RelevanceModel of(RetrievedPassage candidate) {
        return candidate.article().article().primarySource() ? primarySources : articles;
    }

    /** Both operating points moved by the same amount: a site that wants fewer answers or more. */
    RelevanceModels shifted(double delta) {
        return new RelevanceModels(embedder, primarySources.withThreshold(clamp(primarySources.threshold() + delta)),
                articles.withThreshold(clamp(articles.threshold() + delta)), fittedOn);
    }

    private static double clamp(double threshold) {
        return Math.max(0, Math.min(1, threshold));
    }

    /** The shipped models, or the ones at {@code file} when configured (answer.relevance-model). */
    public static RelevanceModels load(String file) {
        if (file != null && !file.isBlank()) {
            try (InputStream in = Files.newInputStream(Path.of(file))) {
                return JSON.readValue(in, RelevanceModels.class);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the relevance model " + Path.of(file).toAbsolutePath(), e);
            }
        }
        try (InputStream in = RelevanceModels.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + RESOURCE + "; run `calibrate` to fit one");
            }
            return JSON.readValue(in, RelevanceModels.class);
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
