package dev.evidencebot.corpus;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A corpus directory read again and again, as a server that follows it does: a file whose size,
 * time and identity on disk are unchanged is not parsed again, and a file that used to read well
 * but now yields nothing but problems (an editor's half-saved draft, a broken export) keeps its
 * last good articles in service, with a problem saying so. A deleted file is simply gone.
 * One instance per directory; {@link #read} is serialized.
 */
public final class CorpusFiles {

    /** What one file gave the last time it was parsed. */
    private record Reading(Stamp stamp, List<Article> articles, List<Problem> problems) implements Serializable {
    }

    /** What tells, without reading it, that a file has not changed: size, time to the nanosecond, inode. */
    private record Stamp(long size, long modifiedNanos, String identity) implements Serializable {

        static Stamp of(Path path) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
                return new Stamp(attributes.size(), attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS),
                        String.valueOf(attributes.fileKey()));
            } catch (IOException e) {
                return null; // unreadable now: parse it, and the reader says why
            }
        }
    }

    private final CorpusReader reader;
    /** Relative path -> the reading in service: the last good one when the latest failed. */
    private final Map<String, Reading> inService = new HashMap<>();
    /** Relative path -> the stamp last parsed, good or not, so a broken file is not parsed again until it changes. */
    private final Map<String, Stamp> parsed = new HashMap<>();
    /** Relative path -> the problems of a broken latest version while its last good one serves. */
    private final Map<String, List<Problem>> failedLatest = new HashMap<>();
    private int parsedLastTime;
    private int removedLastTime;

    public CorpusFiles() {
        this(new CorpusReader());
    }

    public CorpusFiles(CorpusReader reader) {
        this.reader = reader;
    }

    /**
     * @return the articles of every file (the last good version of a file that now fails), and the
     *         problems met, each naming its file relative to {@code directory}
     * @throws IllegalArgumentException when {@code directory} is not a readable directory
     */
    public synchronized Corpus read(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("corpus directory " + directory.toAbsolutePath() + " does not exist or is not a directory");
        }
        Path root;
        try {
            root = directory.toRealPath();
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("corpus directory " + directory.toAbsolutePath() + " cannot be read: " + e.getMessage(), e);
        }
        Map<String, Path> present = new HashMap<>();
        List<String> order = new ArrayList<>();
        for (Path path : CorpusReader.files(directory)) {
            String relative = CorpusReader.relative(directory, path);
            present.put(relative, path);
            order.add(relative);
        }
        removedLastTime = (int) inService.keySet().stream().filter(path -> !present.containsKey(path)).count();
        inService.keySet().retainAll(present.keySet());
        parsed.keySet().retainAll(present.keySet());
        failedLatest.keySet().retainAll(present.keySet());
        parsedLastTime = 0;
        for (String relative : order) {
            refresh(root, relative, present.get(relative));
        }
        return assemble(order);
    }

    /**
     * Everything this knows of the directory, to be saved with the index and restored by the next
     * process, so a restart parses only the files that changed meanwhile.
     */
    public record State(Map<String, Reading> inService, Map<String, Stamp> parsed,
                        Map<String, List<Problem>> failedLatest) implements Serializable {
    }

    public synchronized State state() {
        return new State(new HashMap<>(inService), new HashMap<>(parsed), new HashMap<>(failedLatest));
    }

    /** Starts from a saved state; files that changed since it was saved are parsed on the next read. */
    public synchronized void restore(State state) {
        inService.clear();
        inService.putAll(state.inService());
        parsed.clear();
        parsed.putAll(state.parsed());
        failedLatest.clear();
        failedLatest.putAll(state.failedLatest());
    }

    /** Whether {@code path}, links resolved, lies outside {@code root}. A dangling link does not: reading reports it. */
    private static boolean leaves(Path root, Path path) {
        try {
            return !path.toRealPath().startsWith(root);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** How many files the last {@link #read} parsed or found gone: zero means nothing changed. */
    public synchronized int changedLastTime() {
        return parsedLastTime + removedLastTime;
    }

    /** How many files the last {@link #read} parsed; the others were unchanged. */
    public synchronized int parsedLastTime() {
        return parsedLastTime;
    }

    private void refresh(Path root, String relative, Path path) {
        Stamp stamp = Stamp.of(path);
        if (stamp != null && stamp.equals(parsed.get(relative))) {
            return;
        }
        parsedLastTime++;
        ProblemLog problems = new ProblemLog();
        List<Article> articles;
        if (leaves(root, path)) {
            // a link to /etc/passwd or a neighbour's files is not the site's article; where it leads is not echoed
            problems.report(relative, 0, "is a symbolic link that leads outside the corpus directory; not followed");
            articles = List.of();
        } else {
            articles = reader.readFile(path, relative, problems);
        }
        parsed.put(relative, stamp);
        Reading previous = inService.get(relative);
        boolean failed = articles.isEmpty() && !problems.problems().isEmpty();
        if (failed && previous != null && !previous.articles().isEmpty()) {
            List<Problem> kept = new ArrayList<>(problems.problems());
            kept.add(new Problem(relative, 0, "this version could not be read; the last good version (read "
                    + Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                    + ") stays in service until the file is fixed"));
            failedLatest.put(relative, kept);
            return;
        }
        failedLatest.remove(relative);
        inService.put(relative, new Reading(stamp, articles, problems.problems()));
    }

    /** The articles in path order, with the checks that span files: ids must be unique, articles must say something. */
    private Corpus assemble(List<String> order) {
        List<Problem> problems = new ArrayList<>();
        List<Article> articles = new ArrayList<>();
        Map<String, String> sourceOfId = new HashMap<>();
        for (String relative : order) {
            Reading reading = inService.get(relative);
            List<Problem> failed = failedLatest.get(relative);
            if (failed != null) {
                problems.addAll(failed);
            } else if (reading != null) {
                problems.addAll(reading.problems());
            }
            if (reading == null) {
                continue;
            }
            for (Article article : reading.articles()) {
                String earlier = sourceOfId.putIfAbsent(article.id(), relative);
                if (earlier != null) {
                    problems.add(new Problem(relative, 0, "article id '" + article.id() + "' is already used by " + earlier
                            + "; this article is skipped so passage ids stay unique"));
                    continue;
                }
                if (article.passages().isEmpty()) {
                    problems.add(new Problem(relative, 0, "article '" + article.id()
                            + "' has no extractable passages: no prose paragraph ending in a full stop was found"));
                }
                articles.add(article);
            }
        }
        return new Corpus(articles, problems);
    }
}
