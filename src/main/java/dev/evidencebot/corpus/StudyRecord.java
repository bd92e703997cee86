package dev.evidencebot.corpus;

import java.util.List;

/**
 * What a bibliographic database (PubMed) says about a primary source beside its text: its
 * publication types ("Randomized Controlled Trial", "Case Reports") and MeSH headings ("Humans",
 * "Animals", "Female"), as the indexers assigned them, and its year. Empty lists when not known.
 */
public record StudyRecord(List<String> publicationTypes, List<String> meshHeadings, Integer year) {

    public static final StudyRecord NONE = new StudyRecord(List.of(), List.of(), null);

    public StudyRecord {
        publicationTypes = List.copyOf(publicationTypes);
        meshHeadings = List.copyOf(meshHeadings);
    }

    public boolean isEmpty() {
        return publicationTypes.isEmpty() && meshHeadings.isEmpty() && year == null;
    }
}
