package dev.evidencebot.answer;

import dev.evidencebot.evidence.Grading;

/**
 * One numbered source of an answer: the claim passage as the article states it, the reference it
 * cites (null when the passage cites none) and the grading of that citation.
 */
public record Citation(
        int marker,
        ArticleRef article,
        String passage,
        ReferenceRef reference,
        Grading evidence) {

    /** The article a passage comes from. */
    public record ArticleRef(String id, String title, String url) {
    }

    /** The reference as a reader needs it: enough to recognise and follow it. */
    public record ReferenceRef(int number, String text, String title, Integer year, String url, String pmid, String doi) {
    }
}
