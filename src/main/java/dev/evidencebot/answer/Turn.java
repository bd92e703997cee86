package dev.evidencebot.answer;

import java.util.List;

/**
 * One exchange kept for follow-ups.
 *
 * @param query      the standalone query that was retrieved for
 * @param passageIds the passages the answer cited, so a follow-up can stay on them
 */
public record Turn(String question, String query, String answer, List<String> passageIds) {

    public Turn {
        passageIds = List.copyOf(passageIds);
    }
}
