package dev.evidencebot.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesArticleReaderTest {

    @TempDir
    Path directory;

    @Test
    void readsOneArticlePerLineWithIdOrBeirId() throws IOException {
        // given a BEIR-style corpus.jsonl with an extra metadata field and an optional url
        Files.writeString(directory.resolve("corpus.jsonl"), String.join("\n",
                "{\"_id\": \"doc1\", \"title\": \"Semax and BDNF\", \"text\": \"Semax raised BDNF (2). It was fast.\","
                        + " \"metadata\": {\"source\": \"x\"}}",
                "",
                "{\"id\": 42, \"title\": \"\", \"text\": \"A numeric id works too.\", \"url\": \"https://example.org/42\"}",
                ""));
        // when
        Corpus corpus = new CorpusReader().read(directory);
        // then
        assertEquals(List.of(), corpus.problems());
        assertEquals(List.of("doc1", "42"), corpus.articles().stream().map(Article::id).collect(Collectors.toList()));

        Article first = corpus.articles().get(0);
        assertEquals(Article.Format.JSON_LINES, first.format());
        assertEquals("corpus.jsonl", first.source());
        assertEquals("Semax and BDNF", first.title());
        assertNull(first.url());
        assertEquals(List.of(), first.references());
        assertEquals(List.of(new Section("Semax and BDNF", List.of("Semax raised BDNF (2). It was fast."))), first.sections());
        assertEquals(List.of("Semax raised BDNF (2).", "It was fast."),
                first.passages().stream().map(Passage::text).collect(Collectors.toList()));
        assertEquals(List.of(), first.passages().get(0).markers(), "no reference list, so (2) is text");
        assertEquals("doc1#1", first.passages().get(1).id());
        assertEquals(1, first.passages().get(1).line());

        Article second = corpus.articles().get(1);
        assertEquals("https://example.org/42", second.url());
        assertEquals("A numeric id works too", second.title(), "an empty title is the first sentence, never the id");
        assertEquals(3, second.passages().get(0).line());
    }
}
