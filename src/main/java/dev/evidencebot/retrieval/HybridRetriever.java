package dev.evidencebot.retrieval;

import dev.evidencebot.corpus.Passage;
import dev.evidencebot.evidence.GradedArticle;
import dev.evidencebot.evidence.GradedCorpus;
import dev.evidencebot.index.Embedder;
import dev.evidencebot.index.IndexFields;
import dev.evidencebot.index.IndexHit;
import dev.evidencebot.index.IndexProgress;
import dev.evidencebot.index.PassageSearcher;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.similarities.BM25Similarity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * BM25 and vector search over the passage index, fused by reciprocal rank. Lucene gives ids and
 * scores; passages, their articles and their neighbours come from the graded corpus in memory.
 * Thread-safe: the index searches concurrently and nothing here changes after construction.
 */
public final class HybridRetriever implements Retriever {

    /**
     * The knobs, chosen on SciFact train with BeirBenchmark --sweep (BGE index, 809 queries):
     * <ul>
     *   <li>k1 1.2, b 0.75 (Lucene's defaults) gave the best BM25 alone, 0.7024 nDCG@10, over
     *       k1 0.9 and b 0.4 / 1.0 (0.6999-0.7015).</li>
     *   <li>Result with these defaults: hybrid 0.7543, BM25 0.7058, BGE vectors 0.7387.</li>
     *   <li>RRF k 20 beat 60 in every grid cell (+0.004 to +0.008 hybrid nDCG@10): with only two
     *       rankings, agreement near the top should count more than the paper's k flattens it.</li>
     *   <li>Equal weights: vector weight 1.5 added at most 0.003 with BGE but cost 0.02 with
     *       MiniLM, so the weight does not follow the model.</li>
     *   <li>Title boost 0.3: BM25 alone 0.7058 at 0.3 against 0.7024 at 0 and 0.6977 at 0.5
     *       (SciFact documents already repeat the title in their text; a product passage is one
     *       sentence, and the title is the only place its article's subject is named). Section 0.3
     *       for the same reason; SciFact has no sections to measure it on.</li>
     *   <li>Depth 50 per side: the product's answer reads the top few; the bench uses 100 so
     *       Recall@100 of each side is defined.</li>
     * </ul>
     *
     * @param depth         candidates taken from each side before fusion
     * @param rrfK          RRF's k
     * @param lexicalWeight RRF weight of the BM25 ranking
     * @param vectorWeight  RRF weight of the vector ranking
     * @param k1            BM25 term-frequency saturation
     * @param b             BM25 length normalisation
     * @param fieldBoosts   field -> BM25 boost; a field left out is not searched
     */
    public record Settings(int depth, int rrfK, double lexicalWeight, double vectorWeight,
                           float k1, float b, Map<String, Float> fieldBoosts) {

        public static final Settings DEFAULTS = new Settings(50, 20, 1.0, 1.0,
                1.2f, 0.75f, orderedBoosts(1.0f, 0.3f, 0.3f));

        public Settings {
            if (depth < 1) {
                throw new IllegalArgumentException("candidate depth must be >= 1, got " + depth);
            }
            fieldBoosts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fieldBoosts));
        }

        public Settings withDepth(int newDepth) {
            return new Settings(newDepth, rrfK, lexicalWeight, vectorWeight, k1, b, fieldBoosts);
        }

        /** Boosts for text, title and section, in that (deterministic) order. */
        public static Map<String, Float> orderedBoosts(float text, float title, float section) {
            Map<String, Float> boosts = new LinkedHashMap<>();
            boosts.put(IndexFields.TEXT, text);
            boosts.put(IndexFields.TITLE, title);
            boosts.put(IndexFields.SECTION, section);
            return boosts;
        }
    }

    /** Where a passage lives in the corpus: its article and reading-order neighbours. */
    private record Located(Passage passage, GradedArticle article, List<Passage> context) {
    }

    private final PassageSearcher index;
    private final Embedder embedder;
    private final Settings settings;
    private final Analyzer analyzer = IndexFields.analyzer();
    private final BM25Similarity bm25;
    private final Map<String, Located> passages;
    /** Abstracts embedded per call when their whole-document vectors are made. */
    private static final int ARTICLE_BATCH = 256;

    /** Article id -> the article's own vector (see {@link #articleVectors}). */
    private final Map<String, float[]> articleVectors;

    public HybridRetriever(PassageSearcher index, GradedCorpus corpus) {
        this(index, corpus, Settings.DEFAULTS);
    }

    public HybridRetriever(PassageSearcher index, GradedCorpus corpus, Settings settings) {
        this(index, corpus, settings, IndexProgress.NONE);
    }

    /**
     * @param progress told how many primary sources' whole-abstract vectors are made: the one slow
     *                 step here (a long text each; cached on disk with the passages' vectors)
     */
    public HybridRetriever(PassageSearcher index, GradedCorpus corpus, Settings settings, IndexProgress progress) {
        this.index = index;
        this.embedder = index.embedder();
        this.settings = settings;
        this.bm25 = new BM25Similarity(settings.k1(), settings.b());
        this.passages = locate(corpus);
        this.articleVectors = articleVectors(corpus, index.vectors(), embedder, progress);
    }

    /**
     * Each article's own vector. A primary source (an abstract) is embedded whole, title and text, as
     * the study it is: it answers a question as a whole, and the model reads up to 512 tokens, a whole
     * abstract. Embedded once, through the embedder's cache. An article that cites studies gets the
     * mean of its sentences' vectors: it is too long to embed whole, and its sentences answer alone.
     */
    private static Map<String, float[]> articleVectors(GradedCorpus corpus, Map<String, float[]> passageVectors,
                                                       Embedder embedder, IndexProgress progress) {
        Map<String, float[]> vectors = new HashMap<>();
        List<String> primaryIds = new ArrayList<>();
        List<String> primaryTexts = new ArrayList<>();
        for (GradedArticle article : corpus.articles()) {
            if (article.article().primarySource()) {
                StringBuilder text = new StringBuilder(article.article().title() == null ? "" : article.article().title());
                for (Passage passage : article.article().passages()) {
                    text.append(text.length() == 0 ? "" : " ").append(passage.text());
                }
                primaryIds.add(article.article().id());
                primaryTexts.add(text.toString());
                continue;
            }
            float[] sum = null;
            for (Passage passage : article.article().passages()) {
                float[] vector = passageVectors.get(passage.id());
                if (vector == null) {
                    continue;
                }
                if (sum == null) {
                    sum = new float[vector.length];
                }
                for (int i = 0; i < vector.length; i++) {
                    sum[i] += vector[i];
                }
            }
            if (sum != null) {
                double norm = 0;
                for (float v : sum) {
                    norm += v * v;
                }
                norm = Math.sqrt(norm);
                for (int i = 0; i < sum.length && norm > 0; i++) {
                    sum[i] /= (float) norm;
                }
                vectors.put(article.article().id(), sum);
            }
        }
        for (int start = 0; start < primaryTexts.size(); start += ARTICLE_BATCH) {
            int end = Math.min(primaryTexts.size(), start + ARTICLE_BATCH);
            List<float[]> embedded = embedder.embedPassages(primaryTexts.subList(start, end));
            for (int i = start; i < end; i++) {
                vectors.put(primaryIds.get(i), embedded.get(i - start));
            }
            progress.advanced(end, primaryTexts.size());
        }
        return vectors;
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    @Override
    public List<RetrievedPassage> retrieve(String query, int limit) {
        float[] queryVector = embedder.embedQuery(query);
        Query lexicalQuery = LexicalQuery.of(query, analyzer, settings.fieldBoosts());
        List<IndexHit> lexical = lexicalQuery == null
                ? List.of()
                : index.search(lexicalQuery, settings.depth(), bm25);
        List<IndexHit> vector = index.search(
                new KnnFloatVectorQuery(IndexFields.VECTOR, queryVector, settings.depth()), settings.depth(), null);

        Map<String, IndexHit> lexicalById = byId(lexical);
        Map<String, IndexHit> vectorById = byId(vector);
        List<ReciprocalRankFuser.Fused> fused = ReciprocalRankFuser.fuse(
                List.of(ids(lexical), ids(vector)),
                List.of(settings.lexicalWeight(), settings.vectorWeight()),
                settings.rrfK());

        List<RetrievedPassage> results = new ArrayList<>(Math.min(limit, fused.size()));
        for (ReciprocalRankFuser.Fused hit : fused) {
            if (results.size() == limit) {
                break;
            }
            Located located = passages.get(hit.id());
            if (located == null) {
                continue;  // indexed from a corpus that no longer holds it; never show a stranger
            }
            IndexHit fromLexical = lexicalById.get(hit.id());
            IndexHit fromVector = vectorById.get(hit.id());
            IndexHit any = fromLexical != null ? fromLexical : fromVector;
            float[] articleVector = articleVectors.get(located.article().article().id());
            double cosine = any.cosine(queryVector);
            results.add(new RetrievedPassage(
                    located.passage(),
                    located.article(),
                    hit.score(),
                    fromLexical == null ? 0 : fromLexical.rank(),
                    fromLexical == null ? 0 : fromLexical.score(),
                    fromVector == null ? 0 : fromVector.rank(),
                    cosine,
                    located.context(),
                    articleVector == null ? cosine : dot(articleVector, queryVector)));
        }
        return results;
    }

    private static Map<String, IndexHit> byId(List<IndexHit> hits) {
        Map<String, IndexHit> byId = new HashMap<>();
        for (IndexHit hit : hits) {
            byId.putIfAbsent(hit.passageId(), hit);
        }
        return byId;
    }

    private static List<String> ids(List<IndexHit> hits) {
        List<String> ids = new ArrayList<>(hits.size());
        for (IndexHit hit : hits) {
            ids.add(hit.passageId());
        }
        return ids;
    }

    private static Map<String, Located> locate(GradedCorpus corpus) {
        Map<String, Located> located = new HashMap<>();
        for (GradedArticle article : corpus.articles()) {
            List<Passage> inOrder = new ArrayList<>(article.article().passages());
            inOrder.sort(java.util.Comparator.comparingInt(Passage::ordinal));
            for (int i = 0; i < inOrder.size(); i++) {
                Passage passage = inOrder.get(i);
                List<Passage> context = new ArrayList<>(2);
                if (i > 0 && inOrder.get(i - 1).paragraph() == passage.paragraph()) {
                    context.add(inOrder.get(i - 1));
                }
                if (i + 1 < inOrder.size() && inOrder.get(i + 1).paragraph() == passage.paragraph()) {
                    context.add(inOrder.get(i + 1));
                }
                located.put(passage.id(), new Located(passage, article, List.copyOf(context)));
            }
        }
        return located;
    }
}
