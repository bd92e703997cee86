package dev.evidencebot.answer;

import dev.evidencebot.corpus.Article;
import dev.evidencebot.corpus.Reference;
import dev.evidencebot.corpus.StudyRecord;
import dev.evidencebot.evidence.GradedArticle;
import dev.evidencebot.evidence.Grading;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A primary source (an abstract, a paper, a PubMed record) is itself the study its findings rest
 * on: a finding of it cites the document, graded by the document's own design. This writes that
 * citation's reference from what is known of the document.
 */
final class PrimarySources {

    /**
     * The number of the reference that describes the document. A document is the one entry of its
     * own reference list, so it is 1; readers never see it (markers are the answer's own numbers).
     */
    static final int OWN_REFERENCE = 1;

    /** BEIR and PubMed ids of PubMed records are the PMID itself. */
    private static final Pattern PMID = Pattern.compile("\\d{1,9}");
    private static final Pattern DOI = Pattern.compile("(?i)doi\\.org/(10\\.\\S+)");

    private PrimarySources() {
    }

    /**
     * The document described as a reference: title, journal, year, PMID, DOI and an address where known.
     * A PubMed export states them in its record; other documents only through their id, date and address.
     */
    static Reference reference(Article article) {
        String title = ArticleTitles.of(article);
        StudyRecord record = article.record();
        Integer year = article.year();
        String pmid = record.pmid() != null ? record.pmid() : PMID.matcher(article.id()).matches() ? article.id() : null;
        String doi = record.doi() != null ? record.doi() : doi(article.url());
        String journal = record.journal();
        List<String> urls = article.url() == null ? List.of() : List.of(article.url());
        StringBuilder text = new StringBuilder(title);
        if (journal != null) {
            // PubMed titles end with their own full stop (or "?"): no second one before the journal
            text.append(title.matches(".*[.?!]$") ? " " : ". ").append(journal);
        }
        if (year != null) {
            text.append(" (").append(year).append(')');
        }
        if (pmid != null) {
            text.append(". PMID: ").append(pmid);
        }
        if (doi != null) {
            text.append(". doi: ").append(doi);
        }
        // Reference.url() builds the PubMed address from the PMID when the document has none of its own.
        return new Reference(OWN_REFERENCE, text.toString(), article.author(), title, journal, year, pmid, doi, urls, true);
    }

    /**
     * The document's own grading. The grader may not have graded a document yet (an older index,
     * or a reader that does not mark primary sources): its findings are then shown as not graded
     * rather than guessed at.
     */
    static Grading grading(GradedArticle article) {
        return article.own() != null ? article.own() : Grading.uncited();
    }

    private static String doi(String url) {
        if (url == null) {
            return null;
        }
        Matcher matcher = DOI.matcher(url);
        return matcher.find() ? matcher.group(1) : null;
    }
}
