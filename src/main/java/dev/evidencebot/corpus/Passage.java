package dev.evidencebot.corpus;

import java.util.List;

/**
 * A claim passage: one sentence the article states, with the citation markers that belong to it.
 * A passage with no markers is still a passage (the article says it), only uncited.
 *
 * @param id        stable id, "{articleId}#{ordinal}"
 * @param ordinal   position of the sentence in the article, 0-based; neighbours are ordinal +- 1
 * @param paragraph position of its paragraph in the article, 0-based, so context can stay inside it
 * @param line      1-based line of the source file where the sentence starts
 * @param markers   reference numbers cited by this sentence, in the order written, no repeats
 * @param role      what the sentence does in its text; only claims and findings can answer a question
 */
public record Passage(
        String id,
        String articleId,
        int ordinal,
        String section,
        int paragraph,
        int line,
        String text,
        List<Integer> markers,
        Role role) implements java.io.Serializable {

    public Passage {
        markers = List.copyOf(markers);
        if (role == null) {
            throw new IllegalArgumentException("passage " + id + " needs a role");
        }
    }

    /** A claim of an article (the common case: every sentence of a web page or Markdown article). */
    public Passage(String id, String articleId, int ordinal, String section, int paragraph, int line, String text,
                   List<Integer> markers) {
        this(id, articleId, ordinal, section, paragraph, line, text, markers, Role.CLAIM);
    }

    /** Whether the sentence may be cited as an answer: a claim or a finding, never background, aim or method. */
    public boolean citable() {
        return role == Role.CLAIM || role == Role.FINDING;
    }

    /**
     * What a sentence does. An article's sentences are claims; a primary source (an abstract, a
     * paper) states background, aims and methods as context and its findings (results,
     * conclusions) as what it found.
     */
    public enum Role { CLAIM, BACKGROUND, AIM, METHOD, FINDING }

    public boolean cited() {
        return !markers.isEmpty();
    }
}
