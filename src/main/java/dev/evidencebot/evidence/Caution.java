package dev.evidencebot.evidence;

import java.util.ArrayList;
import java.util.List;

/**
 * A doubt about one grading, said twice: in a visitor's words, which source cards and answers show
 * as the grading's warning, and in the grader's, which join its rationale so a curator still sees
 * exactly which words disagreed.
 *
 * @param forReader a sentence for someone who has never heard of study designs
 * @param forCurator the grader's terms: which side said what, and which reading won
 */
record Caution(String forReader, String forCurator) {

    /** Said of a reading kept on the weaker side of a disagreement. */
    static final String WEAKER = " The lower rating of the two is used.";

    /** The grading with these cautions: their reader's words as warnings, the grader's after its rationale. */
    static Grading attach(Grading grading, List<Caution> cautions) {
        if (cautions.isEmpty()) {
            return grading;
        }
        List<String> warnings = new ArrayList<>(grading.warnings());
        StringBuilder rationale = new StringBuilder(grading.rationale());
        for (Caution caution : cautions) {
            warnings.add(caution.forReader());
            rationale.append("; warning: ").append(caution.forCurator());
        }
        return new Grading(grading.level(), grading.studyType(), grading.population(), grading.sampleSize(),
                rationale.toString(), warnings);
    }
}
