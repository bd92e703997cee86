package dev.evidencebot.corpus;

/**
 * Something wrong with a corpus file, named precisely enough for its author to fix it.
 *
 * @param file the file, relative to the corpus directory
 * @param line 1-based line, or 0 when the problem concerns the whole file
 */
public record Problem(String file, int line, String message) implements java.io.Serializable {
}
