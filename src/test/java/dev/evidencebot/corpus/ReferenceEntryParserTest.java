package dev.evidencebot.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceEntryParserTest {

    @Test
    void readsStraightQuotesAndALabelledDoi() {
        Reference reference = ReferenceEntryParser.parse(4,
                "Smith J, Doe A. \"Peptides in 2010 and after.\" J Neurosci. 2015;35(2):1-9. doi: 10.1523/JNEUROSCI.1-15.2015.");

        assertEquals("Smith J, Doe A.", reference.authors());
        assertEquals("Peptides in 2010 and after", reference.title());
        assertEquals("J Neurosci", reference.source());
        assertEquals(2015, reference.year(), "the year outside the title wins");
        assertEquals("10.1523/JNEUROSCI.1-15.2015", reference.doi());
        assertNull(reference.pmid());
        assertFalse(reference.citedInText());
    }

    @Test
    void readsAVancouverEntryWithoutQuotes() {
        Reference reference = ReferenceEntryParser.parse(1,
                "Kim H. Does creatine help memory? Nutrients. 2021 Mar;13(3):1-12. PMID: 33800439");

        assertEquals("Kim H.", reference.authors());
        assertEquals("Does creatine help memory?", reference.title());
        assertEquals("Nutrients", reference.source());
        assertEquals(2021, reference.year());
        assertEquals("33800439", reference.pmid());
    }

    @Test
    void takesIdentifiersFromLinksAndIgnoresYearsInsideThem() {
        Reference reference = ReferenceEntryParser.parse(2,
                "Roe B. “A title” Some Journal 1999, 10-20. https://www.ncbi.nlm.nih.gov/pubmed/12345678 "
                        + "https://doi.org/10.1000/j.x.2020.001).");

        assertEquals(1999, reference.year());
        assertEquals("12345678", reference.pmid());
        assertEquals("10.1000/j.x.2020.001", reference.doi());
        assertEquals(List.of("https://www.ncbi.nlm.nih.gov/pubmed/12345678", "https://doi.org/10.1000/j.x.2020.001"),
                reference.urls());
    }
}
