package dev.evidencebot.retrieval;

import dev.evidencebot.secrets.KeptSecrets;
import dev.evidencebot.corpus.CorpusReader;
import dev.evidencebot.corpus.HtmlSelectors;
import dev.evidencebot.index.CachingEmbedder;
import dev.evidencebot.index.Embedder;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Builds the one knowledge base of the application from configuration, and the watcher that keeps it current. */
@Factory
class KnowledgeBaseFactory {

    /** The embedding cache's folder under data.path (env DATA_PATH). */
    static final String EMBEDDINGS = "embeddings";

    // @Context: loading starts with the application, not on the first question.
    @Context
    @Bean(preDestroy = "close")
    KnowledgeBase knowledgeBase(@Value("${corpus.path:corpus}") String corpusPath,
                                @Value("${index.path:data/index}") String indexPath,
                                @Value("${data.path:data}") String dataPath,
                                @Value("${app.base-dir:}") String baseDir,
                                @Value("${corpus.html.content-selector:}") String htmlContent,
                                @Value("${corpus.html.remove-selectors:}") List<String> htmlRemove,
                                BeanProvider<Embedder> embedder) {
        Path base = Path.of(baseDir);
        try {
            // the data directory holds the question log, secrets and caches: its owner's alone (0700) when made here
            KeptSecrets.privateDirectory(base.resolve(dataPath));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create the data directory " + base.resolve(dataPath).toAbsolutePath(), e);
        }
        Path vectors = base.resolve(dataPath).resolve(EMBEDDINGS);
        // Vectors outlive the index: a rebuild after one article changed embeds only that article's new sentences.
        // A site's own selectors find its article where the generic rules (article, main, densest block) miss.
        CorpusReader reader = new CorpusReader(new HtmlSelectors(htmlContent, htmlRemove));
        return new KnowledgeBase(reader, corpusDirectory(corpusPath, baseDir), base.resolve(indexPath),
                () -> CachingEmbedder.passages(embedder.get(), vectors));
    }

    /**
     * Follows the corpus directory (corpus.watch, env CORPUS_WATCH; on by default). A missing
     * directory is not watched: the knowledge base reports it, and the admin reindex still works.
     */
    @Context
    @Bean(preDestroy = "close")
    @Requires(property = "corpus.watch", notEquals = "false")
    CorpusWatcher corpusWatcher(KnowledgeBase knowledgeBase,
                                @Value("${corpus.path:corpus}") String corpusPath,
                                @Value("${app.base-dir:}") String baseDir,
                                @Value("${corpus.watch-quiet:500ms}") Duration quiet) throws IOException {
        return new CorpusWatcher(corpusDirectory(corpusPath, baseDir), () -> knowledgeBase.reload("file change"), quiet, quiet.multipliedBy(10));
    }

    // Relative paths resolve against app.base-dir when set (mn:run starts the app inside target/).
    private static Path corpusDirectory(String corpusPath, String baseDir) {
        return Path.of(baseDir).resolve(corpusPath);
    }
}
