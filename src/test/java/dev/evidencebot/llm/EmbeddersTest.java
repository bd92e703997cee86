package dev.evidencebot.llm;

import dev.evidencebot.index.Embedder;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Against the real ONNX models shipped in the jars. */
class EmbeddersTest {

    private static double dot(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    @ParameterizedTest
    @ValueSource(strings = {Embedders.BGE_SMALL, Embedders.MINILM})
    void vectorsAreUnitLength384AndRelatedTextIsCloser(String model) {
        // given
        Embedder embedder = Embedders.named(model);

        // when
        float[] query = embedder.embedQuery("Does melatonin help people fall asleep?");
        List<float[]> passages = embedder.embedPassages(List.of(
                "Melatonin shortened sleep onset latency in adults with insomnia.",
                "The bridge was closed for repairs to its steel cables."));

        // then
        assertEquals(384, embedder.dimensions());
        for (float[] vector : List.of(query, passages.get(0), passages.get(1))) {
            assertEquals(384, vector.length);
            assertEquals(1.0, Math.sqrt(dot(vector, vector)), 1e-4);
        }
        assertTrue(dot(query, passages.get(0)) > dot(query, passages.get(1)) + 0.1,
                "related " + dot(query, passages.get(0)) + " vs unrelated " + dot(query, passages.get(1)));
    }

    @Test
    void bgePrefixesQueriesOnlyAndMiniLmDoesNot() {
        // given
        String text = "Semax raises BDNF in the rat hippocampus.";
        Embedder bge = Embedders.named(Embedders.BGE_SMALL);
        Embedder miniLm = Embedders.named(Embedders.MINILM);

        // when: the same words embedded as a query and as a passage
        double bgeSame = dot(bge.embedQuery(text), bge.embedPassages(List.of(text)).get(0));
        double miniLmSame = dot(miniLm.embedQuery(text), miniLm.embedPassages(List.of(text)).get(0));

        // then: BGE's instruction changes the query vector; MiniLM's query is the passage
        assertTrue(bgeSame < 0.999, "BGE query and passage vectors should differ, cosine " + bgeSame);
        assertEquals(1.0, miniLmSame, 1e-5);
        assertTrue(bge.name().contains(Embedders.BGE_SMALL) && !bge.name().equals(miniLm.name()));
    }

    @Test
    void concurrentCallsGiveTheSameVectorsAsSequentialOnes() throws Exception {
        // given
        Embedder embedder = Embedders.named(Embedders.MINILM);
        List<String> texts = List.of("Statins lower LDL cholesterol.", "Exercise lowers blood pressure.",
                "Melatonin shortens sleep latency.", "Semax is a peptide.");
        List<float[]> sequential = embedder.embedPassages(texts);

        // when
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<float[]>> futures = new ArrayList<>();
        try {
            for (int round = 0; round < 3; round++) {
                for (String text : texts) {
                    futures.add(pool.submit(() -> embedder.embedPassages(List.of(text)).get(0)));
                }
            }
            // then
            for (int i = 0; i < futures.size(); i++) {
                assertArrayEquals(sequential.get(i % texts.size()), futures.get(i).get(), 1e-5f);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void cachedQueryVectorsCannotBeChangedByACaller() {
        // given
        Embedder embedder = Embedders.named(Embedders.MINILM);
        float[] first = embedder.embedQuery("cache me");
        float[] copy = first.clone();

        // when
        first[0] = 42f;

        // then
        assertArrayEquals(copy, embedder.embedQuery("cache me"));
    }

    @Test
    void anUnknownModelNameListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Embedders.named("gpt-embed"));
        assertTrue(e.getMessage().contains("gpt-embed") && e.getMessage().contains(Embedders.BGE_SMALL));
    }

    @Test
    void theFactoryBuildsTheConfiguredModel() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("embedding.model", Embedders.MINILM))) {
            assertEquals(Embedders.MINILM, context.getBean(Embedder.class).name());
        }
    }
}
