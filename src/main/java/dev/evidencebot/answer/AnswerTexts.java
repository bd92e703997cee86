package dev.evidencebot.answer;

import java.util.Set;

/**
 * The sentences the system itself says. They state no finding, so they carry no marker; they are
 * the only marker-free sentences {@link GroundedSentences} lets through.
 */
public final class AnswerTexts {

    /** Said when no passage is relevant enough; the coverage sentence follows it. */
    public static final String NOT_COVERED = "The articles I can draw on do not answer this question.";

    /** Said whenever a question asks for dosing or personal medical advice. */
    public static final String NO_ADVICE =
            "The articles give no dosing instructions or personal medical advice, and neither can I: please ask a clinician.";

    /** The one sentence a language model must use when its sources do not answer. */
    public static final String MODEL_ABSTENTION = "The sources provided do not answer this question.";

    /** Introduces the numbered sources block. */
    public static final String SOURCES_HEADING = "Sources:";

    /** Starts the last line of every answer. */
    public static final String EVIDENCE_LINE_PREFIX = "Evidence level: ";

    private AnswerTexts() {
    }

    /** Sentences that may appear without a marker. */
    static Set<String> withoutFindings() {
        return Set.of(NOT_COVERED, NO_ADVICE, MODEL_ABSTENTION);
    }
}
