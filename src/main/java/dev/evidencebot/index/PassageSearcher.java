package dev.evidencebot.index;

import org.apache.lucene.search.Query;
import org.apache.lucene.search.similarities.Similarity;

import java.util.List;
import java.util.Map;

/**
 * What a retriever reads from the passage index: ranked hits with their vectors. A pinned searcher
 * ({@link PassageIndex#pin}) sees one commit for as long as it lives, so a question answered while
 * the index is updated sees the corpus it started with.
 */
public interface PassageSearcher {

    /**
     * Runs a query and returns its top hits with each passage's stored vector.
     *
     * @param similarity the scoring for this query (BM25 parameters); null keeps Lucene's default
     */
    List<IndexHit> search(Query query, int depth, Similarity similarity);

    /** Every passage's stored vector by passage id (no re-embedding). */
    Map<String, float[]> vectors();

    /** The model the stored vectors came from: queries must be embedded by it too. */
    Embedder embedder();
}
