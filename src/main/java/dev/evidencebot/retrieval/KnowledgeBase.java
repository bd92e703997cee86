package dev.evidencebot.retrieval;

import dev.evidencebot.corpus.Corpus;
import dev.evidencebot.corpus.CorpusFiles;
import dev.evidencebot.corpus.CorpusReader;
import dev.evidencebot.corpus.Problem;
import dev.evidencebot.evidence.EvidenceGrader;
import dev.evidencebot.evidence.GradedCorpus;
import dev.evidencebot.evidence.GradingMemory;
import dev.evidencebot.index.Embedder;
import dev.evidencebot.index.IndexProgress;
import dev.evidencebot.index.IndexReport;
import dev.evidencebot.index.PassageIndex;
import dev.evidencebot.index.ProgressLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The corpus as the answer pipeline sees it: read, graded, indexed, searchable, and kept in step
 * with the corpus directory. The first load starts at construction on its own thread, so a server
 * answers /health (not ready) while a large corpus is embedded. A {@link #reload} re-reads only
 * changed files and re-embeds only changed articles, on the same thread, while questions go on
 * being answered from the previous {@link Loaded} snapshot; the switch to the new one (corpus,
 * gradings, searcher, and whatever {@link #prepareEach} builds from them) is one volatile write.
 */
public final class KnowledgeBase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeBase.class);

    /** How long close waits for a load under way to end. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(30);
    /**
     * How long a replaced snapshot's searcher stays open. A question holds its snapshot only while
     * it retrieves (milliseconds; composing reads the corpus in memory), so this is ample.
     */
    private static final Duration RETIRE_AFTER = Duration.ofSeconds(30);
    /** How often a long build writes a progress line to the log. */
    private static final Duration LOG_EVERY = Duration.ofSeconds(5);

    /**
     * What one load produced: everything a retriever and a door need, from one commit of the index.
     *
     * @param searcher the commit the retriever reads; released some time after a newer snapshot replaces this one
     */
    public record Loaded(GradedCorpus corpus, Retriever retriever, IndexReport report, Instant at,
                         PassageIndex.Pinned searcher) {
    }

    /**
     * How the last reload ended.
     *
     * @param switched true when a new snapshot went into service; false when nothing had changed or it failed
     * @param failure  why it failed (the previous snapshot still serves), or null
     */
    public record Reloaded(Instant at, String trigger, boolean switched, int changedArticles, int removedArticles,
                           int problems, long millis, String failure) {
    }

    private final Path corpusDirectory;
    private final Path indexDirectory;
    private final Supplier<Embedder> embedder;
    private final CorpusFiles files;
    private final EvidenceGrader grader = new EvidenceGrader();
    private final GradingMemory gradings = new GradingMemory();
    private final CorpusSnapshot snapshot;
    private final ExecutorService loader = Executors.newSingleThreadExecutor(runnable -> daemon(runnable, "knowledge-base-loader"));
    private final ScheduledExecutorService retirer = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "knowledge-base-retirer"));
    private final List<Consumer<Loaded>> preparers = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Loaded> firstLoad = new CompletableFuture<>();
    private volatile Loaded current;
    private volatile BuildProgress progress;
    private volatile Reloaded lastReload;
    private volatile boolean closed;
    /** Loader thread only. */
    private PassageIndex index;
    /** A reload asked for while another runs: later requests join it instead of queueing more. Guarded by this. */
    private CompletableFuture<Loaded> queued;

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
        this.files = new CorpusFiles(reader);
        this.snapshot = new CorpusSnapshot(indexDirectory, corpusDirectory);
        this.corpusDirectory = corpusDirectory;
        this.indexDirectory = indexDirectory;
        this.embedder = embedder;
        loader.execute(() -> {
            try {
                firstLoad.complete(build("start"));
            } catch (Throwable failure) {
                LOG.error("the knowledge base failed to load", failure);
                firstLoad.completeExceptionally(failure);
            } finally {
                progress = null;
                closeIndexIfClosed();
            }
        });
    }

    /**
     * Reads the corpus directory again and brings the index in step, in the background. Answers
     * keep coming from the current snapshot until the new one is complete. A file that no longer
     * parses keeps its last good version; a failure of the whole reload keeps the whole previous
     * snapshot. Requests while one reload waits to start join that one.
     *
     * @param trigger what asked for it, for the log and /health ("file change", "admin")
     * @return the snapshot in service once this reload has ended
     */
    public synchronized CompletableFuture<Loaded> reload(String trigger) {
        if (queued != null) {
            return queued;
        }
        CompletableFuture<Loaded> reload = new CompletableFuture<>();
        if (closed) {
            reload.completeExceptionally(new NotReadyException("the knowledge base is closing"));
            return reload;
        }
        queued = reload;
        loader.execute(() -> {
            synchronized (this) {
                queued = null;
            }
            long start = System.nanoTime();
            try {
                reload.complete(build(trigger));
            } catch (Throwable failure) {
                LOG.error("reload ({}) failed; the previous corpus stays in service", trigger, failure);
                lastReload = new Reloaded(Instant.now(), trigger, false, 0, 0, 0,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), String.valueOf(failure.getMessage()));
                reload.completeExceptionally(failure);
            } finally {
                progress = null;
                closeIndexIfClosed();
            }
        });
        return reload;
    }

    /**
     * Runs this on every snapshot before it goes into service (and now on the current one, if any):
     * whatever a caller derives from a snapshot is then ready when the switch happens. A preparer
     * that throws fails the reload, and the previous snapshot stays.
     */
    public void prepareEach(Consumer<Loaded> preparer) {
        preparers.add(preparer);
        Loaded now = current;
        if (now != null) {
            preparer.accept(now);
        }
    }

    public boolean ready() {
        return current != null;
    }

    /** The build under way (first load or reload), or null when none is. */
    public BuildProgress progress() {
        return progress;
    }

    /** How the last reload ended, or null when there was none. */
    public Reloaded lastReload() {
        return lastReload;
    }

    /** The failure that stopped the first load, or null while loading or once anything loaded. */
    public Throwable failure() {
        if (current != null || !firstLoad.isCompletedExceptionally()) {
            return null;
        }
        try {
            firstLoad.join();
            return null;
        } catch (RuntimeException e) {
            return e.getCause() != null ? e.getCause() : e;
        }
    }

    /**
     * The snapshot in service, waiting at most {@code timeout} for the first one.
     *
     * @throws NotReadyException when it is still loading after the timeout, or loading failed
     */
    public Loaded await(Duration timeout) {
        Loaded now = current;
        if (now != null) {
            return now;
        }
        try {
            return firstLoad.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new NotReadyException("the index is still being built; try again shortly");
        } catch (ExecutionException e) {
            Loaded recovered = current; // a reload after a failed start may have succeeded
            if (recovered != null) {
                return recovered;
            }
            throw new NotReadyException("the knowledge base failed to load: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotReadyException("interrupted while waiting for the knowledge base");
        }
    }

    private Loaded build(String trigger) throws IOException {
        if (closed) {
            throw new NotReadyException("the knowledge base is closing");
        }
        long start = System.nanoTime();
        progress = BuildProgress.phase("reading");
        if (current == null) {
            snapshot.load().ifPresent(saved -> {
                files.restore(saved.files());
                gradings.restore(saved.gradings());
            });
        }
        Corpus corpus = files.read(corpusDirectory);
        long read = System.nanoTime();
        GradedCorpus graded = grader.grade(corpus, corpusDirectory, gradings);
        long gradedAt = System.nanoTime();
        Loaded before = current;
        logNewProblems(before == null ? List.of() : before.corpus().problems(), graded.problems());
        if (index == null) {
            index = PassageIndex.open(indexDirectory, embedder.get());
        }
        long indexing = System.nanoTime();
        IndexReport report = index.build(graded, tracked(BuildProgress.INDEXING, "passages"));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        if (before != null && !report.rebuilt() && graded.equals(before.corpus())) {
            // a touched file, an unchanged save: the snapshot in service is already this one
            lastReload = new Reloaded(Instant.now(), trigger, false, 0, 0, graded.problems().size(), millis, null);
            return before;
        }
        long indexed = System.nanoTime();
        progress = BuildProgress.phase("preparing");
        PassageIndex.Pinned searcher = index.pin();
        Loaded loaded;
        try {
            HybridRetriever retriever = new HybridRetriever(searcher, graded, HybridRetriever.Settings.DEFAULTS,
                    tracked(BuildProgress.ABSTRACT_VECTORS, "abstracts"));
            // One search before the first reader's: loads the classes and warms the code of the query path.
            retriever.retrieve("warm up the search path", 1);
            loaded = new Loaded(graded, retriever, report, Instant.now(), searcher);
            for (Consumer<Loaded> preparer : preparers) {
                preparer.accept(loaded);
            }
        } catch (RuntimeException e) {
            searcher.release();
            throw e;
        }
        current = loaded;
        if (before != null) {
            retire(before);
        }
        if (files.changedLastTime() > 0) {
            snapshot.save(files.state(), gradings.state());
        }
        long end = System.nanoTime();
        millis = TimeUnit.NANOSECONDS.toMillis(end - start);
        LOG.info("knowledge base {} ({}): {} articles, {} passages; {} articles written, {} removed, {} passages embedded;"
                        + " {} ms (read {} files in {}, grade {}, index {}, prepare {})",
                before == null ? "ready" : "reloaded", trigger, graded.articles().size(), report.passages(),
                report.changedArticles(), report.removedArticles(), report.embeddedPassages(), millis,
                files.parsedLastTime(), ms(read - start), ms(gradedAt - read), ms(indexed - indexing), ms(end - indexed));
        if (before != null) {
            lastReload = new Reloaded(Instant.now(), trigger, true, report.changedArticles(), report.removedArticles(),
                    graded.problems().size(), millis, null);
        }
        return loaded;
    }

    /** A phase's progress, shown in /health and written to the log every few seconds; its clock starts now. */
    private IndexProgress tracked(String phase, String unit) {
        long begun = System.nanoTime();
        ProgressLog log = new ProgressLog(phase, unit, LOG::info, LOG_EVERY);
        return (done, total) -> {
            progress = BuildProgress.of(phase, done, total, System.nanoTime() - begun);
            log.advanced(done, total);
        };
    }

    private static long ms(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    private static void logNewProblems(List<Problem> before, List<Problem> now) {
        Set<Problem> known = new HashSet<>(before);
        for (Problem problem : now) {
            if (!known.contains(problem)) {
                LOG.warn("corpus problem: {}:{}: {}", problem.file(), problem.line(), problem.message());
            }
        }
    }

    private void retire(Loaded replaced) {
        try {
            retirer.schedule(replaced.searcher()::release, RETIRE_AFTER.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing: the index closes with everything it holds
        }
    }

    /**
     * Closes the index, also when loading is under way: the loader closes it the moment its build
     * ends, and this waits (bounded) for that, so the index directory's lock is free when close
     * returns and the next owner (a restarted server, the next test's context) can open it.
     */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        // searchers waiting out their grace period are released now: nobody will ask them anything
        for (Runnable release : retirer.shutdownNow()) {
            release.run();
        }
        loader.shutdown();
        try {
            if (!loader.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("the knowledge base was still loading {} after close; its index closes when loading ends", CLOSE_WAIT);
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        closeIndexIfClosed();
    }

    private synchronized void closeIndexIfClosed() {
        if (closed && index != null) {
            try {
                Loaded last = current;
                if (last != null) {
                    last.searcher().release();
                }
                index.close();
            } catch (IOException | RuntimeException e) {
                LOG.warn("could not close the index cleanly", e);
            }
            index = null;
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    /** The knowledge base cannot serve yet: doors answer 503 with this message. */
    public static final class NotReadyException extends RuntimeException {
        public NotReadyException(String message) {
            super(message);
        }
    }
}
