package dev.evidencebot.cli;

import dev.evidencebot.corpus.HtmlSelectors;
import dev.evidencebot.retrieval.KnowledgeBase;
import io.micronaut.context.ApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** How commands get the same beans and configuration as the server, without starting it. */
final class Contexts {

    /** Long enough to embed a large corpus from scratch on two cores. */
    static final Duration LOAD_TIMEOUT = Duration.ofMinutes(30);

    private Contexts() {
    }

    static ApplicationContext start() {
        return start(java.util.Map.of());
    }

    /**
     * The same, with these properties over the configuration (a benchmark's own corpus and index).
     * A command reads the corpus once: it does not follow the directory as the server does, and
     * its questions (eval, bench, calibrate) are the system's own, so no rate limit or model-call
     * budget applies to them.
     */
    static ApplicationContext start(java.util.Map<String, Object> properties) {
        java.util.Map<String, Object> all = new java.util.HashMap<>(properties);
        all.putIfAbsent("corpus.watch", "false");
        all.putIfAbsent("rate-limit.enabled", "false");
        return ApplicationContext.builder().deduceEnvironment(false).properties(all).start();
    }

    static KnowledgeBase.Loaded loaded(ApplicationContext context) {
        return context.getBean(KnowledgeBase.class).await(LOAD_TIMEOUT);
    }

    /** The per-site HTML selectors the server would use: CORPUS_HTML_CONTENT_SELECTOR, CORPUS_HTML_REMOVE_SELECTORS. */
    static HtmlSelectors htmlSelectors() {
        String remove = System.getenv("CORPUS_HTML_REMOVE_SELECTORS");
        return new HtmlSelectors(System.getenv("CORPUS_HTML_CONTENT_SELECTOR"),
                remove == null ? List.of() : List.of(remove.split(",")));
    }

    /** The corpus directory the server would read: CORPUS_PATH, else corpus/. */
    static Path corpusDirectory() {
        String configured = System.getenv("CORPUS_PATH");
        return Path.of(configured == null || configured.isBlank() ? "corpus" : configured);
    }
}
