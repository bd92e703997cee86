package dev.evidencebot.ingest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * What earlier runs fetched, kept in {@code .ingest/state.json} inside the corpus directory: hidden,
 * so the corpus reader never takes it for an article, and beside the pages, so it travels with them.
 * Keyed by URL, sorted, so the file diffs well.
 */
final class IngestState {

    static final String FILE = ".ingest/state.json";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final Map<String, Entry> entries;

    private IngestState(Path file, Map<String, Entry> entries) {
        this.file = file;
        this.entries = entries;
    }

    /**
     * @throws IOException when the state file exists and cannot be read: running on without it would
     *                     re-fetch everything and forget which pages a sitemap owns
     */
    static IngestState load(Path corpus) throws IOException {
        Path file = corpus.resolve(FILE);
        if (!Files.exists(file)) {
            return new IngestState(file, new TreeMap<>());
        }
        try {
            Map<String, Entry> entries = MAPPER.readValue(file.toFile(), new TypeReference<TreeMap<String, Entry>>() {
            });
            return new IngestState(file, entries == null ? new TreeMap<>() : entries);
        } catch (IOException e) {
            throw new IOException("ingest state " + file + " cannot be read (" + e.getMessage()
                    + "); fix or delete it (deleting means every page is fetched again)", e);
        }
    }

    Entry get(String url) {
        return entries.get(url);
    }

    void put(String url, Entry entry) {
        entries.put(url, entry);
    }

    void remove(String url) {
        entries.remove(url);
    }

    Map<String, Entry> entries() {
        return Map.copyOf(entries);
    }

    /** The URL that already owns this file, if another URL does. */
    String ownerOf(String fileName, String exceptUrl) {
        for (Map.Entry<String, Entry> entry : entries.entrySet()) {
            if (entry.getValue().file().equals(fileName) && !entry.getKey().equals(exceptUrl)) {
                return entry.getKey();
            }
        }
        return null;
    }

    /** Written like the pages: a temporary file moved into place, so a crash never leaves half a state. */
    void save() throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = Files.createTempFile(file.getParent(), "state", ".part");
        try {
            Files.writeString(temporary, MAPPER.writeValueAsString(entries), StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * @param file         the corpus-relative file the page was written to
     * @param etag         the validator the server sent, sent back as If-None-Match; null when none
     * @param lastModified sent back verbatim as If-Modified-Since; null when none
     * @param sitemap      the sitemap the page was ingested from, null for a page named on the command line;
     *                     only a sitemap's own pages are removed when they leave it
     */
    record Entry(String file, String etag, String lastModified, String sitemap) {
    }
}
