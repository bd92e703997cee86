package dev.evidencebot.index;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.nio.file.Path;

/**
 * The on-disk passage index as a bean, under {@code index.path} (env INDEX_PATH), default
 * {@code data/index} relative to the working directory. Whoever loads the corpus calls
 * {@link PassageIndex#build} once; it reuses the stored index when nothing changed.
 */
@Factory
class PassageIndexFactory {

    @Singleton
    @Bean(preDestroy = "close")
    PassageIndex passageIndex(@Value("${index.path:data/index}") String path, Embedder embedder) {
        return PassageIndex.open(Path.of(path), embedder);
    }
}
