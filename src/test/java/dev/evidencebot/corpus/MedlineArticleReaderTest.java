package dev.evidencebot.corpus;

import dev.evidencebot.corpus.Passage.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.evidencebot.corpus.PubmedFixtures.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MEDLINE exports (.nbib, and .txt that starts with PMID-) become primary sources, one a record. */
class MedlineArticleReaderTest {

    @TempDir
    Path directory;

    @Test
    void eachRecord_isAPrimarySource_withItsPubmedFields() throws IOException {
        // when
        Corpus corpus = PubmedFixtures.read(directory, "records.nbib");
        // then
        assertEquals(List.of("9930001", "9930002", "9930003", "9930004", "9930005"),
                corpus.articles().stream().map(Article::id).toList());
        Article rct = article(corpus, "9930001");
        assertEquals(Article.Format.PUBMED, rct.format());
        assertTrue(rct.primarySource());
        assertEquals("records.nbib", rct.source());
        assertEquals("Quillfeather M, Osterlund P", rct.author());
        assertEquals("https://pubmed.ncbi.nlm.nih.gov/9930001/", rct.url());
        assertEquals(2021, rct.year());
        assertEquals(new StudyRecord(List.of("Journal Article", "Randomized Controlled Trial"),
                List.of("Aged", "Humans", "Magnesium", "Muscle Cramp"), 2021, "Journal of Fictional Geriatrics",
                "9930001", "10.9999/jfg.2021.0001"), rct.record());
        assertEquals("10.9999/fsr.2020.14", article(corpus, "9930002").record().doi(), "LID [doi] counts too");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            9930001 | Quillfeather M, Osterlund P | Journal of Fictional Geriatrics | 2021 | 10.9999/jfg.2021.0001
            9930002 | Brindlecombe T              | Fictional Sleep Reviews         | 2020 | 10.9999/fsr.2020.14
            9930003 | Vantongeren L               | Fictional Case Journal          | 2019 | 10.9999/fcj.2019.3
            9930004 | Hollowmere D, Ashgrove I    | Fictional Animal Research       | 2018 | 10.9999/far.2018.44
            9930005 | Pemberthy C                 | Fictional Sports Medicine       | 2022 | 10.9999/fsm.2022.7
            """)
    void everyRecord_givesItsPmidAuthorsJournalYearAndDoi(String pmid, String authors, String journal, int year,
                                                           String doi) throws IOException {
        Article article = article(PubmedFixtures.read(directory, "records.nbib"), pmid);

        assertEquals(pmid, article.record().pmid());
        assertEquals(authors, article.author());
        assertEquals(journal, article.record().journal());
        assertEquals(year, article.year());
        assertEquals(doi, article.record().doi());
    }

    @Test
    void aTitleContinuedOnSixSpaceLines_isOneTitle() throws IOException {
        Article rct = article(PubmedFixtures.read(directory, "records.nbib"), "9930001");

        assertEquals("Oral magnesium glycinate and nocturnal leg cramps in adults over sixty-five.", rct.title());
        assertEquals(rct.title(), rct.sections().get(0).heading());
    }

    @Test
    void structuredAbstractLabels_areStripped_andOnlyFindingsAreCitable() throws IOException {
        Article rct = article(PubmedFixtures.read(directory, "records.nbib"), "9930001");

        assertEquals(List.of("Nocturnal leg cramps are common in older adults.",
                        "To test whether oral magnesium glycinate reduces cramp frequency.",
                        "Adults aged 65 years or older took magnesium glycinate or an identical-looking tablet for eight weeks.",
                        "Cramps fell by 2.1 episodes per week with magnesium and by 0.8 with the look-alike tablet (p = 0.01).",
                        "Magnesium glycinate reduced nocturnal leg cramps."),
                rct.passages().stream().map(Passage::text).toList());
        assertEquals(List.of(Role.BACKGROUND, Role.AIM, Role.METHOD, Role.FINDING, Role.FINDING),
                rct.passages().stream().map(Passage::role).toList());
        assertEquals(List.of(false, false, false, true, true), rct.passages().stream().map(Passage::citable).toList());
        assertEquals(8, rct.passages().get(0).line(), "passages name the AB line");
    }

    @Test
    void brokenRecords_areProblems_andTheOthersStillLoad() throws IOException {
        Corpus corpus = PubmedFixtures.read(directory, "records.nbib");

        assertEquals(5, corpus.articles().size());
        assertEquals(List.of(
                        new Problem("records.nbib", 94, "PubMed record has no PMID (title \"A record that lost its PMID.\");"
                                + " record skipped"),
                        new Problem("records.nbib", 97, "PubMed record 9930006 has neither a title nor an abstract;"
                                + " record skipped")),
                corpus.problems());
    }

    @Test
    void aTxtFileStartingWithPmid_isReadAsMedline_andAnOrdinaryTxtStaysAWebPage() throws IOException {
        // given a MEDLINE export saved as .txt beside an ordinary web-page export
        Files.writeString(directory.resolve("page.txt"), "Walking and the Heart\n\nMar 3, 2024\n\n"
                + "Daily walking lowers resting heart rate in most adults.\n");
        // when
        Corpus corpus = PubmedFixtures.read(directory, "saved-from-pubmed.txt");
        // then
        assertEquals(List.of(), corpus.problems());
        Article medline = article(corpus, "9930301");
        assertEquals(Article.Format.PUBMED, medline.format());
        assertEquals("Saved from PubMed as text.", medline.title());
        Article page = article(corpus, "page");
        assertEquals(Article.Format.WEB_PAGE_TEXT, page.format());
        assertFalse(page.primarySource());
    }

    @Test
    void aFileWithNoMedlineFieldAtAll_isOneProblem_andTheOtherFilesStillLoad() throws IOException {
        // given a search page saved under the export's name beside a good export
        Files.writeString(directory.resolve("search.nbib"), "\n<!doctype html>\n<html><body>\n<p>PubMed search results</p>\n"
                + "</body></html>\n");
        // when
        Corpus corpus = PubmedFixtures.read(directory, "saved-from-pubmed.txt");
        // then
        assertEquals(List.of(new Problem("search.nbib", 2, "no MEDLINE field (\"TAG - value\") in the file; not a PubMed"
                + " MEDLINE export; file skipped")), corpus.problems());
        assertEquals(List.of("9930301"), corpus.articles().stream().map(Article::id).toList());
    }

    @Test
    void aLineThatIsNeitherFieldNorContinuation_isReported_andTheRecordStillLoads() throws IOException {
        Files.writeString(directory.resolve("odd.nbib"), "PMID- 9930401\nTI  - Stray lines in an export.\n"
                + "this line lost its tag\nAB  - Sauna bathing was followed by lower blood pressure.\n");

        Corpus corpus = new CorpusReader().read(directory);

        assertEquals(List.of("9930401"), corpus.articles().stream().map(Article::id).toList());
        assertEquals(List.of(new Problem("odd.nbib", 3, "line is neither a MEDLINE field (\"TAG - value\") nor a"
                + " continuation (six spaces); line skipped")), corpus.problems());
    }
}
