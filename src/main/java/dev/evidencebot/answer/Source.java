package dev.evidencebot.answer;

import dev.evidencebot.corpus.Article;
import dev.evidencebot.corpus.CitationMarkers;
import dev.evidencebot.corpus.Reference;
import dev.evidencebot.evidence.Grading;
import dev.evidencebot.retrieval.RetrievedPassage;

import java.util.List;

/**
 * A numbered source offered to a composer: one retrieved passage and one reference it cites, or
 * the passage alone when it cites nothing. The system numbers sources; composers may only use
 * these numbers, and {@link GroundedSentences} removes any sentence that uses another.
 *
 * <p>A passage of a primary source cites the document itself: its reference describes the
 * document ({@link PrimarySources}) and its grading is the document's own.
 *
 * @param reference null when the passage carries no citation marker
 */
public record Source(int number, RetrievedPassage retrieved, Reference reference, Grading grading) {

    /** The article the passage comes from. */
    public Article article() {
        return retrieved.article().article();
    }

    /** Whether the source is a finding of a document that is itself the study. */
    public boolean primary() {
        return article().primarySource();
    }

    /** One key per study, however many passages cite it: the reference, or the passage when it cites none. */
    String key() {
        return reference == null ? retrieved.passage().id() : article().id() + "#" + reference.number();
    }

    /** The passage as shown with the system's [n] after it: without the article's own markers, so none shows twice. */
    public String passageText() {
        return CitationMarkers.strip(retrieved.passage().text());
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
