package dev.evidencebot.evidence;

import dev.evidencebot.corpus.Corpus;
import dev.evidencebot.corpus.PubmedFixtures;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PubMed exports are graded by their Publication Types checked against MeSH and the abstract
 * (EVIDENCE-SCALE.md, "Primary sources"), the same in MEDLINE and XML; the rationale says which decided.
 */
class PubmedGradingTest {

    @TempDir
    Path directory;

    private final EvidenceGrader grader = new EvidenceGrader();

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            records.nbib | 9930001 | RCT               | publication type: "Randomized Controlled Trial"
            records.nbib | 9930002 | META_ANALYSIS     | publication type: "Meta-Analysis"
            records.nbib | 9930003 | CASE_REPORT       | publication type: "Case Reports"
            records.nbib | 9930004 | ANIMAL            | MeSH: "Animals" without "Humans"
            records.nbib | 9930005 | NARRATIVE_REVIEW  | publication type: "Review"
            records.xml  | 9930101 | RCT               | publication type: "Randomized Controlled Trial"
            records.xml  | 9930102 | META_ANALYSIS     | publication type: "Meta-Analysis"
            records.xml  | 9930103 | CASE_REPORT       | publication type: "Case Reports"
            records.xml  | 9930104 | ANIMAL            | MeSH: "Animals" without "Humans"
            records.xml  | 9930105 | NARRATIVE_REVIEW  | publication type: "Review"
            """)
    void publicationTypesAndMesh_decideTheLevel(String fixture, String pmid, StudyType type, String decidedBy)
            throws IOException {
        // given
        Corpus corpus = PubmedFixtures.read(directory, fixture);
        // when
        Grading own = grader.grade(PubmedFixtures.article(corpus, pmid)).own();
        // then
        assertEquals(type, own.studyType(), own.toString());
        assertEquals(type.level(), own.level());
        assertTrue(own.rationale().contains(decidedBy), "rationale lacks " + decidedBy + ": " + own.rationale());
    }

    @ParameterizedTest
    @CsvSource({"records.nbib, 9930004", "records.xml, 9930104"})
    void aRatStudyTypedAsRandomizedControlledTrial_isPreclinical_andSaysSoFromPublicationTypeAndMesh(
            String fixture, String pmid) throws IOException {
        Grading own = grader.grade(PubmedFixtures.article(PubmedFixtures.read(directory, fixture), pmid)).own();

        assertEquals(EvidenceLevel.PRECLINICAL, own.level(), own.toString());
        assertTrue(own.rationale().contains("publication type: \"Randomized Controlled Trial\""), own.rationale());
        assertTrue(own.rationale().contains("MeSH: \"Animals\" without \"Humans\""), own.rationale());
    }
}
