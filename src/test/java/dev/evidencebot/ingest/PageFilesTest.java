package dev.evidencebot.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** File names that are stable, safe and readable; writes that are whole or absent. */
class PageFilesTest {

    @TempDir
    Path corpus;

    @Test
    void aPageIsNamedForItsHostAndPath() {
        assertEquals("example.org/articles/caffeine-sleep.html", name("https://example.org/articles/caffeine-sleep"));
        assertEquals("example.org/articles/caffeine-sleep.html", name("https://EXAMPLE.org/articles/caffeine-sleep.html"));
        assertEquals("example.org/articles/caffeine-sleep.html", name("https://example.org/articles/caffeine-sleep.php"));
        assertEquals("example.org_8080/index.html", name("http://example.org:8080/"));
        assertEquals("example.org/blog/index.html", name("https://example.org/blog/"));
    }

    @Test
    void noNameClimbsOutOfTheCorpusOrHidesItself() {
        assertEquals("example.org/_/etc/passwd.html", name("https://example.org/../etc/passwd"));
        assertEquals("example.org/htaccess.html", name("https://example.org/.htaccess"));
        assertEquals("example.org/caf-au-lait.html", name("https://example.org/caf%C3%A9%20au%20lait"));
        assertEquals("example.org/a-b/c.html", name("https://example.org/a.b/c"), "a folder never looks like a file");
    }

    @Test
    void aQueryGetsAStableHashOfItsOwn() {
        String one = name("https://example.org/article?id=1");
        String two = name("https://example.org/article?id=2");

        assertTrue(one.startsWith("example.org/article-") && one.endsWith(".html"), one);
        assertNotEquals(one, two);
        assertEquals(one, name("https://example.org/article?id=1"));
    }

    @Test
    void writingReplacesThePageWholeAndDeletingTidiesEmptyFolders() throws Exception {
        PageFiles files = new PageFiles(corpus);

        files.write("example.org/a/b.html", "first");
        files.write("example.org/a/b.html", "second");

        assertEquals("second", files.read("example.org/a/b.html"));
        try (var listing = Files.list(corpus.resolve("example.org/a"))) {
            assertEquals(1, listing.count(), "no temporary file is left beside the page");
        }
        files.delete("example.org/a/b.html");
        assertFalse(Files.exists(corpus.resolve("example.org")));
        assertTrue(Files.isDirectory(corpus));
    }

    @Test
    void aNameFromAnEditedStateFileCannotReachOutside() {
        PageFiles files = new PageFiles(corpus);

        assertThrows(IllegalArgumentException.class, () -> files.delete("../outside.html"));
    }

    private static String name(String url) {
        return PageFiles.nameFor(URI.create(url), "html");
    }
}
