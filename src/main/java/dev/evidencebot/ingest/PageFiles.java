package dev.evidencebot.ingest;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a page lives in the corpus, and writing it there safely. A name is the host followed by
 * the URL's path (`example.org/articles/caffeine-sleep.html`), cleaned to characters every file
 * system takes, so the same URL always lands on the same file and no URL can climb out of the
 * corpus or hide itself behind a leading dot.
 */
final class PageFiles {

    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]+");
    private static final Pattern UNSAFE_FOLDER = Pattern.compile("[^A-Za-z0-9_-]+"); // no dots: a folder never looks like a file
    /** Server-side extensions that say how a page was made, not what it is. */
    private static final Pattern PAGE_EXTENSION = Pattern.compile("(?i)\\.(html?|xhtml|php\\d?|aspx?|jsp|cfm|md|markdown)$");
    private static final int MAX_SEGMENT = 80;

    private final Path corpus;

    PageFiles(Path corpus) {
        this.corpus = corpus;
    }

    /**
     * @param extension "html" or "md", from the content type
     * @return the corpus-relative file name, with forward slashes
     */
    static String nameFor(URI page, String extension) {
        List<String> parts = new ArrayList<>();
        String host = Hosts.of(page) + (page.getPort() < 0 ? "" : "_" + page.getPort());
        parts.add(clean(host, UNSAFE, "site"));
        List<String> segments = new ArrayList<>();
        String path = page.getRawPath() == null ? "" : page.getRawPath();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        String last = segments.isEmpty() || path.endsWith("/") ? "index" : segments.remove(segments.size() - 1);
        for (String folder : segments) {
            parts.add(clean(folder, UNSAFE_FOLDER, "_"));
        }
        String stem = clean(PAGE_EXTENSION.matcher(last).replaceFirst(""), UNSAFE, "index");
        if (page.getRawQuery() != null) {
            // ?id=1 and ?id=2 are different pages; a short hash keeps them apart and the name stable
            stem = stem + "-" + shortHash(page.getRawQuery());
        }
        parts.add(stem + "." + extension);
        return String.join("/", parts);
    }

    /** The same name with the URL's hash before the extension: for the rare two URLs that clean to one name. */
    static String disambiguated(String name, URI page) {
        int dot = name.lastIndexOf('.');
        return name.substring(0, dot) + "-" + shortHash(page.toString()) + name.substring(dot);
    }

    /**
     * Writes through a hidden temporary file in the same folder and moves it into place, so a
     * corpus watcher sees either the old page or the new one, never half of one.
     */
    void write(String name, String text) throws IOException {
        Path target = resolve(name);
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The text on disk, or null when there is none: a page whose file was deleted by hand is fetched afresh. */
    String read(String name) {
        try {
            Path path = resolve(name);
            return Files.isRegularFile(path) ? Files.readString(path, StandardCharsets.UTF_8) : null;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    boolean exists(String name) {
        return Files.isRegularFile(resolve(name));
    }

    /** Deletes the page and any folders it leaves empty, up to the corpus directory. */
    void delete(String name) throws IOException {
        Path path = resolve(name);
        Files.deleteIfExists(path);
        Path root = corpus.toAbsolutePath().normalize();
        for (Path folder = path.getParent(); folder != null && !folder.equals(root); folder = folder.getParent()) {
            try {
                Files.delete(folder);
            } catch (DirectoryNotEmptyException e) {
                return;
            }
        }
    }

    private Path resolve(String name) {
        Path root = corpus.toAbsolutePath().normalize();
        Path path = root.resolve(name).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            // names come from nameFor or the state file; a hand-edited state file must not reach outside
            throw new IllegalArgumentException("file name outside the corpus: " + name);
        }
        return path;
    }

    private static String clean(String raw, Pattern unsafe, String fallback) {
        String cleaned = unsafe.matcher(raw).replaceAll("-").replaceAll("-{2,}", "-");
        cleaned = cleaned.replaceAll("^[.-]+", "").replaceAll("[.-]+$", "");
        if (cleaned.isEmpty()) {
            return fallback;
        }
        if (cleaned.length() > MAX_SEGMENT) {
            return cleaned.substring(0, MAX_SEGMENT - 9) + "-" + shortHash(raw);
        }
        return cleaned;
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
