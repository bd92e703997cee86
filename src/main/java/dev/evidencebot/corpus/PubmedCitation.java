package dev.evidencebot.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * One PubMed record as an export (MEDLINE or XML) gives it, gathered field by field; both PubMed
 * readers fill one and turn it into a primary source the same way. Every field may be missing.
 */
final class PubmedCitation {

    static final String PUBMED_URL = "https://pubmed.ncbi.nlm.nih.gov/";

    final int line;
    /** Where the abstract starts: its passages name this line. */
    int abstractLine;
    String pmid;
    String title;
    String journal;
    Integer year;
    String doi;
    final List<AbstractLabel.Part> abstractParts = new ArrayList<>();
    final List<String> authors = new ArrayList<>();
    final List<String> publicationTypes = new ArrayList<>();
    final List<String> meshHeadings = new ArrayList<>();

    /** @param line the record's first line in its file, for problems */
    PubmedCitation(int line) {
        this.line = line;
        this.abstractLine = line;
    }

    /** The year a PubMed date starts with ("2019 Mar 15", "2018 Winter", "2017-2018"), or null. */
    static Integer yearOf(String date) {
        return date != null && date.trim().matches("\\d{4}.*") ? Integer.valueOf(date.trim().substring(0, 4)) : null;
    }

    /**
     * A MeSH heading as the grader compares it: "*Vitamin D/therapeutic use" is "Vitamin D"; the star
     * (major topic) and the qualifiers say how much, not who was studied.
     */
    static String descriptor(String heading) {
        String name = heading.trim();
        if (name.startsWith("*")) {
            name = name.substring(1);
        }
        int slash = name.indexOf('/');
        return Text.normalize(slash < 0 ? name : name.substring(0, slash));
    }

    /**
     * The primary source this record is, or null (reported) when it is broken: no PMID to name it, or
     * neither title nor abstract to read.
     */
    Article toArticle(SourceFile file, ProblemLog problems) {
        if (pmid == null || pmid.isBlank()) {
            problems.report(file, line, "PubMed record has no PMID" + (title == null ? "" : " (title \"" + title + "\")")
                    + "; record skipped");
            return null;
        }
        if ((title == null || title.isBlank()) && abstractParts.isEmpty()) {
            problems.report(file, line, "PubMed record " + pmid + " has neither a title nor an abstract; record skipped");
            return null;
        }
        ArticleAssembler article = new ArticleAssembler(file, pmid, Article.Format.PUBMED)
                .author(authors.isEmpty() ? null : String.join(", ", authors))
                .url(PUBMED_URL + pmid + "/")
                .record(new StudyRecord(publicationTypes, meshHeadings, year, journal, pmid, doi));
        return PrimarySources.assemble(article, pmid, title, abstractParts, abstractLine, problems);
    }
}
