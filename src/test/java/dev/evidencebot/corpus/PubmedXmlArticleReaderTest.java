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

/** PubMed XML exports become primary sources, one a PubmedArticle; the parser never fetches an entity. */
class PubmedXmlArticleReaderTest {

    @TempDir
    Path directory;

    @Test
    void eachPubmedArticle_isAPrimarySource_withItsFields() throws IOException {
        // when
        Corpus corpus = PubmedFixtures.read(directory, "records.xml");
        // then
        assertEquals(List.of("9930101", "9930102", "9930103", "9930104", "9930105"),
                corpus.articles().stream().map(Article::id).toList());
        Article rct = article(corpus, "9930101");
        assertEquals(Article.Format.PUBMED, rct.format());
        assertTrue(rct.primarySource());
        assertEquals("Oral magnesium glycinate and nocturnal leg cramps in adults over sixty-five.", rct.title(),
                "inline markup keeps its words");
        assertEquals("Quillfeather M, Osterlund P", rct.author());
        assertEquals("https://pubmed.ncbi.nlm.nih.gov/9930101/", rct.url());
        assertEquals(new StudyRecord(List.of("Journal Article", "Randomized Controlled Trial"),
                List.of("Aged", "Humans", "Magnesium", "Muscle Cramp"), 2021, "Journal of Fictional Geriatrics", "9930101",
                "10.9999/jfg.2021.0101"), rct.record(), "the PMID of a comment is not the record's");
        assertEquals(2020, article(corpus, "9930102").year(), "MedlineDate gives its year");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            9930101 | Quillfeather M, Osterlund P | Journal of Fictional Geriatrics | 2021 | 10.9999/jfg.2021.0101
            9930102 | Brindlecombe T              | Fictional Sleep Reviews         | 2020 | 10.9999/fsr.2020.14
            9930103 | Vantongeren L               | Fictional Case Journal          | 2019 | 10.9999/fcj.2019.3
            9930104 | Hollowmere D, Ashgrove I    | Fictional Animal Research       | 2018 | 10.9999/far.2018.44
            9930105 | Pemberthy C                 | Fictional Sports Medicine       | 2022 | 10.9999/fsm.2022.7
            """)
    void everyRecord_givesItsPmidAuthorsJournalYearAndDoi(String pmid, String authors, String journal, int year,
                                                           String doi) throws IOException {
        Article article = article(PubmedFixtures.read(directory, "records.xml"), pmid);

        assertEquals(pmid, article.record().pmid());
        assertEquals(authors, article.author());
        assertEquals(journal, article.record().journal());
        assertEquals(year, article.year());
        assertEquals(doi, article.record().doi());
    }

    @Test
    void anOtherAbstract_isNotReadAsMoreFindings() throws IOException {
        Article review = article(PubmedFixtures.read(directory, "records.xml"), "9930105");

        assertEquals(List.of("Cold water immersion is widely used by athletes.",
                        "Evidence on recovery is mixed and depends on timing.",
                        "Cold water immersion may blunt strength gains from training."),
                review.passages().stream().map(Passage::text).toList());
    }

    @Test
    void labelAttributes_setTheRoles_andStayOutOfTheText() throws IOException {
        Article rct = article(PubmedFixtures.read(directory, "records.xml"), "9930101");

        assertEquals("Nocturnal leg cramps are common in older adults.", rct.passages().get(0).text());
        assertTrue(rct.passages().stream().noneMatch(p -> p.text().contains("RESULTS")), rct.passages().toString());
        assertEquals(List.of(Role.BACKGROUND, Role.AIM, Role.METHOD, Role.FINDING, Role.FINDING),
                rct.passages().stream().map(Passage::role).toList());
        assertEquals(List.of(false, false, false, true, true), rct.passages().stream().map(Passage::citable).toList());
    }

    @Test
    void aRecordWithoutPmid_isAProblem_andTheOthersStillLoad() throws IOException {
        Corpus corpus = PubmedFixtures.read(directory, "records.xml");

        assertEquals(5, corpus.articles().size());
        assertEquals(List.of(new Problem("records.xml", 147,
                "PubMed record has no PMID (title \"A record that lost its PMID.\"); record skipped")), corpus.problems());
    }

    @Test
    void malformedXml_isOneProblemNamingTheFileAndLine() throws IOException {
        Corpus corpus = PubmedFixtures.read(directory, "malformed.xml");

        assertEquals(List.of(), corpus.articles());
        assertEquals(1, corpus.problems().size(), corpus.problems().toString());
        Problem problem = corpus.problems().get(0);
        assertEquals("malformed.xml", problem.file());
        assertEquals(6, problem.line());
        assertTrue(problem.message().startsWith("malformed XML: "), problem.message());
    }

    @Test
    void aDoctypeWithAnExternalEntity_isRefused_andTheEntityIsNeverRead() throws IOException {
        // given a record whose title would pull in a local file through an external entity
        Path secret = Files.writeString(directory.resolve("secret.outside"), "SECRET-9930");
        Path corpusDirectory = Files.createDirectory(directory.resolve("corpus"));
        Files.writeString(corpusDirectory.resolve("xxe.xml"), "<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE PubmedArticleSet [<!ENTITY leak SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>9930501</PMID><Article>"
                + "<ArticleTitle>&leak;</ArticleTitle></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>\n");
        // when
        Corpus corpus = new CorpusReader().read(corpusDirectory);
        // then
        assertEquals(List.of(), corpus.articles());
        assertEquals(1, corpus.problems().size(), corpus.problems().toString());
        Problem problem = corpus.problems().get(0);
        assertEquals("xxe.xml", problem.file());
        assertEquals(2, problem.line());
        assertTrue(problem.message().startsWith("DOCTYPE declarations are refused"), problem.message());
        assertFalse(problem.message().contains("SECRET-9930"));
    }

    @Test
    void xmlThatIsNotAPubmedExport_isReported() throws IOException {
        Files.writeString(directory.resolve("feed.xml"), "<?xml version=\"1.0\"?>\n<rss><channel/></rss>\n");

        Corpus corpus = new CorpusReader().read(directory);

        assertEquals(List.of(new Problem("feed.xml", 2,
                "XML root is <rss>, expected <PubmedArticleSet> (a PubMed XML export); file skipped")), corpus.problems());
    }
}
