package dev.evidencebot.answer;

import dev.evidencebot.corpus.Reference;
import dev.evidencebot.evidence.Grading;
import dev.evidencebot.retrieval.RetrievedPassage;

/**
 * A numbered source offered to a composer: one retrieved passage and one reference it cites, or
 * the passage alone when it cites nothing. The system numbers sources; composers may only use
 * these numbers, and {@link GroundedSentences} removes any sentence that uses another.
 *
 * @param reference null when the passage carries no citation marker
 */
public record Source(int number, RetrievedPassage retrieved, Reference reference, Grading grading) {

    public String passageText() {
        return retrieved.passage().text();
    }
}
