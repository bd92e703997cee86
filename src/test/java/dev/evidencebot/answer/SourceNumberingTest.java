package dev.evidencebot.answer;

import dev.evidencebot.evidence.GradedArticle;
import dev.evidencebot.evidence.Grading;
import dev.evidencebot.retrieval.RetrievedPassage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.evidencebot.answer.PrimarySourceFixture.AIM;
import static dev.evidencebot.answer.PrimarySourceFixture.CONCLUSION;
import static dev.evidencebot.answer.PrimarySourceFixture.METHOD;
import static dev.evidencebot.answer.PrimarySourceFixture.RCT;
import static dev.evidencebot.answer.PrimarySourceFixture.RESULT;
import static dev.evidencebot.answer.PrimarySourceFixture.retrieved;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourceNumberingTest {

    private final GradedArticle graded = PrimarySourceFixture.abstractGraded(RCT);

    @Test
    void aFindingOfAPrimarySourceCitesTheDocumentWithItsOwnGrading() {
        // given
        RetrievedPassage finding = retrieved(graded, RESULT, 1);

        // when
        List<Source> sources = SourceNumbering.number(List.of(finding), List.of(finding));

        // then
        assertEquals(1, sources.size());
        Source source = sources.get(0);
        assertTrue(source.primary());
        assertEquals(RCT, source.grading());
        assertEquals(PrimarySourceFixture.TITLE, source.reference().title());
        assertEquals(2013, source.reference().year());
        assertEquals(PrimarySourceFixture.PMID, source.reference().pmid());
        assertEquals("https://pubmed.ncbi.nlm.nih.gov/24235903/", source.reference().url());
    }

    @Test
    void anAimThatMatchedIsReplacedByTheBestRankedFindingsOfTheSameDocument() {
        // given the gate kept the aim; retrieval also found the conclusion (rank 3) but not the result
        RetrievedPassage aim = retrieved(graded, AIM, 1);
        List<RetrievedPassage> ranked = List.of(aim, retrieved(graded, METHOD, 2), retrieved(graded, CONCLUSION, 3));

        // when
        List<Source> sources = SourceNumbering.number(List.of(aim), ranked);

        // then
        assertEquals(List.of(CONCLUSION.id()), sources.stream().map(source -> source.retrieved().passage().id()).toList());
    }

    @Test
    void withNoFindingRetrievedTheDocumentsLastFindingsStandIn() {
        RetrievedPassage aim = retrieved(graded, AIM, 1);

        List<Source> sources = SourceNumbering.number(List.of(aim), List.of(aim));

        assertEquals(List.of(RESULT.id(), CONCLUSION.id()), sources.stream().map(source -> source.retrieved().passage().id()).toList());
        assertEquals(RESULT.text(), sources.get(0).passageText());
    }

    @Test
    void aDocumentTheGraderHasNotGradedYetIsShownUngradedNotGuessed() {
        GradedArticle ungraded = PrimarySourceFixture.abstractGraded(null);

        List<Source> sources = SourceNumbering.number(List.of(retrieved(ungraded, RESULT, 1)), List.of());

        assertEquals(Grading.uncited(), sources.get(0).grading());
        assertEquals(PrimarySourceFixture.PMID, sources.get(0).reference().pmid());
    }
}
