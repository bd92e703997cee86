package dev.evidencebot.evidence;

import dev.evidencebot.corpus.Article;
import dev.evidencebot.corpus.Corpus;
import dev.evidencebot.corpus.PubmedFixtures;
import dev.evidencebot.corpus.StudyRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PubMed exports are graded by their Publication Types checked against MeSH and the abstract
 * (EVIDENCE-SCALE.md, "Primary sources"), the same in MEDLINE and XML; the rationale says which decided.
 * The fixtures' abstracts name no design, so what the indexers assigned is what decides.
 */
class PubmedGradingTest {

    @TempDir
    Path directory;

    private final EvidenceGrader grader = new EvidenceGrader();

    @ParameterizedTest(name = "{0} {1} -> {2} {3}")
    @CsvSource(delimiter = '|', textBlock = """
            records.nbib | 9930001 | RCT              | MODERATE    | PubMed publication type: "Randomized Controlled Trial"; MeSH: "Humans"
            records.nbib | 9930002 | META_ANALYSIS    | HIGH        | PubMed publication type: "Meta-Analysis"; MeSH: "Humans"
            records.nbib | 9930003 | CASE_REPORT      | VERY_LOW    | PubMed publication type: "Case Reports"; MeSH: "Humans"
            records.nbib | 9930004 | ANIMAL           | PRECLINICAL | PubMed publication type: "Randomized Controlled Trial"; MeSH: "Animals" without "Humans"
            records.nbib | 9930005 | NARRATIVE_REVIEW | OPINION     | PubMed publication type: "Review"; MeSH: "Humans"
            records.xml  | 9930101 | RCT              | MODERATE    | PubMed publication type: "Randomized Controlled Trial"; MeSH: "Humans"
            records.xml  | 9930102 | META_ANALYSIS    | HIGH        | PubMed publication type: "Meta-Analysis"; MeSH: "Humans"
            records.xml  | 9930103 | CASE_REPORT      | VERY_LOW    | PubMed publication type: "Case Reports"; MeSH: "Humans"
            records.xml  | 9930104 | ANIMAL           | PRECLINICAL | PubMed publication type: "Randomized Controlled Trial"; MeSH: "Animals" without "Humans"
            records.xml  | 9930105 | NARRATIVE_REVIEW | OPINION     | PubMed publication type: "Review"; MeSH: "Humans"
            """)
    void publicationTypesAndMesh_decideTheLevel_andTheRationaleSaysSo(String fixture, String pmid, StudyType type,
                                                                       EvidenceLevel level, String decidedBy)
            throws IOException {
        // given
        Corpus corpus = PubmedFixtures.read(directory, fixture);
        // when
        Grading own = grader.grade(PubmedFixtures.article(corpus, pmid)).own();
        // then
        assertEquals(type, own.studyType(), own.toString());
        assertEquals(level, own.level());
        assertTrue(own.rationale().contains(decidedBy), "rationale lacks " + decidedBy + ": " + own.rationale());
        assertEquals(List.of(), own.warnings(), "the abstract and the record agree");
    }

    @ParameterizedTest(name = "{0} {1} without its record -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            records.nbib | 9930001 | HUMAN_UNCONTROLLED
            records.nbib | 9930002 | NARRATIVE_REVIEW
            records.nbib | 9930003 | NARRATIVE_REVIEW
            records.xml  | 9930101 | HUMAN_UNCONTROLLED
            records.xml  | 9930102 | NARRATIVE_REVIEW
            records.xml  | 9930103 | NARRATIVE_REVIEW
            """)
    void theSameAbstractWithoutItsPublicationTypes_gradesOnlyOnWhatItStates(String fixture, String pmid,
                                                                           StudyType textAlone) throws IOException {
        // given the record's text with no publication types or MeSH headings
        Article article = PubmedFixtures.article(PubmedFixtures.read(directory, fixture), pmid);
        // when
        Grading own = grader.grade(withRecord(article, StudyRecord.NONE)).own();
        // then: never rounded up, so the publication type was what lifted it
        assertEquals(textAlone, own.studyType(), own.toString());
        assertFalse(own.rationale().contains("publication type"), own.rationale());
    }

    @ParameterizedTest
    @CsvSource({"records.nbib, 9930004", "records.xml, 9930104"})
    void aRandomizedTrialTaggedAnimalsWithoutHumans_isPreclinical_andWithoutThatMeshWouldBeAnRct(
            String fixture, String pmid) throws IOException {
        // given a rat study whose abstract never names the species
        Article article = PubmedFixtures.article(PubmedFixtures.read(directory, fixture), pmid);
        StudyRecord withoutMesh = new StudyRecord(article.record().publicationTypes(), List.of(), article.record().year());
        // when
        Grading own = grader.grade(article).own();
        Grading typeAlone = grader.grade(withRecord(article, withoutMesh)).own();
        // then
        assertEquals(StudyType.ANIMAL, own.studyType(), own.toString());
        assertEquals(EvidenceLevel.PRECLINICAL, own.level());
        assertTrue(own.rationale().contains("population beats design"), own.rationale());
        assertEquals(StudyType.RCT, typeAlone.studyType(), "MeSH Animals is what made it preclinical: " + typeAlone);
    }

    private static Article withRecord(Article article, StudyRecord record) {
        return new Article(article.id(), article.source(), article.format(), article.title(), article.author(),
                article.date(), article.url(), article.sections(), article.passages(), article.references(), record);
    }
}
