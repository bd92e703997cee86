package dev.evidencebot.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownArticleReaderTest {

    private static final String ARTICLE = String.join("\n",
            "---",
            "title: Peptides and Memory",
            "author: Jane Roe, MD",
            "date: 2024-10-07",
            "url: https://example.org/peptides",
            "---",
            "",
            "# Peptides and Memory",
            "",
            "## What the trials show",
            "",
            "**Semax** improved *recall* in rats (3, 5). A second trial agreed [3].",
            "Effects lasted for weeks (3-5). See the [trial page](https://example.org/t) for `dose` data.",
            "",
            "![a brain](brain.png)",
            "",
            "### Caveats",
            "",
            "- Most work is preclinical, e.g. in rodents (4).",
            "- Human data are scarce.",
            "",
            "```",
            "not a claim (1).",
            "```",
            "",
            "## References",
            "",
            "1. Smith J, et al. \"First study.\" J Neurosci. 2010;1:1-2. PMID: 111",
            "2. Doe A, et al. “Second study” Brain Res 2011.",
            "3. Roe B, et al. “Third study” Nature 2012. doi: 10.1000/xyz.3",
            "4. Poe C, et al. “Fourth study”",
            "   Lancet 2013.",
            "5. Moe D, et al. “Fifth study” Cell 2014.",
            "");

    @TempDir
    Path directory;

    @Test
    void readsFrontMatterHeadingsMarkersAndReferences() throws IOException {
        // given
        Files.writeString(directory.resolve("peptides.md"), ARTICLE);
        // when
        Corpus corpus = new CorpusReader().read(directory);
        // then
        assertEquals(List.of(), corpus.problems());
        Article article = corpus.articles().get(0);
        assertEquals("peptides", article.id());
        assertEquals(Article.Format.MARKDOWN, article.format());
        assertEquals("Peptides and Memory", article.title());
        assertEquals("Jane Roe, MD", article.author());
        assertEquals("2024-10-07", article.date());
        assertEquals("https://example.org/peptides", article.url());
        assertEquals(List.of("What the trials show", "Caveats"),
                article.sections().stream().map(Section::heading).collect(Collectors.toList()));

        List<Passage> passages = article.passages();
        assertEquals(List.of("Semax improved recall in rats.", "A second trial agreed.", "Effects lasted for weeks.",
                        "See the trial page for dose data.", "Most work is preclinical, e.g. in rodents.",
                        "Human data are scarce."),
                passages.stream().map(Passage::text).collect(Collectors.toList()));
        assertEquals(List.of(List.of(3, 5), List.of(3), List.of(3, 4, 5), List.of(), List.of(4), List.of()),
                passages.stream().map(Passage::markers).collect(Collectors.toList()));
        assertEquals(List.of(12, 12, 13, 13, 19, 20), passages.stream().map(Passage::line).collect(Collectors.toList()));
        assertEquals(List.of(0, 0, 0, 0, 1, 2), passages.stream().map(Passage::paragraph).collect(Collectors.toList()));
        assertEquals("Caveats", passages.get(4).section());
    }

    @Test
    void parsesTheNumberedListUnderReferences() throws IOException {
        Files.writeString(directory.resolve("peptides.md"), ARTICLE);

        Article article = new CorpusReader().read(directory).articles().get(0);

        assertEquals(5, article.references().size());
        Reference first = article.reference(1);
        assertEquals("First study", first.title());
        assertEquals("Smith J, et al.", first.authors());
        assertEquals("J Neurosci", first.source());
        assertEquals(2010, first.year());
        assertEquals("111", first.pmid());
        assertFalse(first.citedInText());
        assertEquals("10.1000/xyz.3", article.reference(3).doi());
        assertEquals("Lancet", article.reference(4).source(), "an entry continues on the next line");
        assertTrue(article.references().stream().filter(r -> r.number() > 2).allMatch(Reference::citedInText));
    }

    @Test
    void takesTheTitleFromTheFirstHeadingWithoutFrontMatter() throws IOException {
        Files.writeString(directory.resolve("plain.markdown"), "# A Plain Title\n\nIt is plain text (1).\n\n## Sources\n\n1. Who? “What” Where 2001.\n");

        Article article = new CorpusReader().read(directory).articles().get(0);

        assertEquals("A Plain Title", article.title());
        assertEquals(List.of(1), article.passages().get(0).markers());
        assertEquals("A Plain Title", article.passages().get(0).section());
    }

    @Test
    void acceptsAnUnquotedColonInTheTitle_withAProblemSayingHowToQuoteIt() throws IOException {
        // given the way most authors write a title with a colon: invalid YAML as it stands
        Files.writeString(directory.resolve("caffeine.md"), String.join("\n",
                "---", "title: Caffeine: friend or foe", "author: A. Author", "date: 2024-03-03", "---", "",
                "Caffeine shortened sleep in a randomized trial (1).", "", "## References", "",
                "1. Drake C, et al. “Caffeine effects on sleep” J Clin Sleep Med 2013.", ""));
        // when
        Corpus corpus = new CorpusReader().read(directory);
        // then the title is the title, not the file name, and the other fields survive
        Article article = corpus.articles().get(0);
        assertEquals("Caffeine: friend or foe", article.title());
        assertEquals("A. Author", article.author());
        assertEquals("2024-03-03", article.date());
        Problem warning = corpus.problems().get(0);
        assertEquals(1, corpus.problems().size(), corpus.problems().toString());
        assertEquals("caffeine.md", warning.file());
        assertEquals(2, warning.line());
        assertTrue(warning.message().contains("read as \"Caffeine: friend or foe\""), warning.message());
        assertTrue(warning.message().contains("title: \"Caffeine: friend or foe\""), warning.message());
    }

    @Test
    void aFrontMatterBrokenInAnotherWayStillIgnoresItsMetadata() throws IOException {
        Files.writeString(directory.resolve("broken.md"), String.join("\n",
                "---", "title: Caffeine: friend or foe", "author: [unclosed", "---", "", "Caffeine is bitter.", ""));

        Corpus corpus = new CorpusReader().read(directory);

        assertEquals(1, corpus.problems().size(), corpus.problems().toString());
        assertTrue(corpus.problems().get(0).message().startsWith("front matter is not valid YAML"));
        assertEquals("broken", corpus.articles().get(0).title(), "no half-read metadata");
    }
}
