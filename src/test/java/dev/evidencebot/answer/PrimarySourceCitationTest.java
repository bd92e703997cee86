package dev.evidencebot.answer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evidencebot.evidence.GradedArticle;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.evidencebot.answer.PrimarySourceFixture.RCT;
import static dev.evidencebot.answer.PrimarySourceFixture.RESULT;
import static dev.evidencebot.answer.PrimarySourceFixture.retrieved;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a primary source reads in /api/ask's citations, in the sources block and in the evidence line. */
class PrimarySourceCitationTest {

    private final GradedArticle graded = PrimarySourceFixture.abstractGraded(RCT);
    private final Source source = SourceNumbering.number(List.of(retrieved(graded, RESULT, 1)), List.of()).get(0);

    @Test
    void theCitationsReferenceDescribesTheDocumentAndItsEvidenceIsTheDocumentsOwnGrading() {
        // when
        JsonNode citation = new ObjectMapper().valueToTree(DefaultAnswerService.citation(1, source));

        // then
        assertEquals(PrimarySourceFixture.TITLE, citation.at("/reference/title").asText());
        assertEquals(2013, citation.at("/reference/year").asInt());
        assertEquals("24235903", citation.at("/reference/pmid").asText());
        assertEquals("https://pubmed.ncbi.nlm.nih.gov/24235903/", citation.at("/reference/url").asText());
        assertEquals(PrimarySources.OWN_REFERENCE, citation.at("/reference/number").asInt());
        assertEquals("RCT", citation.at("/evidence/studyType").asText());
        assertEquals("MODERATE", citation.at("/evidence/level").asText());
        assertEquals("12 healthy adults", citation.at("/evidence/population").asText());
        assertEquals(RESULT.text(), citation.get("passage").asText());
        assertEquals(PrimarySourceFixture.TITLE, citation.at("/article/title").asText());
    }

    @Test
    void theSourcesLineReadsAsTheStudyItself() {
        List<String> written = new ArrayList<>();

        SourcesBlock.write(List.of(source), written::add);

        assertTrue(String.join("", written).contains("[1] " + PrimarySourceFixture.TITLE
                + " (2013) — randomized controlled trial, 12 healthy adults: moderate. https://pubmed.ncbi.nlm.nih.gov/24235903/"),
                String.join("", written));
    }

    @Test
    void theSummaryCountsItAsAStudyNotAsAnUncitedStatement() {
        EvidenceSummary summary = new EvidenceSummarizer().summarize(List.of(source));

        assertEquals(new EvidenceSummary(dev.evidencebot.evidence.EvidenceLevel.MODERATE,
                "one randomized controlled trial (12 healthy adults)"), summary);
    }

    @Test
    void anUngradedDocumentIsStillAStudyAndNothingIsSaidMissing() {
        Source ungraded = SourceNumbering.number(List.of(retrieved(PrimarySourceFixture.abstractGraded(null), RESULT, 1)), List.of()).get(0);

        EvidenceSummary summary = new EvidenceSummarizer().summarize(List.of(ungraded));

        assertEquals("one study not graded yet", summary.summary());
    }
}
