package dev.evidencebot.index;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class CachingEmbedderTest {

    @TempDir
    Path cache;

    @Test
    void aTextIsEmbeddedOnceAcrossCallsAndRuns() {
        FakeEmbedder model = new FakeEmbedder();
        CachingEmbedder first = CachingEmbedder.passages(model, cache);
        List<float[]> vectors = first.embedPassages(List.of("rats learned faster", "caffeine and sleep"));
        first.embedPassages(List.of("caffeine and sleep", "a new sentence"));
        assertEquals(3, model.passagesEmbedded.get(), "only texts never seen are embedded");

        // given a new run over the same folder, when the same texts come again, then nothing is embedded
        CachingEmbedder second = CachingEmbedder.passages(model, cache);
        List<float[]> again = second.embedPassages(List.of("rats learned faster", "caffeine and sleep"));
        assertEquals(3, model.passagesEmbedded.get());
        assertArrayEquals(vectors.get(0), again.get(0));
        assertArrayEquals(vectors.get(1), again.get(1));
        assertEquals(3, second.size());
    }

    @Test
    void anotherModelHasItsOwnVectors() {
        FakeEmbedder one = new FakeEmbedder("model-one");
        FakeEmbedder two = new FakeEmbedder("model-two");
        CachingEmbedder.passages(one, cache).embedPassages(List.of("same words"));
        CachingEmbedder.passages(two, cache).embedPassages(List.of("same words"));
        assertEquals(1, one.passagesEmbedded.get());
        assertEquals(1, two.passagesEmbedded.get(), "a vector of one model is never served for another");
    }

    @Test
    void aRecordCutShortByACrashIsIgnored() throws IOException {
        FakeEmbedder model = new FakeEmbedder();
        CachingEmbedder.passages(model, cache).embedPassages(List.of("kept", "also kept"));
        Path file;
        try (var files = Files.list(cache)) {
            file = files.findFirst().orElseThrow();
        }
        Files.write(file, new byte[] {1, 2, 3}, StandardOpenOption.APPEND);

        CachingEmbedder reopened = CachingEmbedder.passages(model, cache);
        assertEquals(2, reopened.size());
        reopened.embedPassages(List.of("kept"));
        assertEquals(2, model.passagesEmbedded.get());

        // and what is appended after the cut is read in step on the next open
        List<float[]> added = reopened.embedPassages(List.of("appended after the crash"));
        CachingEmbedder third = CachingEmbedder.passages(model, cache);
        assertEquals(3, third.size());
        assertArrayEquals(added.get(0), third.embedPassages(List.of("appended after the crash")).get(0));
        assertEquals(3, model.passagesEmbedded.get());
    }

    @Test
    void queriesAreRememberedOnlyWhenAskedTo() {
        FakeEmbedder model = new FakeEmbedder();
        CachingEmbedder server = CachingEmbedder.passages(model, cache);
        server.embedQuery("does caffeine help?");
        assertEquals(0, server.size(), "a server keeps no trace of what visitors ask");

        CachingEmbedder bench = CachingEmbedder.passagesAndQueries(model, cache);
        float[] first = bench.embedQuery("does caffeine help?");
        assertEquals(1, bench.size());
        assertArrayEquals(first, CachingEmbedder.passagesAndQueries(model, cache).embedQuery("does caffeine help?"));
    }
}
