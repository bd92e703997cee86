package dev.evidencebot.retrieval;

import dev.evidencebot.corpus.Passage;
import dev.evidencebot.evidence.GradedArticle;

import java.util.List;

/**
 * A passage a retriever found, with every signal that ranked it.
 *
 * @param fusedScore   the RRF score that ordered the results
 * @param lexicalRank  1-based BM25 rank, 0 when BM25 did not return it
 * @param lexicalScore BM25 score, 0 when BM25 did not return it
 * @param vectorRank   1-based vector-search rank, 0 when vector search did not return it
 * @param similarity   cosine of query and passage vectors, for every result (the answer layer's
 *                     abstention signal), even one only BM25 found
 * @param context      the sentences just before and after it in the same paragraph, in order:
 *                     shown to a reader, never cited
 * @param articleSimilarity cosine of the query and the passage's whole article (an abstract embedded
 *                     whole; an article's sentences averaged): an abstract answers as a whole
 */
public record RetrievedPassage(
        Passage passage,
        GradedArticle article,
        double fusedScore,
        int lexicalRank,
        double lexicalScore,
        int vectorRank,
        double similarity,
        List<Passage> context,
        double articleSimilarity) {

    public RetrievedPassage {
        context = List.copyOf(context);
    }

    /** A passage found without its article's vector (tests, a passage found again from a conversation). */
    public RetrievedPassage(Passage passage, GradedArticle article, double fusedScore, int lexicalRank, double lexicalScore,
                            int vectorRank, double similarity, List<Passage> context) {
        this(passage, article, fusedScore, lexicalRank, lexicalScore, vectorRank, similarity, context, similarity);
    }

    public boolean foundLexically() {
        return lexicalRank > 0;
    }

    public boolean foundByVector() {
        return vectorRank > 0;
    }

    /** The passage with its context, in reading order: what a reader or a model should see. */
    public String contextText() {
        StringBuilder text = new StringBuilder();
        for (Passage neighbour : context) {
            if (neighbour.ordinal() < passage.ordinal()) {
                text.append(neighbour.text()).append(' ');
            }
        }
        text.append(passage.text());
        for (Passage neighbour : context) {
            if (neighbour.ordinal() > passage.ordinal()) {
                text.append(' ').append(neighbour.text());
            }
        }
        return text.toString();
    }
}
