package dev.evidencebot.corpus;

import java.util.List;

/**
 * One article of the corpus as its file states it: metadata, the headings and paragraphs, the
 * claim passages cut from those paragraphs, and the numbered reference list.
 *
 * @param id         file name without extension (for JSON Lines: the document's id; for PubMed: the PMID)
 * @param source     the file it came from, relative to the corpus directory
 * @param format     which reader produced it
 * @param date       ISO-8601 (yyyy-MM-dd) when the file states one, else null
 * @param url        the article's own address when known, else null
 * @param record     what a bibliographic database says about a primary source (publication types,
 *                   MeSH headings, year); {@link StudyRecord#NONE} for articles
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
        List<Reference> references,
        StudyRecord record) implements java.io.Serializable {

    public Article {
        sections = List.copyOf(sections);
        passages = List.copyOf(passages);
        references = List.copyOf(references);
        record = record == null ? StudyRecord.NONE : record;
    }

    /** An article with no bibliographic record: every web page and Markdown article. */
    public Article(String id, String source, Format format, String title, String author, String date, String url,
                   List<Section> sections, List<Passage> passages, List<Reference> references) {
        this(id, source, format, title, author, date, url, sections, passages, references, StudyRecord.NONE);
    }

    /** The year of the article: its record's, else the year of its date, else null. */
    public Integer year() {
        if (record.year() != null) {
            return record.year();
        }
        return date == null || date.length() < 4 ? null : Integer.valueOf(date.substring(0, 4));
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
        return format == Format.JSON_LINES || format == Format.PUBMED;
    }

    /** The file formats the corpus reads, one reader each. */
    public enum Format { WEB_PAGE_TEXT, MARKDOWN, JSON_LINES, PUBMED, HTML }
}
