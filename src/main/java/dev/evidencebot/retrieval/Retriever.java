package dev.evidencebot.retrieval;

import java.util.List;

/** Finds the passages relevant to a query, best first. */
public interface Retriever {

    List<RetrievedPassage> retrieve(String query, int limit);
}
