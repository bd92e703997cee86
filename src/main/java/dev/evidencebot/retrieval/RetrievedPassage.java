package dev.evidencebot.retrieval;

import dev.evidencebot.corpus.Passage;
import dev.evidencebot.evidence.GradedArticle;

import java.util.List;

/**
 * One retrieval result with everything the answer layer needs.
 *
 * @param lexicalRank 1-based rank on the BM25 side, 0 when BM25 did not return it
 * @param vectorRank  1-based rank on the vector side, 0 when the vector search did not return it
 * @param similarity  cosine of query and passage vectors, computed for every result
 * @param context     neighbouring sentences of the same paragraph: shown, never cited
 */
public record RetrievedPassage(
        Passage passage,
        GradedArticle article,
        double fusedScore,
        int lexicalRank,
        double lexicalScore,
        int vectorRank,
        double similarity,
        List<Passage> context) {
}
