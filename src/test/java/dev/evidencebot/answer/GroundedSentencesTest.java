package dev.evidencebot.answer;

import dev.evidencebot.corpus.Article;
import dev.evidencebot.corpus.Passage;
import dev.evidencebot.corpus.Reference;
import dev.evidencebot.evidence.EvidenceLevel;
import dev.evidencebot.evidence.GradedArticle;
import dev.evidencebot.evidence.Grading;
import dev.evidencebot.evidence.StudyType;
import dev.evidencebot.retrieval.RetrievedPassage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GroundedSentencesTest {

    static final String ANXIETY = "In rats, Semax significantly reduced anxiety-driven behaviors in the elevated plus maze.";
    static final String BDNF = "Semax stimulates the release of dopamine and brain-derived neurotrophic factor.";

    private final List<String> seen = new ArrayList<>();
    private final GroundedSentences gate = new GroundedSentences(sources(), AnswerTexts.withoutFindings(), seen::add);

    @Test
    void aParaphraseOfItsCitedPassagePassesAndIsRenumbered() {
        // when
        gate.accept("Semax increased the release of dopamine and brain-derived neurotrophic factor [2].");

        // then
        assertEquals(List.of("Semax increased the release of dopamine and brain-derived neurotrophic factor [1]."), seen);
        assertTrue(gate.grounded());
    }

    @Test
    void aClaimItsCitedPassageDoesNotMakeIsRemovedThoughItsMarkerIsValid() {
        // when
        gate.accept("Semax cures cancer in every patient [1].");

        // then
        assertTrue(seen.isEmpty(), seen.toString());
        assertTrue(gate.removed().get(0).contains("terms are in the sources"), gate.removed().toString());
    }

    @Test
    void aTrueClaimCitingTheWrongSourceIsRemoved() {
        // when the anxiety finding cites the dopamine passage
        gate.accept("Semax reduced anxiety-driven behaviors in rats in the elevated plus maze [2].");

        // then
        assertTrue(seen.isEmpty(), seen.toString());
    }

    @Test
    void aMarkerNotGivenRemovesTheSentence() {
        gate.accept("Semax reduced anxiety-driven behaviors in rats [9].");
        assertTrue(seen.isEmpty());
    }

    @Test
    void evidenceLinesAndSourceListsOfAComposerNeverPass() {
        // when
        gate.accept("Evidence level: high");
        gate.accept("Sources: [1] A trial (2020)");
        gate.accept("[1] Semax reduced anxiety-driven behaviors in rats.");
        gate.accept("**References:**");

        // then
        assertTrue(seen.isEmpty(), seen.toString());
    }

    @Test
    void theSystemsOwnSentencesPassWithoutMarkers() {
        gate.accept(AnswerTexts.NO_ADVICE);
        assertEquals(List.of(AnswerTexts.NO_ADVICE), seen);
        assertFalse(gate.grounded());
    }

    @Test
    void theQuotedPassageItselfAlwaysPasses() {
        gate.accept(ANXIETY + " [1]");
        assertEquals(List.of(ANXIETY + " [1]"), seen);
    }

    static List<Source> sources() {
        Grading animal = new Grading(EvidenceLevel.PRECLINICAL, StudyType.ANIMAL, "rats", null, "rats", List.of());
        Passage anxiety = new Passage("a#0", "a", 0, "Anxiety", 0, 1, ANXIETY, List.of(1));
        Passage bdnf = new Passage("a#1", "a", 1, "Neurotransmitters", 1, 2, BDNF, List.of(2));
        Reference first = new Reference(1, "Rats and anxiety.", null, "Rats and anxiety", null, 2012, null, null, List.of(), true);
        Reference second = new Reference(2, "Semax and BDNF.", null, "Semax and BDNF", null, 2005, null, null, List.of(), true);
        Article article = new Article("a", "a.txt", Article.Format.MARKDOWN, "Semax", null, null, null, List.of(),
                List.of(anxiety, bdnf), List.of(first, second));
        GradedArticle graded = new GradedArticle(article, Map.of(1, animal, 2, animal),
                Map.of("a#0", Map.of(1, animal), "a#1", Map.of(2, animal)));
        return List.of(
                new Source(1, new RetrievedPassage(anxiety, graded, 1, 1, 1, 1, 0.9, List.of()), first, animal),
                new Source(2, new RetrievedPassage(bdnf, graded, 1, 2, 1, 2, 0.8, List.of()), second, animal));
    }
}
