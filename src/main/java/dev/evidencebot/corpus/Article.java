package dev.evidencebot.corpus;

import java.util.List;

/**
 * One article of the corpus as its file states it: metadata, the headings and paragraphs, the
 * claim passages cut from those paragraphs, and the numbered reference list.
 *
 * @param id         file name without extension (for JSON Lines: the document's id)
 * @param source     the file it came from, relative to the corpus directory
 * @param format     which reader produced it
 * @param date       ISO-8601 (yyyy-MM-dd) when the file states one, else null
 * @param url        the article's own address when known, else null
 */
public record Article(
        String id,
        String source,
        Format format,
        String title,
        String author,
        String date,
        String url,
        List<Section> sections,
        List<Passage> passages,
        List<Reference> references) {

    public Article {
        sections = List.copyOf(sections);
        passages = List.copyOf(passages);
        references = List.copyOf(references);
    }

    /** The reference with this number, or null when the list has none. */
    public Reference reference(int number) {
        for (Reference reference : references) {
            if (reference.number() == number) {
                return reference;
            }
        }
        return null;
    }

    /**
     * Whether the document is itself a study (an abstract, a paper, a PubMed record) rather than an
     * article that cites studies: it is graded by its own design and its findings cite it.
     */
    public boolean primarySource() {
        return format == Format.JSON_LINES;
    }

    /** The file formats the corpus reads, one reader each. */
    public enum Format { WEB_PAGE_TEXT, MARKDOWN, JSON_LINES }
}
