package dev.evidencebot.index;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.evidencebot.corpus.Article;
import dev.evidencebot.corpus.Passage;
import dev.evidencebot.evidence.GradedArticle;
import dev.evidencebot.evidence.GradedCorpus;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The passage index: one Lucene document per claim passage, kept in step with the corpus article by
 * article. Each document carries its article's content hash; a build compares those with the
 * corpus and rewrites only the articles added or changed (delete by article id, then add), deletes
 * the ones removed, and leaves every other document as it is. Searches run concurrently through
 * one {@link SearcherManager}; builds are serialized.
 */
public final class PassageIndex implements PassageSearcher, AutoCloseable {

    /**
     * Passages embedded per call. The model runs one sentence at a time on each core, so a batch
     * only has to be big enough to keep both busy between the writer's turns; 256 measured as fast
     * as 1,024 with a quarter of the memory ({@code bench --embed}).
     */
    static final int EMBED_BATCH = 256;

    private final Directory directory;
    private final Embedder embedder;
    private final SnapshotCache snapshots = new SnapshotCache();
    /**
     * Article -> its content hash, by identity: an unchanged file gives the same Article object on
     * every reload, so only new articles are hashed. Weak keys let old articles go.
     */
    private final Cache<Article, String> articleHashes = Caffeine.newBuilder().weakKeys().build();
    /** Article id -> hash of what the index holds, as of the last build; null until read from the index. */
    private Map<String, String> indexed;
    private SearcherManager searchers;

    private PassageIndex(Directory directory, Embedder embedder) {
        this.directory = directory;
        this.embedder = embedder;
    }

