package dev.evidencebot.llm;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.evidencebot.index.Embedder;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;

import java.util.ArrayList;
import java.util.List;

/**
 * An {@link Embedder} over a LangChain4j in-process ONNX model. ONNX Runtime sessions and the
 * HuggingFace tokenizer may be called from many threads at once (LangChain4j's own embedAll fans
 * one model out over a thread pool), so one instance serves every concurrent question.
 */
final class OnnxEmbedder implements Embedder {

    /** Questions repeat in a Q&A product; a bounded cache saves the ~10-30 ms embedding of a repeat. */
    private static final int QUERY_CACHE_SIZE = 2_048;

    private final String name;
    private final EmbeddingModel model;
    private final String queryPrefix;
    private final int dimensions;
    private final Cache<String, float[]> queryVectors =
            Caffeine.newBuilder().maximumSize(QUERY_CACHE_SIZE).build();

    OnnxEmbedder(String model, EmbeddingModel embeddingModel, String queryPrefix, int dimensions) {
        // the prefix is part of the name: changing it changes every query vector's meaning
        this.name = queryPrefix.isEmpty() ? model : model + "+query-prefix";
        this.model = embeddingModel;
        this.queryPrefix = queryPrefix;
        this.dimensions = dimensions;
    }

    @Override
    public int dimensions() {
        return dimensions;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public float[] embedQuery(String query) {
        // callers get a copy so no one can change the cached vector in place
        return queryVectors.get(query, q -> unit(model.embed(queryPrefix + q).content())).clone();
    }

    @Override
    public List<float[]> embedPassages(List<String> passages) {
        if (passages.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = new ArrayList<>(passages.size());
        for (String passage : passages) {
            // an empty segment is rejected by LangChain4j; a single space embeds as "nothing said"
            segments.add(TextSegment.from(passage.isBlank() ? " " : passage));
        }
        // embedAll spreads the segments over one thread per core
        List<Embedding> embeddings = model.embedAll(segments).content();
        List<float[]> vectors = new ArrayList<>(embeddings.size());
        for (Embedding embedding : embeddings) {
            vectors.add(unit(embedding));
        }
        return vectors;
    }

    private float[] unit(Embedding embedding) {
        float[] vector = embedding.vector();
        if (vector.length != dimensions) {
            throw new IllegalStateException("model " + name + " returned a vector of " + vector.length
                    + " dimensions, expected " + dimensions);
        }
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        if (norm == 0) {
            return vector;
        }
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = (float) (vector[i] / norm);
        }
        return unit;
    }
}
