package dev.evidencebot.answer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileFeedbackStoreTest {

    @TempDir
    Path data;

    @Test
    void whatOneStoreSavedANewStoreOnTheSameDirectoryReads() {
        // given
        Feedback down = new Feedback("a1", "down", "too vague", "widget", Instant.parse("2026-01-02T03:04:05Z"));
        Feedback up = new Feedback("a2", "up", null, "slack", Instant.parse("2026-01-02T03:04:06Z"));
        FileFeedbackStore first = FileFeedbackStore.in(data);

        // when
        first.save(down);
        first.save(up);

        // then
        assertEquals(List.of(down, up), FileFeedbackStore.in(data).all());
        assertTrue(Files.exists(data.resolve(FileFeedbackStore.FILE_NAME)));
    }

    @Test
    void anEmptyDirectoryHasNoFeedback() {
        assertEquals(List.of(), FileFeedbackStore.in(data.resolve("not-yet")).all());
    }

    @Test
    void aTruncatedLastLineIsSkippedAndTheNextSaveStartsAFreshLine() throws IOException {
        // given a file whose last write was cut short
        Feedback kept = new Feedback("a1", "up", null, "widget", Instant.parse("2026-01-01T00:00:00Z"));
        FileFeedbackStore store = FileFeedbackStore.in(data);
        store.save(kept);
        Files.writeString(data.resolve(FileFeedbackStore.FILE_NAME), "{\"answerId\":\"a2\",\"rat",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        // when it is read, and then written again
        List<Feedback> beforeNextSave = store.all();
        Feedback next = new Feedback("a3", "down", "wrong", "api", Instant.parse("2026-01-01T00:00:01Z"));
        store.save(next);

        // then the cut record is skipped and nothing else is lost
        assertEquals(List.of(kept), beforeNextSave);
        assertEquals(List.of(kept, next), FileFeedbackStore.in(data).all());
    }

    @Test
    void concurrentSavesAreAllKeptWhole() throws Exception {
        FileFeedbackStore store = FileFeedbackStore.in(data);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> writes = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String id = "a" + i;
            writes.add(pool.submit(() -> store.save(new Feedback(id, "up", "x".repeat(500), "widget", Instant.now()))));
        }
        for (Future<?> write : writes) {
            write.get();
        }
        pool.shutdown();

        assertEquals(100, FileFeedbackStore.in(data).all().size());
    }
}
