package dev.evidencebot.answer;

import dev.evidencebot.llm.Embedders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RelevanceModelsTest {

    @Test
    void theShippedModelsBelongToTheDefaultEmbeddingModelAndReadKnownFeatures() {
        RelevanceModels shipped = RelevanceModels.load("");
        assertTrue(shipped.embedder().startsWith(Embedders.DEFAULT), shipped.embedder());
        for (RelevanceModel model : List.of(shipped.primarySources(), shipped.articles())) {
            assertTrue(RelevanceFeatures.NAMES.containsAll(model.features()));
            assertTrue(model.threshold() > 0 && model.threshold() < 1, "an operating point is a probability");
        }
        assertTrue(shipped.fittedOn().contains("scifact") && shipped.fittedOn().contains("pubmedqa"), shipped.fittedOn());
    }

    @Test
    void aRecalibratedFileIsReadAndShiftsStayProbabilities(@TempDir Path work) {
        RelevanceModels shipped = RelevanceModels.load("");
        Path file = work.resolve("mine.json");
        shipped.write(file);
        RelevanceModels mine = RelevanceModels.load(file.toString());
        assertEquals(shipped.articles().threshold(), mine.articles().threshold());
        assertEquals(1.0, mine.shifted(5).primarySources().threshold());
        assertEquals(0.0, mine.shifted(-5).articles().threshold());
    }

    @Test
    void aModelReadingAFeatureThisVersionLacksIsRefusedByName() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () ->
                new RelevanceModel(List.of("cosine", "sentiment"), new double[2], new double[2], new double[3], 0.5));
        assertTrue(refused.getMessage().contains("'sentiment'"), refused.getMessage());
    }

    @Test
    void higherSimilarityAndCoverageMeanAHigherProbability() {
        RelevanceModel articles = RelevanceModels.load("").articles();
        double[] weak = new double[RelevanceFeatures.NAMES.size()];
        double[] strong = new double[RelevanceFeatures.NAMES.size()];
        weak[RelevanceFeatures.NAMES.indexOf("cosine")] = 0.6;
        strong[RelevanceFeatures.NAMES.indexOf("cosine")] = 0.85;
        weak[RelevanceFeatures.NAMES.indexOf("idfCoverage")] = 0.1;
        strong[RelevanceFeatures.NAMES.indexOf("idfCoverage")] = 0.9;
        assertTrue(articles.probability(strong) > articles.probability(weak));
    }
}
