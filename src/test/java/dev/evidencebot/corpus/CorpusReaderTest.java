package dev.evidencebot.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad-file case: the problem names the file and line, and everything else still loads. */
class CorpusReaderTest {

    private static final String GOOD = "# Good\n\nSemax is a peptide. It is studied.\n";

    @TempDir
    Path directory;

    private Corpus readWithGoodNeighbour(String name, String content) throws IOException {
        Files.writeString(directory.resolve("good.md"), GOOD);
        Files.writeString(directory.resolve(name), content);
        return new CorpusReader().read(directory);
    }

    private static List<String> ids(Corpus corpus) {
        return corpus.articles().stream().map(Article::id).collect(Collectors.toList());
    }

    private static Problem onlyProblem(Corpus corpus) {
        assertEquals(1, corpus.problems().size(), corpus.problems().toString());
        return corpus.problems().get(0);
    }

    private static void assertProblem(Problem problem, String file, int line, String words) {
        assertEquals(file, problem.file());
        assertEquals(line, problem.line(), problem.message());
        assertTrue(problem.message().contains(words), problem.message());
    }

    @Test
    void reportsAnUnreadableFile() throws IOException {
        Files.writeString(directory.resolve("good.md"), GOOD);
        Files.createSymbolicLink(directory.resolve("gone.txt"), directory.resolve("missing-target.txt"));

        Corpus corpus = new CorpusReader().read(directory);

        assertProblem(onlyProblem(corpus), "gone.txt", 0, "cannot read file");
        assertEquals(List.of("Good"), corpus.articles().stream().map(Article::title).collect(Collectors.toList()));
    }

    @Test
    void reportsAnEmptyOrWhitespaceOnlyFile() throws IOException {
        Files.writeString(directory.resolve("blank.txt"), " \n\u00A0\n\t\n");

        Corpus corpus = readWithGoodNeighbour("empty.md", "");

        assertEquals(List.of(new Problem("blank.txt", 0, "file is empty"), new Problem("empty.md", 0, "file is empty")),
                corpus.problems());
        assertEquals(List.of("good"), ids(corpus));
    }

    @Test
    void reportsFrontMatterThatIsNeverClosedAndStillReadsTheBody() throws IOException {
        Corpus corpus = readWithGoodNeighbour("open.md", "---\ntitle: Open\n\nThe body is read anyway.\n");

        assertProblem(onlyProblem(corpus), "open.md", 1, "never closed");
        Article open = corpus.articles().stream().filter(a -> a.id().equals("open")).findFirst().orElseThrow();
        assertEquals("The body is read anyway.", open.passages().get(0).text());
        assertEquals(4, open.passages().get(0).line());
    }

    @Test
    void reportsInvalidYamlAtItsLine() throws IOException {
        Corpus corpus = readWithGoodNeighbour("bad-yaml.md",
                "---\ntitle: Fine\nauthor: [unclosed\ndate: 2024-01-01\n---\n\nBody text here.\n");

        Problem problem = onlyProblem(corpus);
        assertEquals("bad-yaml.md", problem.file());
        assertTrue(problem.line() >= 3 && problem.line() <= 5, "line of the broken flow sequence, got " + problem.line());
        assertTrue(problem.message().startsWith("front matter is not valid YAML"), problem.message());
        assertEquals(List.of("bad-yaml", "good"), ids(corpus));
    }

    @Test
    void reportsFrontMatterThatIsNotAMapping() throws IOException {
        Corpus corpus = readWithGoodNeighbour("list.md", "---\n- title\n- author\n---\n\nBody text here.\n");

        assertProblem(onlyProblem(corpus), "list.md", 2, "must be a mapping");
        assertEquals(2, corpus.articles().size());
    }

    @Test
    void dropsAMarkerWithoutAReferenceButKeepsItsSentence() throws IOException {
        Corpus corpus = readWithGoodNeighbour("cites.md", String.join("\n", "# Cites", "", "First claim (1).",
                "Second claim (1, 7).", "", "## References", "", "1. Smith J, et al. “A study” Cell 2001.", ""));

        assertProblem(onlyProblem(corpus), "cites.md", 4, "citation marker 7 has no entry");
        Article cites = corpus.articles().get(0);
        assertEquals("Second claim.", cites.passages().get(1).text());
        assertEquals(List.of(1), cites.passages().get(1).markers());
    }

    @Test
    void reportsABrokenJsonLineAndKeepsTheOthers() throws IOException {
        Corpus corpus = readWithGoodNeighbour("docs.jsonl", String.join("\n",
                "{\"_id\": \"a\", \"text\": \"First document.\"}",
                "{\"_id\": \"b\", \"text\": \"Broken",
                "{\"_id\": \"c\", \"text\": \"Third document.\"}",
                "[\"not\", \"an object\"]"));

        assertEquals(List.of(2, 4), corpus.problems().stream().map(Problem::line).collect(Collectors.toList()));
        assertProblem(corpus.problems().get(0), "docs.jsonl", 2, "not valid JSON");
        assertProblem(corpus.problems().get(1), "docs.jsonl", 4, "JSON array");
        assertEquals(List.of("a", "c", "good"), ids(corpus));
    }

