package dev.evidencebot.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads a corpus directory into articles. Every file under it is read, recursively and in path
 * order so two runs give the same corpus; each is handed to the reader for its extension. Whatever
 * cannot be read becomes a {@link Problem} naming the file and line, and reading goes on with the
 * next line or file: one bad file never hides the others.
 */
public final class CorpusReader {

    /** Curator sidecars next to an article; the evidence package reads them, not this one. */
    static final String EVIDENCE_SIDECAR = ".evidence.json";
    private static final String EXPECTED = "expected .txt, .md, .jsonl, .html, .nbib or .xml";
    private static final String MEDLINE = "nbib";

    private final Map<String, ArticleReader> readers;

    /** Reads HTML articles with the default selectors: article, main, else the densest block. */
    public CorpusReader() {
        this(HtmlSelectors.DEFAULTS);
    }

    /** @param html per-site selectors for HTML articles ({@code corpus.html.*}); see {@link HtmlSelectors} */
    public CorpusReader(HtmlSelectors html) {
        HtmlArticleReader htmlReader = new HtmlArticleReader(html);
        readers = Map.of(
                "txt", new WebPageTextReader(),
                "md", new MarkdownArticleReader(),
                "markdown", new MarkdownArticleReader(),
                "jsonl", new JsonLinesArticleReader(),
                "html", htmlReader,
                "htm", htmlReader,
                MEDLINE, new MedlineArticleReader(),
                "xml", new PubmedXmlArticleReader());
    }

    /**
     * @param directory the corpus directory
     * @return the articles that loaded and the problems met, each naming its file relative to {@code directory}
     * @throws IllegalArgumentException when {@code directory} is not a readable directory
     */
    public Corpus read(Path directory) {
        return new CorpusFiles(this).read(directory);
    }

    List<Article> readFile(Path path, String relative, ProblemLog problems) {
        String name = path.getFileName().toString();
        if (name.endsWith(EVIDENCE_SIDECAR)) {
            return List.of();
        }
        int dot = name.lastIndexOf('.');
        String extension = dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        ArticleReader reader = readers.get(extension);
        if (reader == null) {
            problems.report(relative, 0, (extension.isEmpty() ? "file has no extension" : "unsupported file type ." + extension)
                    + "; " + EXPECTED);
            return List.of();
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            problems.report(relative, 0, "cannot read file: " + e.getClass().getSimpleName() + " " + e.getMessage());
            return List.of();
        }
        String text = decode(bytes);
        if (text == null) {
            problems.report(relative, 0, "binary or non-UTF-8 file; save it as UTF-8 text");
            return List.of();
        }
        if (Text.normalize(text).isBlank()) { // NBSP-only counts as empty too
            problems.report(relative, 0, "file is empty");
            return List.of();
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        SourceFile file = new SourceFile(relative, name, Arrays.asList(text.split("\\r\\n|\\r|\\n", -1)));
        // PubMed saves MEDLINE exports as .txt: the first field, not the extension, tells them from web pages
        boolean medline = extension.equals("txt") && MedlineArticleReader.recognizes(file);
        return UntrustedText.screen((medline ? readers.get(MEDLINE) : reader).read(file, problems), relative, problems);
    }

    /** Strict UTF-8: a NUL byte or an invalid sequence means this is not a text article. */
    private static String decode(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return null;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Regular files and dangling links (reported as unreadable), hidden ones and hidden folders left out. */
    static List<Path> files(Path directory) {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(path -> !path.equals(directory))
                    .filter(path -> !Files.isDirectory(path))
                    .filter(path -> !isHidden(directory.relativize(path)))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list corpus directory " + directory.toAbsolutePath(), e);
        }
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    static String relative(Path directory, Path path) {
        return directory.relativize(path).toString().replace('\\', '/');
    }
}
