package dev.evidencebot.llm;

import dev.evidencebot.index.Embedder;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** The in-process embedding models, by the names configuration uses; no Micronaut needed (the CLI bench). */
public final class Embedders {

    /** BGE small v1.5, quantized: wins on SciFact (see BeirBenchmark); 512 tokens per text. */
    public static final String BGE_SMALL = "bge-small-en-v15-q";
    /** all-MiniLM-L6-v2, quantized: smaller and faster, trained on 256-token texts. */
    public static final String MINILM = "all-minilm-l6-v2-q";
    public static final String DEFAULT = BGE_SMALL;
    public static final List<String> NAMES = List.of(BGE_SMALL, MINILM);

    /** BGE v1.5's instruction for short queries against passages; passages get none. */
    public static final String BGE_QUERY_PREFIX = "Represent this sentence for searching relevant passages: ";

    private static final int DIMENSIONS = 384;

    private Embedders() {
    }

    /** One instance per model and JVM: a model is immutable, thread-safe and takes seconds to load. */
    private static final ConcurrentHashMap<String, Embedder> LOADED = new ConcurrentHashMap<>();

    /**
     * The embedder with this name, loaded once per JVM.
     *
     * @throws IllegalArgumentException when the name is none of {@link #NAMES}
     */
    public static Embedder named(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown embedding model '" + name + "'; expected one of " + NAMES);
        }
        return LOADED.computeIfAbsent(name, Embedders::load);
    }

    /**
     * Starts loading a model on a background thread, so that it is ready (or nearly) by the time
     * the application asks for it; a server start overlaps the two instead of queueing them.
     */
    public static void preload(String name) {
        if (!NAMES.contains(name)) {
            return;
        }
        Thread loader = new Thread(() -> named(name), "embedding-model-preload");
        loader.setDaemon(true);
        loader.start();
    }

    private static Embedder load(String name) {
        return switch (name) {
            case BGE_SMALL -> new OnnxEmbedder(BGE_SMALL, new BgeSmallEnV15QuantizedEmbeddingModel(),
                    BGE_QUERY_PREFIX, DIMENSIONS);
            case MINILM -> new OnnxEmbedder(MINILM, new AllMiniLmL6V2QuantizedEmbeddingModel(), "", DIMENSIONS);
            default -> throw new IllegalArgumentException(
                    "unknown embedding model '" + name + "'; expected one of " + NAMES);
        };
    }
}