    @Test
    void reportsAJsonLineWithoutIdOrText() throws IOException {
        Corpus corpus = readWithGoodNeighbour("docs.jsonl", String.join("\n",
                "{\"title\": \"No id\", \"text\": \"Some text.\"}",
                "{\"_id\": \"b\", \"title\": \"No text\"}",
                "{\"_id\": \"c\", \"text\": \"Kept.\"}"));

        assertProblem(corpus.problems().get(0), "docs.jsonl", 1, "no \"id\" (or \"_id\")");
        assertProblem(corpus.problems().get(1), "docs.jsonl", 2, "no \"text\"");
        assertEquals(List.of("c", "good"), ids(corpus));
    }

    @Test
    void reportsBinaryAndNonUtf8Files() throws IOException {
        Files.write(directory.resolve("image.txt"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1});
        Files.write(directory.resolve("latin1.md"), "caf\u00e9 au lait.".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Files.writeString(directory.resolve("good.md"), GOOD);

        Corpus corpus = new CorpusReader().read(directory);

        assertEquals(List.of(new Problem("image.txt", 0, "binary or non-UTF-8 file; save it as UTF-8 text"),
                new Problem("latin1.md", 0, "binary or non-UTF-8 file; save it as UTF-8 text")), corpus.problems());
        assertEquals(List.of("good"), ids(corpus));
    }

    @Test
    void reportsAFileWithNoExtractablePassages() throws IOException {
        Corpus corpus = readWithGoodNeighbour("chrome.txt", "top of page\n\nBuy now\n\nbottom of page\n");

        assertProblem(onlyProblem(corpus), "chrome.txt", 0, "no extractable passages");
        assertEquals(List.of("chrome", "good"), ids(corpus));
    }

    @Test
    void reportsARepeatedReferenceNumberAtTheRepeat() throws IOException {
        Corpus corpus = readWithGoodNeighbour("repeat.txt", String.join("\n", "A Title", "", "Heading", "",
                "A claim is made here. (2)", "", "References", "", "  1. One A, et al. “First” Cell 2001.", "",
                "  2. Two B, et al. “Second” Cell 2002.", "", "  2. Three C, et al. “Third” Cell 2003.", ""));

        assertProblem(onlyProblem(corpus), "repeat.txt", 13, "reference number 2 repeats (first on line 11)");
        Article repeat = corpus.articles().get(1);
        assertEquals("Second", repeat.reference(2).title());
        assertEquals(2, repeat.references().size());
    }

    @Test
    void reportsUnsupportedTypesAndSkipsSidecarsAndHiddenFiles() throws IOException {
        Files.writeString(directory.resolve("semax.evidence.json"), "{}");
        Files.writeString(directory.resolve(".draft.md"), "hidden");
        Files.createDirectories(directory.resolve(".git"));
        Files.writeString(directory.resolve(".git/notes.txt"), "hidden");
        Files.writeString(directory.resolve("notes.docx"), "x");
        Files.writeString(directory.resolve("README"), "x");

        Corpus corpus = readWithGoodNeighbour("also-good.txt", "Title Here\n\nA sentence stands here.\n");

        assertEquals(List.of(new Problem("README", 0, "file has no extension; expected .txt, .md, .jsonl, .html, .nbib or .xml"),
                new Problem("notes.docx", 0, "unsupported file type .docx; expected .txt, .md, .jsonl, .html, .nbib or .xml")), corpus.problems());
        assertEquals(List.of("also-good", "good"), ids(corpus));
    }

    @Test
    void readsSubdirectoriesInPathOrderWithRelativeNames() throws IOException {
        Files.createDirectories(directory.resolve("b"));
        Files.createDirectories(directory.resolve("a"));
        Files.writeString(directory.resolve("b/second.md"), GOOD);
        Files.writeString(directory.resolve("a/first.md"), GOOD);
        Files.writeString(directory.resolve("a/empty.md"), "");

        Corpus corpus = new CorpusReader().read(directory);

        assertEquals(List.of("a/first.md", "b/second.md"),
                corpus.articles().stream().map(Article::source).collect(Collectors.toList()));
        assertEquals("a/empty.md", onlyProblem(corpus).file());
    }

    @Test
    void reportsADuplicateArticleIdOnce() throws IOException {
        Files.createDirectories(directory.resolve("copy"));
        Files.writeString(directory.resolve("copy/good.txt"), "Title\n\nA sentence stands here.\n");

        Corpus corpus = readWithGoodNeighbour("other.md", GOOD);

        assertProblem(onlyProblem(corpus), "good.md", 0, "already used by copy/good.txt");
        assertEquals(List.of("good", "other"), ids(corpus));
    }

    @Test
    void refusesADirectoryThatDoesNotExist() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new CorpusReader().read(directory.resolve("nowhere")));
        assertTrue(error.getMessage().contains("nowhere"), error.getMessage());
    }
}
