package dev.evidencebot.answer;

import dev.evidencebot.retrieval.KnowledgeBase;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * The application's AnswerService: the default pipeline, created once the knowledge base has
 * loaded. A question that comes while it loads waits a little, then gets a clear "not ready".
 */
final class ReadyAnswerService implements AnswerService {

    /** Long enough for a restart with the index on disk; short enough that no caller hangs. */
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final KnowledgeBase knowledgeBase;
    private final Composer composer;
    private final QueryTransformer queries;
    private final AnswerSettings settings;
    private volatile DefaultAnswerService pipeline;

    ReadyAnswerService(KnowledgeBase knowledgeBase, Composer composer, QueryTransformer queries, AnswerSettings settings) {
        this.knowledgeBase = knowledgeBase;
        this.composer = composer;
        this.queries = queries;
        this.settings = settings;
    }

    @Override
    public boolean mayWait() {
        // Only the default, in-process composer and query transformer never wait on a network.
        return pipeline == null || !(composer instanceof ExtractiveComposer) || !(queries instanceof DefaultQueryTransformer);
    }

    @Override
    public Answer answer(Question question) {
        return pipeline().answer(question);
    }

    @Override
    public Answer answer(Question question, Consumer<String> deltas) {
        return pipeline().answer(question, deltas);
    }

    private DefaultAnswerService pipeline() {
        DefaultAnswerService current = pipeline;
        if (current == null) {
            synchronized (this) {
                if (pipeline == null) {
                    KnowledgeBase.Loaded loaded = knowledgeBase.await(WAIT);
                    pipeline = new DefaultAnswerService(loaded.retriever(), loaded.corpus(), composer, queries, settings);
                }
                current = pipeline;
            }
        }
        return current;
    }
}
