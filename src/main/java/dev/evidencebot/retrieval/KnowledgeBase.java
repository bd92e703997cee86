package dev.evidencebot.retrieval;

import dev.evidencebot.corpus.Corpus;
import dev.evidencebot.corpus.CorpusReader;
import dev.evidencebot.evidence.EvidenceGrader;
import dev.evidencebot.evidence.GradedCorpus;
import dev.evidencebot.index.Embedder;
import dev.evidencebot.index.IndexReport;
import dev.evidencebot.index.PassageIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The corpus as the answer pipeline sees it: read, graded, indexed, searchable. Loading starts at
 * construction on its own thread, so a server can answer /health (not ready) while a large corpus
 * is embedded; {@link #await} hands out the loaded state once it exists.
 */
public final class KnowledgeBase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeBase.class);

    /** How long close waits for a load under way to end. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(30);

    private final CompletableFuture<Loaded> loading;

    /** What loading produced: everything a retriever and a door need. */
    public record Loaded(GradedCorpus corpus, PassageIndex index, Retriever retriever, IndexReport report) {
    }

    public KnowledgeBase(Path corpusDirectory, Path indexDirectory, Embedder embedder) {
        this(corpusDirectory, indexDirectory, () -> embedder);
    }

    /**
     * @param embedder resolved on the loading thread: loading a model takes seconds, and the server
     *                 should be accepting connections (and answering /health) meanwhile
     */
    public KnowledgeBase(Path corpusDirectory, Path indexDirectory, Supplier<Embedder> embedder) {
        this(new CorpusReader(), corpusDirectory, indexDirectory, embedder);
    }

    /** @param reader how corpus files are read (per-site HTML selectors); see the constructor above for the rest */
    public KnowledgeBase(CorpusReader reader, Path corpusDirectory, Path indexDirectory, Supplier<Embedder> embedder) {
        this.loading = CompletableFuture.supplyAsync(() -> load(reader, corpusDirectory, indexDirectory, embedder.get()),
                runnable -> {
                    Thread thread = new Thread(runnable, "knowledge-base-loader");
                    thread.setDaemon(true);
                    thread.start();
                });
        loading.whenComplete((loaded, failure) -> {
            if (failure != null) {
                LOG.error("the knowledge base failed to load", failure);
            }
        });
    }

    private static Loaded load(CorpusReader reader, Path corpusDirectory, Path indexDirectory, Embedder embedder) {
        long start = System.nanoTime();
        Corpus corpus = reader.read(corpusDirectory);
        GradedCorpus graded = new EvidenceGrader().grade(corpus, corpusDirectory);
        graded.problems().forEach(problem ->
                LOG.warn("corpus problem: {}:{}: {}", problem.file(), problem.line(), problem.message()));
        PassageIndex index = PassageIndex.open(indexDirectory, embedder);
        IndexReport report = index.build(graded);
        LOG.info("knowledge base ready: {} articles, {} passages, index {} in {} ms (total {} ms)",
                graded.articles().size(), report.passages(), report.rebuilt() ? "rebuilt" : "reused",
                report.millis(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        HybridRetriever retriever = new HybridRetriever(index, graded);
        // One search before the first reader's: loads the classes and warms the code of the query path.
        retriever.retrieve("warm up the search path", 1);
        return new Loaded(graded, index, retriever, report);
    }

    public boolean ready() {
        return loading.isDone() && !loading.isCompletedExceptionally();
    }

    /** The failure that stopped loading, or null while loading or once loaded. */
    public Throwable failure() {
        if (!loading.isCompletedExceptionally()) {
            return null;
        }
        try {
            loading.join();
            return null;
        } catch (RuntimeException e) {
            return e.getCause() != null ? e.getCause() : e;
        }
    }

    /**
     * The loaded knowledge base, waiting at most {@code timeout} for it.
     *
     * @throws NotReadyException when it is still loading after the timeout, or loading failed
     */
    public Loaded await(Duration timeout) {
        try {
            return loading.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new NotReadyException("the index is still being built; try again shortly");
        } catch (ExecutionException e) {
            throw new NotReadyException("the knowledge base failed to load: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotReadyException("interrupted while waiting for the knowledge base");
        }
    }

    /**
     * Closes the index, also when loading is still under way: the index is closed the moment
     * loading ends, and this waits (bounded) for that, so the index directory's lock is free when
     * close returns and the next owner (a restarted server, the next test's context) can open it.
     */
    @Override
    public void close() {
        CompletableFuture<Void> closed = loading.handle((loaded, failure) -> {
            if (loaded != null) {
                try {
                    loaded.index().close();
                } catch (IOException e) {
                    throw new UncheckedIOException("could not close the index", e);
                }
            }
            return null;
        });
        try {
            closed.get(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("the knowledge base was still loading {} after close; its index closes when loading ends", CLOSE_WAIT);
        } catch (ExecutionException e) {
            throw new UncheckedIOException("could not close the index", new IOException(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The knowledge base cannot serve yet: doors answer 503 with this message. */
    public static final class NotReadyException extends RuntimeException {
        public NotReadyException(String message) {
            super(message);
        }
    }
}
