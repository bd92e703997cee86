package dev.evidencebot.index;

import org.apache.lucene.util.VectorUtil;

/**
 * One passage a Lucene query found.
 *
 * @param rank   1-based position in the query's result list
 * @param score  the query's own score (BM25, or Lucene's vector score)
 * @param vector the passage's stored unit vector, so callers can compute a cosine for any hit
 */
public record IndexHit(String passageId, int rank, float score, float[] vector) {

    /** Cosine with a unit query vector (both are unit length, so the dot product). */
    public double cosine(float[] unitQuery) {
        // Lucene's own dot product: the same arithmetic the vector search scored with, unrolled.
        return VectorUtil.dotProduct(vector, unitQuery);
    }
}
