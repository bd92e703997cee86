package dev.evidencebot.index;

import dev.evidencebot.corpus.Article;
import dev.evidencebot.corpus.Passage;
import dev.evidencebot.evidence.GradedArticle;
import dev.evidencebot.evidence.GradedCorpus;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The passage index: one Lucene document per claim passage, built only when its content changed.
 * Searches run concurrently through one {@link SearcherManager}; builds are serialized.
 */
public final class PassageIndex implements AutoCloseable {

    /** Passages embedded per call: large enough to keep every core busy, small enough to bound memory. */
    private static final int EMBED_BATCH = 512;

    private final Directory directory;
    private final Embedder embedder;
    private SearcherManager searchers;
    /** Ids and vectors of the current reader by doc id: every search needs them for every hit. */
    private volatile Snapshot snapshot;

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

    public Embedder embedder() {
        return embedder;
    }

    public IndexReport build(GradedCorpus corpus) {
        List<Article> articles = new ArrayList<>(corpus.articles().size());
        for (GradedArticle graded : corpus.articles()) {
            articles.add(graded.article());
        }
        return build(articles);
    }

    /**
     * Makes the index hold exactly these articles' passages: reuses what is stored when its content
     * hash matches (no embedding), else embeds every passage and rewrites the index.
     */
    public synchronized IndexReport build(List<Article> articles) {
        long start = System.nanoTime();
        String hash = contentHash(articles);
        int passages = 0;
        for (Article article : articles) {
            passages += article.passages().size();
        }
        try {
            boolean rebuilt = !hash.equals(storedHash());
            if (rebuilt) {
                write(articles, hash);
            }
            if (searchers == null) {
                searchers = new SearcherManager(directory, null);
            } else {
                searchers.maybeRefreshBlocking();
            }
            IndexSearcher current = searchers.acquire();
            try {
                snapshot = Snapshot.of(current.getIndexReader());
            } finally {
                searchers.release(current);
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            return new IndexReport(passages, articles.size(), rebuilt, millis, hash);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the passage index in " + directory, e);
        }
    }

    /**
     * Runs a query and returns its top hits with each passage's stored vector.
     *
     * @param similarity the scoring for this query (BM25 parameters); null keeps Lucene's default
     * @throws IllegalStateException when {@link #build} has not run yet
     */
    public List<IndexHit> search(Query query, int depth, Similarity similarity) {
        if (searchers == null) {
            throw new IllegalStateException("the passage index is not built yet; call build(...) first");
        }
        try {
            IndexSearcher shared = searchers.acquire();
            try {
                IndexSearcher searcher = shared;
                if (similarity != null) {
                    // a private searcher over the same reader: setting the similarity on the shared one would race
                    searcher = new IndexSearcher(shared.getIndexReader());
                    searcher.setSimilarity(similarity);
                }
                ScoreDoc[] scoreDocs = searcher.search(query, depth).scoreDocs;
                Snapshot current = snapshot;
                if (current == null || current.reader() != shared.getIndexReader()) {
                    // only while a rebuild swaps readers; read this reader's own fields
                    current = Snapshot.of(shared.getIndexReader());
                }
                List<IndexHit> hits = new ArrayList<>(scoreDocs.length);
                for (int i = 0; i < scoreDocs.length; i++) {
                    ScoreDoc scoreDoc = scoreDocs[i];
                    hits.add(new IndexHit(current.ids()[scoreDoc.doc], i + 1, scoreDoc.score, current.vectors()[scoreDoc.doc]));
                }
                return hits;
            } finally {
                searchers.release(shared);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("search failed for query " + query, e);
        }
    }

    /**
     * Every passage's stored vector by passage id, as the current reader holds them (no
     * re-embedding): what a caller needs to build vectors of whole articles.
     *
     * @throws IllegalStateException when {@link #build} has not run yet
     */
    public Map<String, float[]> vectors() {
        Snapshot current = snapshot;
        if (current == null) {
            throw new IllegalStateException("the passage index is not built yet; call build(...) first");
        }
        Map<String, float[]> byId = new HashMap<>(current.ids().length * 2);
        for (int doc = 0; doc < current.ids().length; doc++) {
            byId.put(current.ids()[doc], current.vectors()[doc]);
        }
        return byId;
    }

    @Override
    public synchronized void close() throws IOException {
        if (searchers != null) {
            searchers.close();
        }
        directory.close();
    }

    /**
     * Every document's passage id and vector, read once per reader instead of once per hit. The
     * vectors are the index's own (no re-embedding); held in memory they cost 1.5 KB a passage,
     * a few megabytes for a site's whole corpus.
     */
    private record Snapshot(IndexReader reader, String[] ids, float[][] vectors) {

        static Snapshot of(IndexReader reader) throws IOException {
            String[] ids = new String[reader.maxDoc()];
            float[][] vectors = new float[reader.maxDoc()][];
            Set<String> idField = Set.of(IndexFields.ID);
            for (LeafReaderContext leaf : reader.leaves()) {
                FloatVectorValues values = leaf.reader().getFloatVectorValues(IndexFields.VECTOR);
                StoredFields stored = leaf.reader().storedFields();
                for (int local = 0; local < leaf.reader().maxDoc(); local++) {
                    int doc = leaf.docBase + local;
                    ids[doc] = stored.document(local, idField).get(IndexFields.ID);
                    if (values == null || values.advance(local) != local) {
                        throw new IllegalStateException("passage document " + doc + " has no " + IndexFields.VECTOR + " field");
                    }
                    vectors[doc] = values.vectorValue().clone();
                }
            }
            return new Snapshot(reader, ids, vectors);
        }
    }

    private String storedHash() throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return null;
        }
        return SegmentInfos.readLatestCommit(directory).getUserData().get(IndexFields.CONTENT_HASH);
    }

