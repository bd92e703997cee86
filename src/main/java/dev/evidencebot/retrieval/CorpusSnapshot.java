package dev.evidencebot.retrieval;

import dev.evidencebot.corpus.CorpusFiles;
import dev.evidencebot.evidence.GradingMemory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The read and graded corpus, saved beside the index: a restart with unchanged files neither
 * parses nor grades them again (for 5,000 abstracts that is ten seconds of a start). Written after
 * every load that changed something, atomically. It is only a cache: a file from another build of
 * the program, another corpus directory, or one that does not read back is ignored, and the corpus
 * is read from its files as if it were not there.
 */
final class CorpusSnapshot {

    private static final Logger LOG = LoggerFactory.getLogger(CorpusSnapshot.class);
    private static final String FORMAT = "evidence-bot corpus snapshot 1";
    /** Our own records and the JDK's collections: nothing else is ever built from the file. */
    private static final ObjectInputFilter ONLY_OURS = ObjectInputFilter.Config.createFilter(
            "maxdepth=64;dev.evidencebot.**;java.lang.*;java.util.*;java.time.*;!*");

    record Saved(CorpusFiles.State files, GradingMemory.State gradings) {
    }

    private final Path file;
    private final String key;

    /** @param corpusDirectory part of the key: a snapshot of another directory is never used */
    CorpusSnapshot(Path indexDirectory, Path corpusDirectory) {
        this.file = indexDirectory.toAbsolutePath().resolveSibling(indexDirectory.getFileName() + ".corpus");
        this.key = FORMAT + "|" + corpusDirectory.toAbsolutePath().normalize() + "|" + build();
    }

    Optional<Saved> load() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             ObjectInputStream objects = new ObjectInputStream(in)) {
            objects.setObjectInputFilter(ONLY_OURS);
            if (!key.equals(objects.readUTF())) {
                LOG.info("corpus snapshot {} is from another build or directory; reading the corpus files", file);
                return Optional.empty();
            }
            return Optional.of(new Saved((CorpusFiles.State) objects.readObject(), (GradingMemory.State) objects.readObject()));
        } catch (IOException | ClassNotFoundException | ClassCastException | IllegalArgumentException e) {
            LOG.warn("corpus snapshot {} could not be read ({}); reading the corpus files", file, e.toString());
            return Optional.empty();
        }
    }

    void save(CorpusFiles.State files, GradingMemory.State gradings) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16);
                 ObjectOutputStream objects = new ObjectOutputStream(out)) {
                objects.writeUTF(key);
                // one stream: an article in both states is written once and read back as one object
                objects.writeObject(files);
                objects.writeObject(gradings);
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not save the corpus snapshot {}: {}", file, e.toString());
        }
    }

    /** The program's own jar (size and time): another build may read files differently. */
    private static String build() {
        try {
            Path code = Path.of(CorpusSnapshot.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.size(code) + "@" + Files.getLastModifiedTime(code).toMillis();
        } catch (Exception e) {
            return "unknown build";
        }
    }
}
