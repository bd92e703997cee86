package dev.evidencebot.answer;

import dev.evidencebot.corpus.Article;
import dev.evidencebot.corpus.PubmedFixtures;
import dev.evidencebot.corpus.Reference;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A PubMed record cited as itself: its reference states what the export said, not only what its id and address imply. */
class PrimarySourcesTest {

    @TempDir
    Path directory;

    @ParameterizedTest
    @CsvSource({"records.nbib, 9930001, 10.9999/jfg.2021.0001", "records.xml, 9930101, 10.9999/jfg.2021.0101"})
    void aPubmedRecordsReference_carriesItsJournalYearPmidAndDoi(String fixture, String pmid, String doi)
            throws IOException {
        // given
        Article article = PubmedFixtures.article(PubmedFixtures.read(directory, fixture), pmid);
        // when
        Reference reference = PrimarySources.reference(article);
        // then
        assertEquals("Journal of Fictional Geriatrics", reference.source());
        assertEquals(2021, reference.year());
        assertEquals(pmid, reference.pmid());
        assertEquals(doi, reference.doi());
        assertEquals("Quillfeather M, Osterlund P", reference.authors());
        assertEquals("https://pubmed.ncbi.nlm.nih.gov/" + pmid + "/", reference.url());
        assertEquals("Oral magnesium glycinate and nocturnal leg cramps in adults over sixty-five. Journal of Fictional"
                + " Geriatrics (2021). PMID: " + pmid + ". doi: " + doi, reference.text());
    }
}
