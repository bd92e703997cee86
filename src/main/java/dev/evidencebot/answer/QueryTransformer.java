package dev.evidencebot.answer;

import java.util.List;

/**
 * Turns a question and the conversation so far into the query retrieval runs: a follow-up such
 * as "was that in humans?" must stand on its own before it can find anything.
 */
public interface QueryTransformer {

    /**
     * @param history earlier turns, oldest first; empty for a first question
     * @return the query to retrieve for; never null, the question itself when it stands alone
     */
    String transform(String question, List<Turn> history);
}
