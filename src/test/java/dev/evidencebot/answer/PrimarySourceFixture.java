package dev.evidencebot.answer;

import dev.evidencebot.corpus.Article;
import dev.evidencebot.corpus.Passage;
import dev.evidencebot.evidence.EvidenceLevel;
import dev.evidencebot.evidence.GradedArticle;
import dev.evidencebot.evidence.Grading;
import dev.evidencebot.evidence.StudyType;
import dev.evidencebot.retrieval.RetrievedPassage;

import java.util.List;
import java.util.Map;

/**
 * A PubMed abstract as a primary source: background, aim, method, two findings. Built by hand
 * with its own grading, as the grader will fill it.
 */
final class PrimarySourceFixture {

    static final String PMID = "24235903";
    static final String TITLE = "Caffeine effects on sleep taken 0, 3, or 6 hours before going to bed";
    static final Grading RCT = new Grading(EvidenceLevel.MODERATE, StudyType.RCT, "12 healthy adults", 12,
            "publication type: Randomized Controlled Trial; MeSH: Humans", List.of());

    static final Passage BACKGROUND = passage(0, "Sleep disturbance is common.", Passage.Role.BACKGROUND);
    static final Passage AIM = passage(1, "This study investigated the effects of caffeine on sleep when taken before bedtime.", Passage.Role.AIM);
    static final Passage METHOD = passage(2, "Twelve healthy adults took caffeine or placebo in a randomized order.", Passage.Role.METHOD);
    static final Passage RESULT = passage(3, "Caffeine taken 6 hours before bedtime reduced total sleep time by more than 1 hour.", Passage.Role.FINDING);
    static final Passage CONCLUSION = passage(4, "Caffeine should be avoided for at least 6 hours before bedtime.", Passage.Role.FINDING);

    private PrimarySourceFixture() {
    }

    static GradedArticle abstractGraded(Grading own) {
        Article article = new Article(PMID, "pubmed.jsonl", Article.Format.JSON_LINES, TITLE, null, "2013-11-15", null,
                List.of(), List.of(BACKGROUND, AIM, METHOD, RESULT, CONCLUSION), List.of());
        return new GradedArticle(article, Map.of(), Map.of(), own);
    }

    static RetrievedPassage retrieved(GradedArticle article, Passage passage, int rank) {
        return new RetrievedPassage(passage, article, 1.0 / rank, rank, 1, rank, 0.9, List.of());
    }

    private static Passage passage(int ordinal, String text, Passage.Role role) {
        return new Passage(PMID + "#" + ordinal, PMID, ordinal, TITLE, 0, 1, text, List.of(), role);
    }
}
