package dev.evidencebot.evidence;

import dev.evidencebot.corpus.Article;
import dev.evidencebot.corpus.Passage;

import java.util.Map;

/**
 * An article with its evidence graded: each reference on its own, and each citation (a passage
 * and one reference it cites), which may be weaker than the reference when the claim says less.
 *
 * @param references reference number -> grading of the reference as a whole
 * @param citations  passage id -> (reference number -> grading of that citation)
 * @param own        the document's own grading when it is a primary source (its findings carry it), else null
 */
public record GradedArticle(
        Article article,
        Map<Integer, Grading> references,
        Map<String, Map<Integer, Grading>> citations,
        Grading own) implements java.io.Serializable {

    public GradedArticle {
        references = Map.copyOf(references);
        citations = Map.copyOf(citations);
    }

    /** An article that cites studies: graded through its references only. */
    public GradedArticle(Article article, Map<Integer, Grading> references, Map<String, Map<Integer, Grading>> citations) {
        this(article, references, citations, null);
    }

    /**
     * The grading of one citation; {@link Grading#uncited()} for a passage without markers, and
     * also for a marker whose reference does not exist (the loader reports that as a problem).
     */
    public Grading citation(Passage passage, int referenceNumber) {
        Map<Integer, Grading> byReference = citations.get(passage.id());
        if (byReference == null) {
            return Grading.uncited();
        }
        Grading grading = byReference.get(referenceNumber);
        return grading == null ? Grading.uncited() : grading;
    }
}
