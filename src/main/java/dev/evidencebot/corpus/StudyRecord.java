package dev.evidencebot.corpus;

import java.util.List;

/**
 * What a bibliographic database (PubMed) says about a primary source beside its text: its
 * publication types ("Randomized Controlled Trial", "Case Reports") and MeSH headings ("Humans",
 * "Animals", "Female"), as the indexers assigned them, its year and, for PubMed exports, the journal,
 * PMID and DOI. Empty lists and nulls when not known.
 */
public record StudyRecord(List<String> publicationTypes, List<String> meshHeadings, Integer year,
                          String journal, String pmid, String doi) implements java.io.Serializable {

    public static final StudyRecord NONE = new StudyRecord(List.of(), List.of(), null);

    public StudyRecord {
        publicationTypes = List.copyOf(publicationTypes);
        meshHeadings = List.copyOf(meshHeadings);
    }

    /** A record with only what a JSON Lines document's metadata says: types, headings, year. */
    public StudyRecord(List<String> publicationTypes, List<String> meshHeadings, Integer year) {
        this(publicationTypes, meshHeadings, year, null, null, null);
    }

    public boolean isEmpty() {
        return publicationTypes.isEmpty() && meshHeadings.isEmpty() && year == null
                && journal == null && pmid == null && doi == null;
    }
}
