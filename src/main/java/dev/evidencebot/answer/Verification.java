package dev.evidencebot.answer;

import java.util.List;

/**
 * The sentence gate on its own, for measuring it (`bench --verify`) and for callers outside the
 * pipeline: what a reader would see of these sentences written over these sources.
 */
public final class Verification {

    private Verification() {
    }

    /** The text that survives {@link GroundedSentences}, markers renumbered. */
    public static String verify(List<Source> sources, List<String> sentences) {
        GroundedSentences gate = new GroundedSentences(sources, AnswerTexts.withoutFindings(), piece -> { });
        sentences.forEach(gate);
        return gate.text();
    }
}
