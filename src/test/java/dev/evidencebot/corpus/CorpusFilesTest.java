package dev.evidencebot.corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A corpus read again and again, as the server re-reads it on every change. */
class CorpusFilesTest {

    private static final String COFFEE = "# Coffee\n\nCaffeine delayed sleep onset in adults [1].\n\n## References\n\n"
            + "1. Doe J. Caffeine and sleep: a randomized trial. J Sleep. 2020.\n";
    private static final String TEA = "# Tea\n\nGreen tea is brewed from leaves. It contains theanine.\n";

    @TempDir
    Path directory;

    @Test
    void onlyTheFilesThatChangedAreParsedAgain() throws IOException {
        // given: two files read once
        Files.writeString(directory.resolve("coffee.md"), COFFEE);
        Files.writeString(directory.resolve("tea.md"), TEA);
        CorpusFiles files = new CorpusFiles();
        files.read(directory);
        assertEquals(2, files.parsedLastTime());

        // when: nothing changes, then one file changes
        files.read(directory);
        int unchanged = files.parsedLastTime();
        write("tea.md", TEA.replace("theanine", "caffeine and theanine"));
        Corpus corpus = files.read(directory);

        // then
        assertEquals(0, unchanged);
        assertEquals(1, files.parsedLastTime());
        assertTrue(passages(corpus).contains("It contains caffeine and theanine."), passages(corpus).toString());
    }

    @Test
    void aFileThatNoLongerParsesKeepsItsLastGoodVersionAndSaysSo() throws IOException {
        // given
        Files.writeString(directory.resolve("coffee.md"), COFFEE);
        Files.writeString(directory.resolve("tea.md"), TEA);
        CorpusFiles files = new CorpusFiles();
        files.read(directory);

        // when: an editor has truncated the file (the first of its writes)
        write("coffee.md", "");
        Corpus corpus = files.read(directory);

        // then: the coffee article still serves, and the problem names the file and the reason
        assertEquals(List.of("coffee", "tea"), ids(corpus));
        assertTrue(corpus.problems().stream().anyMatch(p -> p.file().equals("coffee.md") && p.message().contains("file is empty")),
                corpus.problems().toString());
        assertTrue(corpus.problems().stream().anyMatch(p -> p.file().equals("coffee.md")
                && p.message().contains("last good version")), corpus.problems().toString());

        // and when the save completes, the new version replaces it and the problems go
        write("coffee.md", COFFEE.replace("sleep onset", "sleep onset by 20 minutes"));
        Corpus fixed = files.read(directory);
        assertEquals(List.of(), fixed.problems());
        assertTrue(passages(fixed).stream().anyMatch(p -> p.contains("by 20 minutes")), passages(fixed).toString());
    }

    @Test
    void aFileThatNeverParsedIsAProblemAndServesNothing() throws IOException {
        Files.writeString(directory.resolve("tea.md"), TEA);
        Files.write(directory.resolve("broken.md"), new byte[]{0, 1, 2});

        Corpus corpus = new CorpusFiles().read(directory);

        assertEquals(List.of("tea"), ids(corpus));
        assertEquals("broken.md", corpus.problems().get(0).file());
    }

    @Test
    void aDeletedFileIsGoneAndAnAddedOneAppears() throws IOException {
        Files.writeString(directory.resolve("coffee.md"), COFFEE);
        CorpusFiles files = new CorpusFiles();
        files.read(directory);

        Files.delete(directory.resolve("coffee.md"));
        Files.writeString(directory.resolve("tea.md"), TEA);
        Corpus corpus = files.read(directory);

        assertEquals(List.of("tea"), ids(corpus));
    }

    @Test
    void anIdTakenByAnotherFileIsStillRefused() throws IOException {
        Files.createDirectories(directory.resolve("a"));
        Files.createDirectories(directory.resolve("b"));
        Files.writeString(directory.resolve("a/tea.md"), TEA);
        Files.writeString(directory.resolve("b/tea.md"), TEA);

        Corpus corpus = new CorpusFiles().read(directory);

        assertEquals(List.of("tea"), ids(corpus));
        assertTrue(corpus.problems().get(0).message().contains("already used by a/tea.md"), corpus.problems().toString());
    }

    /** Writes and moves the file's time on, so a change within the clock's resolution is still seen. */
    private void write(String name, String content) throws IOException {
        Path path = directory.resolve(name);
        FileTime before = Files.getLastModifiedTime(path);
        Files.writeString(path, content);
        Files.setLastModifiedTime(path, FileTime.from(before.toInstant().plusSeconds(1).isAfter(Instant.now())
                ? before.toInstant().plusSeconds(1) : Instant.now()));
    }

    private static List<String> ids(Corpus corpus) {
        return corpus.articles().stream().map(Article::id).toList();
    }

    private static List<String> passages(Corpus corpus) {
        return corpus.articles().stream().flatMap(a -> a.passages().stream()).map(Passage::text).toList();
    }
}