    private void write(List<Article> articles, String hash) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(IndexFields.analyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(64);
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            writer.deleteAll();
            List<Passage> batch = new ArrayList<>(EMBED_BATCH);
            Map<String, Article> articleOf = new HashMap<>();
            for (Article article : articles) {
                articleOf.put(article.id(), article);
                for (Passage passage : article.passages()) {
                    batch.add(passage);
                    if (batch.size() == EMBED_BATCH) {
                        add(writer, batch, articleOf);
                    }
                }
            }
            add(writer, batch, articleOf);
            writer.setLiveCommitData(Map.of(IndexFields.CONTENT_HASH, hash).entrySet());
            writer.commit();
        }
    }

    private void add(IndexWriter writer, List<Passage> batch, Map<String, Article> articleOf) throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        List<String> texts = new ArrayList<>(batch.size());
        for (Passage passage : batch) {
            texts.add(passage.text());
        }
        List<float[]> vectors = embedder.embedPassages(texts);
        if (vectors.size() != batch.size()) {
            throw new IllegalStateException("embedder " + embedder.name() + " returned " + vectors.size()
                    + " vectors for " + batch.size() + " passages");
        }
        for (int i = 0; i < batch.size(); i++) {
            Passage passage = batch.get(i);
            Article article = articleOf.get(passage.articleId());
            if (article == null) {
                throw new IllegalArgumentException("passage " + passage.id() + " names article "
                        + passage.articleId() + ", which is not among the articles being indexed");
            }
            // upsert on the stable passage id: a duplicate id replaces, never doubles
            writer.updateDocument(new Term(IndexFields.ID, passage.id()),
                    PassageDocuments.of(article, passage, vectors.get(i)));
        }
        batch.clear();
    }

    private String contentHash(List<Article> articles) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
        update(digest, "schema " + IndexFields.SCHEMA_VERSION);
        update(digest, embedder.name());
        for (Article article : articles) {
            update(digest, article.id());
            update(digest, article.title());
            for (Passage passage : article.passages()) {
                update(digest, passage.id());
                update(digest, passage.articleId());
                update(digest, passage.section());
                update(digest, passage.text());
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Length-prefixed, so ("ab","c") and ("a","bc") hash differently; null differs from "". */
    private static void update(MessageDigest digest, String value) {
        if (value == null) {
            digest.update((byte) 0);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update((byte) 1);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
    }
}
