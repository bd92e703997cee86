package dev.evidencebot.answer;

import java.util.function.Consumer;

/**
 * The one pipeline every door calls: question -> retrieval -> composed, cited, graded answer.
 * Implementations never throw for a question the doors let through; a failure inside becomes an
 * honest answer or an exception the door maps to a clear error.
 */
public interface AnswerService {

    /** Answers the question; every sentence of the text that states a finding carries a marker of {@link Answer#citations()}. */
    default Answer answer(Question question) {
        return answer(question, delta -> { });
    }

    /**
     * Answers the question, handing each piece of text to {@code deltas} as soon as it is final
     * (verified), so a door can stream it. The concatenated deltas equal {@link Answer#answer()}.
     */
    Answer answer(Question question, Consumer<String> deltas);

    /**
     * Whether answering may wait on something outside this process: a model over the network, or
     * an index still being built. Doors keep such calls off their event loops; when this is false
     * an answer is pure computation of a millisecond or so, and a door may answer in place.
     */
    default boolean mayWait() {
        return true;
    }
}
