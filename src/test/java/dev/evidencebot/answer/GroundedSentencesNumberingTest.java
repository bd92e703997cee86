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
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GroundedSentencesNumberingTest {

    private final List<String> streamed = new ArrayList<>();
    private final GroundedSentences grounded = new GroundedSentences(sources(3), AnswerTexts.withoutFindings(), streamed::add);

    @Test
    void aSentenceCitingANumberThatWasNotGivenIsRemoved() {
        grounded.accept("Semax reduced anxiety in rats. [1]");
        grounded.accept("Semax is approved in Russia. [7]");

        assertEquals("Semax reduced anxiety in rats. [1]", grounded.text());
        assertEquals(1, grounded.cited().size());
        assertTrue(grounded.removed().get(0).contains("[7] was not given"));
    }

    @Test
    void aFindingWithoutAMarkerIsRemovedButTheSystemsOwnSentencesStay() {
        grounded.accept("Semax cures everything.");
        grounded.accept(AnswerTexts.NO_ADVICE);

        assertEquals(AnswerTexts.NO_ADVICE, grounded.text());
        assertFalse(grounded.grounded());
    }

    @Test
    void markersAreRenumberedInOrderOfFirstAppearance() {
        grounded.accept("First finding. [3]");
        grounded.accept("Second finding. [1][3]");
        grounded.accept("Third finding. [2, 1]");

        assertEquals("First finding. [1] Second finding. [2][1] Third finding. [3][2]", grounded.text());
        assertEquals(List.of(3, 1, 2), grounded.cited().stream().map(Source::number).toList());
        assertEquals(String.join("", streamed), grounded.text());
    }

    @Test
    void aComposersOwnEvidenceLineNeverSurvives() {
        grounded.accept("Semax reduced anxiety in rats. [1]");
        grounded.accept("Evidence level: high — many trials");

        assertEquals("Semax reduced anxiety in rats. [1]", grounded.text());
    }

    @Test
    void paragraphBreaksAreKeptOnlyBetweenSentences() {
        grounded.accept(GroundedSentences.PARAGRAPH);
        grounded.accept("One finding. [1]");
        grounded.accept(GroundedSentences.PARAGRAPH);
        grounded.accept("Two findings. [2]");

        assertEquals("One finding. [1]\n\nTwo findings. [2]", grounded.text());
    }

    static List<Source> sources(int count) {
        List<Passage> passages = new ArrayList<>();
        List<Reference> references = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            passages.add(new Passage("a#" + i, "a", i, "Section", 0, i, "Finding number " + i + " about Semax reducing anxiety in rats.", List.of(i)));
            references.add(new Reference(i, "Ref " + i, "Author", "Title " + i, "Journal", 2000 + i, null, null, List.of(), true));
        }
        Article article = new Article("a", "a.md", Article.Format.MARKDOWN, "Article", null, null, null, List.of(), passages, references);
        GradedArticle graded = new GradedArticle(article, Map.of(), Map.of());
        List<Source> sources = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            RetrievedPassage retrieved = new RetrievedPassage(passages.get(i - 1), graded, 1.0 / i, i, 1, i, 0.9, List.of());
            sources.add(new Source(i, retrieved, references.get(i - 1), Grading.uncited()));
        }
        return sources;
    }
}
