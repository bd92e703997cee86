package dev.evidencebot.evidence;

import java.util.List;

/**
 * The evidence behind one citation (a claim passage and one reference it cites), or behind a
 * reference as a whole.
 *
 * @param population who or what was studied when the text says ("white rats", "30 stroke patients")
 * @param sampleSize the number studied, only when the text states it
 * @param rationale  the words that decided, so a curator can check and override
 * @param warnings   disagreements and doubts a reader should see; empty when there are none
 */
public record Grading(
        EvidenceLevel level,
        StudyType studyType,
        String population,
        Integer sampleSize,
        String rationale,
        List<String> warnings) implements java.io.Serializable {

    public Grading {
        warnings = List.copyOf(warnings);
        if (studyType.level() != level) {
            throw new IllegalArgumentException(
                    "level " + level + " does not match study type " + studyType + " (" + studyType.level() + ")");
        }
    }

    /** The grading of a passage that cites nothing. */
    public static Grading uncited() {
        return new Grading(EvidenceLevel.UNCITED, StudyType.NONE, null, null,
                "the sentence carries no citation marker", List.of());
    }
}
