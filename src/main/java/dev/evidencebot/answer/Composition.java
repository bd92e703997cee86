package dev.evidencebot.answer;

import java.util.List;

/**
 * Everything a composer may use to write an answer: nothing else exists for it.
 *
 * @param sources         the numbered sources, relevant enough to answer from, best first
 * @param history         earlier turns of the conversation, oldest first
 * @param adviceRequested the question asks for dosing or personal medical advice
 * @param coverage        what the corpus covers, in a sentence, for saying so when it does not answer
 * @param streamed        someone reads the sentences as they come, so a composer that can write
 *                        incrementally should; otherwise only the finished answer counts
 */
public record Composition(
        String question,
        List<Source> sources,
        List<Turn> history,
        boolean adviceRequested,
        String coverage,
        boolean streamed) {

    public Composition {
        sources = List.copyOf(sources);
        history = List.copyOf(history);
    }
}
