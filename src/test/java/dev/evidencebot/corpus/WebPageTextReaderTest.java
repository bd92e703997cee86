package dev.evidencebot.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Headings, captions and chrome told apart by structure, on text that shares no strings with the seed. */
class WebPageTextReaderTest {

    private static Article read(String... lines) {
        ProblemLog problems = new ProblemLog();
        SourceFile file = new SourceFile("page.txt", "page.txt", Arrays.asList(lines));
        Article article = new WebPageTextReader().read(file, problems).get(0);
        assertEquals(List.of(), problems.problems());
        return article;
    }

    private static List<String> texts(Article article) {
        return article.passages().stream().map(Passage::text).collect(Collectors.toList());
    }

    @Test
    void tellsHeadingsFromCaptionsAndChromeByTheirNeighbours() {
        Article article = read(
                "skip to content", "", "Creatine And The Aging Brain", "", "March 3, 2023 · 5 min read", "",
                "By Ada Lovelace", "",
                "Creatine Basics", "",
                "Creatine is stored in muscle and brain tissue. (1)", "",
                "Creatine stored in muscle and brain tissue", "",           // echoes the paragraph: caption
                "Parent Topic", "", "Cognition", "",                        // a parent heading over a subheading
                "Older adults improved on memory tasks. (2)", "",
                "Subscribe today", "", "Sources", "",
                "1. Avgerinos KI, et al. “Effects of creatine supplementation” Exp Gerontol 2018. PMID: 29704637", "",
                "2. Rae C, et al. “Oral creatine monohydrate” Proc Biol Sci 2003.", "",
                "share this post");

        assertEquals("Creatine And The Aging Brain", article.title());
        assertEquals("2023-03-03", article.date());
        assertEquals("Ada Lovelace", article.author());
        assertEquals(List.of("Creatine Basics", "Parent Topic", "Cognition"),
                article.sections().stream().map(Section::heading).collect(Collectors.toList()));
        assertEquals(List.of("Creatine is stored in muscle and brain tissue.", "Older adults improved on memory tasks."),
                texts(article));
        assertEquals(List.of(List.of(1), List.of(2)), article.passages().stream().map(Passage::markers).collect(Collectors.toList()));
        assertEquals(2, article.references().size());
        assertEquals("29704637", article.reference(1).pmid());
    }

    @Test
    void joinsAWrappedParagraphAndTracesEachSentenceToItsLine() {
        Article article = read(
                "Wrapped Page", "", "Findings", "",
                "The first sentence runs across",
                "two lines of the export. The second sentence",
                "starts on line six.");

        assertEquals(List.of("The first sentence runs across two lines of the export.",
                "The second sentence starts on line six."), texts(article));
        assertEquals(List.of(5, 6), article.passages().stream().map(Passage::line).collect(Collectors.toList()));
        assertEquals(List.of("Findings"), article.sections().stream().map(Section::heading).collect(Collectors.toList()));
    }

    @Test
    void takesTheFirstHeadingAsTitleWhenThePageHasNoHeader() {
        Article article = read("Only A Heading", "", "Then a paragraph of prose follows here.");

        assertEquals("Only A Heading", article.title());
        assertEquals("Only A Heading", article.passages().get(0).section());
        assertEquals(List.of(), article.passages().get(0).markers(), "no reference list: nothing is a marker");
    }

    @Test
    void keepsNumbersInParenthesesAsTextWithoutAReferenceList() {
        Article article = read("Title", "", "Heading", "", "Dosing was tested (3) times in 2019.");

        assertEquals(List.of("Dosing was tested (3) times in 2019."), texts(article));
    }
}
