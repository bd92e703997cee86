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
 */
public record Passage(
        String id,
        String articleId,
        int ordinal,
        String section,
        int paragraph,
        int line,
        String text,
        List<Integer> markers) {

    public Passage {
        markers = List.copyOf(markers);
    }

    public boolean cited() {
        return !markers.isEmpty();
    }
}
