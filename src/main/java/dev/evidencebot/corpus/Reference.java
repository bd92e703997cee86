package dev.evidencebot.corpus;

import java.util.List;

/**
 * One entry of an article's numbered reference list, parsed as far as its text allows; the raw
 * text is always kept, so nothing a parser missed is lost.
 *
 * @param citedInText whether any passage of the article carries this number
 */
public record Reference(
        int number,
        String text,
        String authors,
        String title,
        String source,
        Integer year,
        String pmid,
        String doi,
        List<String> urls,
        boolean citedInText) implements java.io.Serializable {

    public Reference {
        urls = List.copyOf(urls);
    }

    /** The address a reader should follow: PubMed when there is a PMID link, else the first URL, else the DOI. */
    public String url() {
        for (String url : urls) {
            if (url.contains("pubmed.ncbi.nlm.nih.gov")) {
                return url;
            }
        }
        if (!urls.isEmpty()) {
            return urls.get(0);
        }
        if (pmid != null) {
            return "https://pubmed.ncbi.nlm.nih.gov/" + pmid + "/";
        }
        return doi == null ? null : "https://doi.org/" + doi;
    }
}
