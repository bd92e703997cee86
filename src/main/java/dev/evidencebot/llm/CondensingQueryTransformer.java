package dev.evidencebot.llm;

import dev.evidencebot.answer.QueryTransformer;
import dev.evidencebot.answer.Turn;

import java.util.List;

/**
 * Asks the model to rewrite a follow-up and the conversation into one standalone query before
 * retrieval. A first question is left as it is (no call); any fault, or a reply that is no usable
 * query, falls back to the heuristic transformer, so retrieval always gets a query.
 */
final class CondensingQueryTransformer implements QueryTransformer {

    /** A usable query is one line and not an essay. */
    private static final int MAX_QUERY = 300;

    private final GuardedModel model;
    private final QueryTransformer fallback;

    CondensingQueryTransformer(GuardedModel model, QueryTransformer fallback) {
        this.model = model;
        this.fallback = fallback;
    }

    @Override
    public String transform(String question, List<Turn> history) {
        if (history.isEmpty()) {
            return question;
        }
        try {
            String query = model.chat(Prompts.condense(question, history)).strip();
            if (query.length() >= 2 && query.startsWith("\"") && query.endsWith("\"")) {
                query = query.substring(1, query.length() - 1).strip();
            }
            if (query.isEmpty() || query.length() > MAX_QUERY || query.contains("\n")) {
                return fallback.transform(question, history);
            }
            return query;
        } catch (ModelFailure failure) {
            return fallback.transform(question, history);
        }
    }
}
