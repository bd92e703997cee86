package dev.evidencebot.answer;

import java.util.List;

/** The heuristic, model-free transformer: see {@link FollowUpQueries}. Also every model's fallback. */
public final class DefaultQueryTransformer implements QueryTransformer {

    @Override
    public String transform(String question, List<Turn> history) {
        return FollowUpQueries.standalone(question, history);
    }
}
