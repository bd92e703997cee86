package dev.evidencebot.evidence;

import dev.evidencebot.corpus.Article;
import dev.evidencebot.corpus.Problem;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The gradings of the last load, kept for the next. An article is the same object as long as its
 * file was not read again (see {@code CorpusFiles}), so identity says the text is unchanged; the
 * curator sidecar is a separate file, so its size and time are part of the key. Thread-safe.
 */
public final class GradingMemory {

    /** One article's grading and the problems its sidecar raised. */
    record Graded(GradedArticle article, List<Problem> problems) implements Serializable {
    }

    private record Entry(String sidecar, Graded graded) implements Serializable {
    }

    /** The gradings, to be saved with the corpus state and restored by the next process. */
    public record State(List<Article> articles, List<Entry> entries) implements Serializable {
    }

    private final Map<Article, Entry> entries = Collections.synchronizedMap(new IdentityHashMap<>());

    public State state() {
        synchronized (entries) {
            return new State(new ArrayList<>(entries.keySet()), new ArrayList<>(entries.values()));
        }
    }

    /** Starts from saved gradings: keyed by the very article objects restored with the corpus state. */
    public void restore(State state) {
        synchronized (entries) {
            entries.clear();
            for (int i = 0; i < state.articles().size(); i++) {
                entries.put(state.articles().get(i), state.entries().get(i));
            }
        }
    }

    Graded gradeOrReuse(Article article, Path sidecar, Supplier<Graded> grade) {
        String stamp = stamp(sidecar);
        Entry entry = entries.get(article);
        if (entry != null && Objects.equals(entry.sidecar(), stamp)) {
            return entry.graded();
        }
        Graded graded = grade.get();
        entries.put(article, new Entry(stamp, graded));
        return graded;
    }

    /** Forgets the articles that are no longer in the corpus (their files changed or went). */
    void retainOnly(List<Article> articles) {
        Map<Article, Boolean> keep = new IdentityHashMap<>();
        for (Article article : articles) {
            keep.put(article, Boolean.TRUE);
        }
        synchronized (entries) {
            entries.keySet().removeIf(article -> !keep.containsKey(article));
        }
    }

    private static String stamp(Path sidecar) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(sidecar, BasicFileAttributes.class);
            return attributes.size() + "/" + attributes.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS)
                    + "/" + attributes.fileKey();
        } catch (IOException e) {
            return "none"; // no sidecar
        }
    }
}
