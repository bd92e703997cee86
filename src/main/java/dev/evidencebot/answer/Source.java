package dev.evidencebot.answer;

import dev.evidencebot.corpus.Reference;
import dev.evidencebot.evidence.Grading;
import dev.evidencebot.retrieval.RetrievedPassage;

import java.util.List;

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

    /**
     * The sentences around the passage, in reading order, that a composer may read as context:
     * any that address an assistant rather than a reader are left out ({@link InstructionScreen}).
     */
    public List<String> context() {
        return retrieved.context().stream()
                .map(neighbour -> neighbour.text())
                .filter(text -> !InstructionScreen.addressesAnAssistant(text))
                .toList();
    }

    /** What a sentence citing this source may say: the passage and its context. */
    String supportText() {
        return passageText() + " " + String.join(" ", context());
    }
}
