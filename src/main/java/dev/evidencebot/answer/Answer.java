package dev.evidencebot.answer;

import java.util.List;

/**
 * The one answer every door renders: API JSON, widget, Slack blocks, CLI text.
 *
 * @param id             this answer's own id, for feedback
 * @param answer         markdown; each sentence stating a finding ends with [n] markers, and the
 *                       last line is "Evidence level: words — summary"
 * @param citations      one entry per marker number used in the text, numbered 1..n in order
 * @param composer       "extractive" or "llm"; "gradings" when the system answered a question about the evidence itself
 * @param fallbackReason why a configured language model was not used for this answer, else null
 */
public record Answer(
        String id,
        String conversationId,
        String answer,
        boolean abstained,
        EvidenceSummary evidence,
        List<Citation> citations,
        String composer,
        String fallbackReason) {

    public Answer {
        citations = List.copyOf(citations);
    }
}
