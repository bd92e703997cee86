package dev.evidencebot.retrieval;

import java.util.List;

/** Finds the passages that best answer a question, best first. */
public interface Retriever {

    List<RetrievedPassage> retrieve(String query, int limit);
}