    /** An index stored under this directory (created when missing), reused across runs while its content holds. */
    public static PassageIndex open(Path path, Embedder embedder) {
        try {
            Files.createDirectories(path);
            return new PassageIndex(FSDirectory.open(path), embedder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the index directory " + path.toAbsolutePath(), e);
        }
    }

    /** An index held in memory only: tests and the BEIR benchmark. */
    public static PassageIndex inMemory(Embedder embedder) {
        return new PassageIndex(new ByteBuffersDirectory(), embedder);
    }

    @Override
    public Embedder embedder() {
        return embedder;
    }

    public IndexReport build(GradedCorpus corpus) {
        return build(corpus, IndexProgress.NONE);
    }

    public IndexReport build(GradedCorpus corpus, IndexProgress progress) {
        List<Article> articles = new ArrayList<>(corpus.articles().size());
        for (GradedArticle graded : corpus.articles()) {
            articles.add(graded.article());
        }
        return build(articles, progress);
    }

    public IndexReport build(List<Article> articles) {
        return build(articles, IndexProgress.NONE);
    }

    /**
     * Makes the index hold exactly these articles' passages, writing only what differs from what
     * it holds: nothing at all when the whole corpus hash matches the last commit.
     */
    public synchronized IndexReport build(List<Article> articles, IndexProgress progress) {
        long start = System.nanoTime();
        // hashing thousands of articles on a first build is worth every core
        articles.parallelStream().forEach(article -> articleHashes.get(article, a -> ContentHashes.article(a, embedder.name())));
        Map<String, Article> byId = new LinkedHashMap<>();
        Map<String, String> hashes = new LinkedHashMap<>();
        int passages = 0;
        for (Article article : articles) {
            check(article);
            byId.put(article.id(), article);
            hashes.put(article.id(), articleHashes.get(article, a -> ContentHashes.article(a, embedder.name())));
            passages += article.passages().size();
        }
        String hash = ContentHashes.corpus(hashes, embedder.name());
        try {
            Map<String, String> commit = commitData();
            Changes changes = new Changes(0, 0, 0);
            boolean written = !hash.equals(commit.get(IndexFields.CONTENT_HASH));
            if (written) {
                changes = write(byId, hashes, hash, commit, progress);
            }
            if (searchers == null) {
                searchers = new SearcherManager(directory, null);
            } else {
                searchers.maybeRefreshBlocking();
            }
            IndexSearcher current = searchers.acquire();
            try {
                snapshots.of(current.getIndexReader());
                snapshots.retainOnly(current.getIndexReader());
            } finally {
                searchers.release(current);
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            return new IndexReport(passages, articles.size(), written, millis, hash,
                    changes.changed(), changes.removed(), changes.embedded());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the passage index in " + directory, e);
        }
    }

    /** The current commit's view, for searches until {@link Pinned#release()}: one commit, however many builds follow. */
    public synchronized Pinned pin() {
        requireBuilt();
        try {
            IndexSearcher searcher = searchers.acquire();
            return new Pinned(searcher, snapshots.of(searcher.getIndexReader()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a searcher on " + directory, e);
        }
    }

    /**
     * Searches the latest commit. Callers that must not see a build half-way through a question
     * use {@link #pin()} instead.
     *
     * @throws IllegalStateException when {@link #build} has not run yet
     */
    @Override
    public List<IndexHit> search(Query query, int depth, Similarity similarity) {
        requireBuilt();
        try {
            IndexSearcher shared = searchers.acquire();
            try {
                return Snapshot.search(shared, snapshots.of(shared.getIndexReader()), query, depth, similarity);
            } finally {
                searchers.release(shared);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("search failed for query " + query, e);
        }
    }

    /**
     * Every passage's stored vector by passage id, as the latest commit holds them.
     *
     * @throws IllegalStateException when {@link #build} has not run yet
     */
    @Override
    public Map<String, float[]> vectors() {
        requireBuilt();
        try {
            IndexSearcher shared = searchers.acquire();
            try {
                return snapshots.of(shared.getIndexReader()).vectorsById();
            } finally {
                searchers.release(shared);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the stored vectors", e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (searchers != null) {
            searchers.close();
        }
        directory.close();
    }

    private void requireBuilt() {
        if (searchers == null) {
            throw new IllegalStateException("the passage index is not built yet; call build(...) first");
        }
    }

    /** A searcher held on one commit. Release it once no question uses it: its files stay open till then. */
    public final class Pinned implements PassageSearcher {

        private final IndexSearcher searcher;
        private final Snapshot snapshot;
        private boolean released;

        private Pinned(IndexSearcher searcher, Snapshot snapshot) {
            this.searcher = searcher;
            this.snapshot = snapshot;
        }

        @Override
        public List<IndexHit> search(Query query, int depth, Similarity similarity) {
            try {
                return Snapshot.search(searcher, snapshot, query, depth, similarity);
            } catch (IOException e) {
                throw new UncheckedIOException("search failed for query " + query, e);
            }
        }

        @Override
        public Map<String, float[]> vectors() {
            return snapshot.vectorsById();
        }

        @Override
        public Embedder embedder() {
            return embedder;
        }

        /** Lets go of the commit; searching afterwards fails. Releasing twice is harmless. */
        public void release() {
            synchronized (PassageIndex.this) {
                if (released) {
                    return;
                }
                released = true;
                try {
                    searchers.release(searcher);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot release a searcher on " + directory, e);
                }
            }
        }
    }

    private record Changes(int changed, int removed, int embedded) {
    }

    private static void check(Article article) {
        for (Passage passage : article.passages()) {
            if (!article.id().equals(passage.articleId())) {
                throw new IllegalArgumentException("passage " + passage.id() + " names article "
                        + passage.articleId() + ", which is not the article '" + article.id() + "' it came with");
            }
        }
    }

    /** The last commit's user data: corpus hash, schema version, embedder. Empty for a new index. */
    private Map<String, String> commitData() throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return Map.of();
        }
        return SegmentInfos.readLatestCommit(directory).getUserData();
    }

    private Changes write(Map<String, Article> articles, Map<String, String> hashes, String hash,
                          Map<String, String> commit, IndexProgress progress) throws IOException {
        // a new schema or another model makes every stored document unusable: start over
        boolean fresh = !Integer.toString(IndexFields.SCHEMA_VERSION).equals(commit.get(IndexFields.SCHEMA))
                || !embedder.name().equals(commit.get(IndexFields.EMBEDDER));
        if (fresh) {
            indexed = new HashMap<>();
        } else if (indexed == null) {
            indexed = indexedArticleHashes();
        }
        try (IndexWriter writer = new IndexWriter(directory, writerConfig())) {
            return write(writer, articles, hashes, hash, fresh, progress);
        } catch (IOException | RuntimeException e) {
            indexed = null; // nothing was committed (no commit on close): read what the index holds next time
            throw e;
        }
    }

    private Changes write(IndexWriter writer, Map<String, Article> articles, Map<String, String> hashes, String hash,
                          boolean fresh, IndexProgress progress) throws IOException {
        if (fresh) {
            writer.deleteAll();
        }
        int removed = 0;
        for (String id : List.copyOf(indexed.keySet())) {
            if (!articles.containsKey(id)) {
                writer.deleteDocuments(new Term(IndexFields.ARTICLE_ID, id));
                indexed.remove(id);
                removed++;
            }
        }
        List<Article> changed = new ArrayList<>();
        long total = 0;
        for (Article article : articles.values()) {
            String stored = indexed.get(article.id());
            if (article.passages().isEmpty() && stored == null) {
                continue; // nothing to write and nothing to delete
            }
            if (!hashes.get(article.id()).equals(stored)) {
                changed.add(article);
                total += article.passages().size();
            }
        }
        int embedded = addAll(writer, changed, hashes, total, progress);
        for (Article article : changed) {
            if (article.passages().isEmpty()) {
                indexed.remove(article.id()); // no documents carry its hash
            } else {
                indexed.put(article.id(), hashes.get(article.id()));
            }
        }
        Map<String, String> data = new HashMap<>();
        data.put(IndexFields.CONTENT_HASH, hash);
        data.put(IndexFields.SCHEMA, Integer.toString(IndexFields.SCHEMA_VERSION));
        data.put(IndexFields.EMBEDDER, embedder.name());
        writer.setLiveCommitData(data.entrySet());
        writer.commit();
        return new Changes(changed.size(), removed, embedded);
    }

    /**
     * Replaces each changed article's documents with its new passages. Embedding runs on its own
     * thread one batch ahead of the writer, so Lucene's work (analysis, the vector graph) overlaps
     * the model's instead of adding to it.
     */
    private int addAll(IndexWriter writer, List<Article> changed, Map<String, String> hashes,
                       long total, IndexProgress progress) throws IOException {
        List<List<Passage>> batches = new ArrayList<>();
        List<Passage> batch = new ArrayList<>(EMBED_BATCH);
        Map<String, Article> articleOf = new HashMap<>();
        for (Article article : changed) {
            // delete first even when the article is new: a no-op then, and it keeps no stale passage when it shrank
            writer.deleteDocuments(new Term(IndexFields.ARTICLE_ID, article.id()));
            articleOf.put(article.id(), article);
            for (Passage passage : article.passages()) {
                batch.add(passage);
                if (batch.size() == EMBED_BATCH) {
                    batches.add(batch);
                    batch = new ArrayList<>(EMBED_BATCH);
                }
            }
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        if (batches.isEmpty()) {
            return 0;
        }
        ExecutorService model = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "index-embedder");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<List<float[]>> next = model.submit(() -> embed(batches.get(0)));
            long done = 0;
            for (int i = 0; i < batches.size(); i++) {
                List<float[]> vectors = await(next);
                if (i + 1 < batches.size()) {
                    List<Passage> following = batches.get(i + 1);
                    next = model.submit(() -> embed(following));
                }
                List<Passage> current = batches.get(i);
                for (int j = 0; j < current.size(); j++) {
                    Passage passage = current.get(j);
                    Article article = articleOf.get(passage.articleId());
                    writer.addDocument(PassageDocuments.of(article, passage, vectors.get(j), hashes.get(article.id())));
                }
                done += current.size();
                progress.advanced(done, total);
            }
            return (int) done;
        } finally {
            model.shutdownNow();
        }
    }

    private List<float[]> embed(List<Passage> batch) {
        List<String> texts = new ArrayList<>(batch.size());
        for (Passage passage : batch) {
            texts.add(passage.text());
        }
        List<float[]> vectors = embedder.embedPassages(texts);
        if (vectors.size() != batch.size()) {
            throw new IllegalStateException("embedder " + embedder.name() + " returned " + vectors.size()
                    + " vectors for " + batch.size() + " passages");
        }
        return vectors;
    }

    private static List<float[]> await(Future<List<float[]>> vectors) throws IOException {
        try {
            return vectors.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while embedding passages", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException("embedding failed", e.getCause());
        }
    }

    /** Article id to the hash its stored documents were written with, read from the latest commit. */
    private Map<String, String> indexedArticleHashes() throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return new HashMap<>();
        }
        try (IndexReader reader = DirectoryReader.open(directory)) {
            return Snapshot.articleHashes(reader);
        }
    }

    /**
     * Bulk writes want few flushes: every flush and merge re-links the vector graph. The buffer
     * takes at most a quarter of the heap, so a server at -Xmx512m can still reload a large corpus.
     */
    private static IndexWriterConfig writerConfig() {
        double quarterHeapMb = Runtime.getRuntime().maxMemory() / 4.0 / (1024 * 1024);
        return new IndexWriterConfig(IndexFields.analyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                // a build that fails half-way leaves the last commit as it was
                .setCommitOnClose(false)
                .setRAMBufferSizeMB(Math.max(16, Math.min(256, quarterHeapMb)));
    }
}
