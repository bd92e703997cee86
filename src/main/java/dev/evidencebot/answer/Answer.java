package dev.evidencebot.answer;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * The one answer every door renders: API JSON, widget, Slack blocks, CLI text.
 *
 * @param id             this answer's own id, for feedback
 * @param answer         markdown; each sentence stating a finding ends with [n] markers, and the
 *                       last line is "Evidence level: words — summary"
 * @param citations      one entry per marker number used in the text, numbered 1..n in order
 * @param composer       "extractive" or "llm"; "gradings" when the system answered a question about the evidence itself
 * @param fallbackReason why a configured language model was not used for this answer, else null; in
 *                       full for the log and the admin API, while readers get {@link #publicFallbackReason}
 */
public record Answer(
        String id,
        String conversationId,
        String answer,
        boolean abstained,
        EvidenceSummary evidence,
        List<Citation> citations,
        String composer,
        @JsonIgnore String fallbackReason) {

    /** What readers are told when the model was not used because it is unwell, whatever the detail. */
    public static final String MODEL_UNAVAILABLE = "model unavailable";
    /** The model answered, but no sentence of its survived the checks: about the answer, so readers are told. */
    public static final String MODEL_UNSUPPORTED = "model answer had no sentence supported by the sources";
    /** The model said the sources do not answer: about the answer, so readers are told. */
    public static final String MODEL_ABSTAINED = "model said the sources do not answer the question";
    /** Reasons about the answer rather than the model's health: a reader may know them as they are. */
    private static final List<String> ABOUT_THE_ANSWER = List.of(MODEL_UNSUPPORTED, MODEL_ABSTAINED);

    public Answer {
        citations = List.copyOf(citations);
    }

    /**
     * The reason as the public API gives it: "model unavailable" for anything about the model's
     * health (timeouts, HTTP errors, the circuit breaker, budgets, full pools), whose detail tells
     * an outsider how to trip it; reasons about the answer itself as they are.
     */
    @JsonProperty("fallbackReason")
    public String publicFallbackReason() {
        if (fallbackReason == null || ABOUT_THE_ANSWER.contains(fallbackReason)) {
            return fallbackReason;
        }
        return MODEL_UNAVAILABLE;
    }
}
