package dev.evidencebot.llm;

import dev.evidencebot.index.Embedder;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/** Makes the configured embedding model a bean: {@code embedding.model} (env EMBEDDING_MODEL). */
@Factory
class EmbedderFactory {

    @Singleton
    Embedder embedder(@Value("${embedding.model:" + Embedders.DEFAULT + "}") String model) {
        return Embedders.named(model);
    }
}
