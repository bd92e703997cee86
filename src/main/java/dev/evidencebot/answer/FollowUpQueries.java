package dev.evidencebot.answer;

import dev.evidencebot.index.TextTerms;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns a follow-up into a query that stands on its own, without a language model: a question
 * that leans on the previous turn ("was that in humans?") is retrieved together with the query of
 * that turn. A question that names its own topic is left alone, so a change of subject works.
 */
final class FollowUpQueries {

    /** Words that point at something said before: the question is about the previous topic. */
    private static final String REFERS_BACK = "\\b(that|this|it|its|they|them|those|these|he|she|the study|the same)\\b";
    private static final Pattern POINTS_BACK = Pattern.compile(REFERS_BACK);
    private static final Pattern ANAPHORA = Pattern.compile("^(and|but|also|so|what about|how about)\\b|" + REFERS_BACK);
    /** A question with this few content terms rarely names a topic of its own. */
    private static final int SHORT = 3;

    private FollowUpQueries() {
    }

    /** Whether the question points back at the previous turn ("was that in humans?") rather than naming a topic. */
    static boolean pointsBack(String question) {
        return POINTS_BACK.matcher(question.toLowerCase(Locale.ROOT)).find();
    }

    static String standalone(String question, List<Turn> history) {
        if (history.isEmpty()) {
            return question;
        }
        String lower = question.toLowerCase(Locale.ROOT).strip();
        boolean leans = ANAPHORA.matcher(lower).find() || TextTerms.of(question).size() <= SHORT;
        if (!leans) {
            return question;
        }
        Turn previous = history.get(history.size() - 1);
        return previous.query() + " " + question;
    }
}
