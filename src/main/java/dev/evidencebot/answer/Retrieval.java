package dev.evidencebot.answer;

import dev.evidencebot.retrieval.RetrievedPassage;

import java.util.List;

/**
 * What the pipeline found for one question before anything is written.
 *
 * @param query    the standalone query that was retrieved for (remembered for follow-ups)
 * @param topic    the words that name what is asked about, for the answer's own sentences
 * @param ranked   every candidate retrieval returned, best first: the nearest topics of an abstention
 * @param relevant the passages to answer from, best first; empty to abstain
 */
record Retrieval(String query, String topic, List<RetrievedPassage> ranked, List<RetrievedPassage> relevant) {

    Retrieval {
        ranked = List.copyOf(ranked);
        relevant = List.copyOf(relevant);
    }
}
