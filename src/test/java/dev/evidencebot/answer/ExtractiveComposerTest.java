package dev.evidencebot.answer;

import dev.evidencebot.corpus.Article;
import dev.evidencebot.corpus.Passage;
import dev.evidencebot.corpus.Reference;
import dev.evidencebot.evidence.GradedArticle;
import dev.evidencebot.evidence.Grading;
import dev.evidencebot.retrieval.RetrievedPassage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExtractiveComposerTest {

    private final Source caffeine = source("caffeine", "Caffeine and Sleep", "Caffeine lengthened sleep onset latency.", 1);
    private final Source melatonin = source("melatonin", "Melatonin for Sleep", "Melatonin shortened sleep onset latency.", 2);

    @Test
    void sourcesFromSeveralArticlesAreGroupedUnderTheArticleThatSaysThem() {
        // given
        List<Source> sources = List.of(caffeine, melatonin);
        GroundedSentences grounded = new GroundedSentences(sources, AnswerTexts.withoutFindings(), piece -> { });

        // when
        new ExtractiveComposer().compose(new Composition("q", sources, List.of(), false, "", false), grounded);

        // then
        assertEquals("According to “Caffeine and Sleep”: Caffeine lengthened sleep onset latency. [1]\n\n"
                + "According to “Melatonin for Sleep”: Melatonin shortened sleep onset latency. [2]", grounded.text());
    }

    @Test
    void oneArticlesSourcesAreQuotedWithoutNamingIt() {
        List<Source> sources = List.of(caffeine);
        GroundedSentences grounded = new GroundedSentences(sources, AnswerTexts.withoutFindings(), piece -> { });

        new ExtractiveComposer().compose(new Composition("q", sources, List.of(), false, "", false), grounded);

        assertEquals("Caffeine lengthened sleep onset latency. [1]", grounded.text());
    }

    @Test
    void aMarkerTheArticleKeptInItsTextIsShownOnce_asTheSystemsOwn() {
        // given articles without a reference list: their reader leaves "(1)" and "[2]" in the text
        Source round = source("zinc", "Zinc and Colds", "Zinc shortened colds by two days, says this end marker (1).", 1);
        Source square = source("vitamin-c", "Vitamin C", "Vitamin C [2] did not prevent colds.", 1);

        // when, then each sentence carries one marker, the system's, and the quote on the source card none
        assertEquals("Zinc shortened colds by two days, says this end marker. [1]", composed(round));
        assertEquals("Vitamin C did not prevent colds. [1]", composed(square));
        assertEquals("Zinc shortened colds by two days, says this end marker.", DefaultAnswerService.citation(1, round).passage());
    }

    private static String composed(Source source) {
        GroundedSentences grounded = new GroundedSentences(List.of(source), AnswerTexts.withoutFindings(), piece -> { });
        new ExtractiveComposer().compose(new Composition("q", List.of(source), List.of(), false, "", false), grounded);
        return grounded.text();
    }

    @Test
    void aSentenceThatNamesAnArticleItDoesNotCiteIsRemoved() {
        GroundedSentences grounded = new GroundedSentences(List.of(caffeine, melatonin), AnswerTexts.withoutFindings(), piece -> { });

        grounded.accept("According to “Melatonin for Sleep”: Caffeine lengthened sleep onset latency. [1]");

        assertEquals("", grounded.text());
        assertTrue(grounded.removed().get(0).startsWith("names an article it does not cite"));
    }

    @Test
    void theSourcesBlockNamesTheArticleOfEachSourceWhenThereAreSeveral() {
        List<String> written = new ArrayList<>();

        SourcesBlock.write(List.of(caffeine, melatonin), written::add);

        String block = String.join("", written);
        assertTrue(block.contains("[1] Study 1 (2013) — no citation: uncited (cited in “Caffeine and Sleep”)"), block);
        assertTrue(block.contains("[2] Study 2 (2013) — no citation: uncited (cited in “Melatonin for Sleep”)"), block);
    }

    private static Source source(String id, String title, String text, int number) {
        Passage passage = new Passage(id + "#0", id, 0, title, 0, 1, text, List.of(1));
        Reference reference = new Reference(1, "Study " + number, null, "Study " + number, null, 2013, null, null, List.of(), true);
        Article article = new Article(id, id + ".md", Article.Format.MARKDOWN, title, null, null, null, List.of(), List.of(passage),
                List.of(reference));
        GradedArticle graded = new GradedArticle(article, Map.of(), Map.of());
        return new Source(number, new RetrievedPassage(passage, graded, 1, 1, 1, 1, 0.9, List.of()), reference, Grading.uncited());
    }
}
