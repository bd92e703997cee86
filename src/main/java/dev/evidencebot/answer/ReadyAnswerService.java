package dev.evidencebot.answer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.evidencebot.retrieval.KnowledgeBase;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * The application's AnswerService: the default pipeline over the knowledge base's snapshot in
 * service. A pipeline (with its gate statistics) is built for each snapshot before the snapshot
 * goes into service, so the switch after a reload costs a question nothing; each question runs
 * wholly on the one snapshot it started with. A question that comes while the first load runs
 * waits a little, then gets a clear "not ready".
 */
final class ReadyAnswerService implements AnswerService {

    /** Long enough for a restart with the index on disk; short enough that no caller hangs. */
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final KnowledgeBase knowledgeBase;
    private final Composer composer;
    private final QueryTransformer queries;
    private final AnswerSettings settings;
    /** Snapshot -> its pipeline; weak keys compare by identity and let a retired snapshot go. */
    private final Cache<KnowledgeBase.Loaded, DefaultAnswerService> pipelines = Caffeine.newBuilder().weakKeys().build();
    private volatile boolean started;
    /** One for the application: conversations carry on across corpus reloads. */
    private final ConversationMemory memory;

    ReadyAnswerService(KnowledgeBase knowledgeBase, Composer composer, QueryTransformer queries, AnswerSettings settings) {
        this.knowledgeBase = knowledgeBase;
        this.composer = composer;
        this.queries = queries;
        this.settings = settings;
        this.memory = new ConversationMemory(settings.maxTurns(), settings.maxConversations(), settings.conversationTtl());
        knowledgeBase.prepareEach(this::pipeline);
    }

    @Override
    public boolean mayWait() {
        // Only the default, in-process composer and query transformer never wait on a network.
        return !started || !(composer instanceof ExtractiveComposer) || !(queries instanceof DefaultQueryTransformer);
    }

    @Override
    public Answer answer(Question question) {
        return pipeline(knowledgeBase.await(WAIT)).answer(question);
    }

    @Override
    public Answer answer(Question question, Consumer<String> deltas) {
        return pipeline(knowledgeBase.await(WAIT)).answer(question, deltas);
    }

    private DefaultAnswerService pipeline(KnowledgeBase.Loaded loaded) {
        DefaultAnswerService pipeline = pipelines.get(loaded,
                snapshot -> new DefaultAnswerService(snapshot.retriever(), snapshot.corpus(), composer, queries, settings, memory));
        started = true;
        return pipeline;
    }
}
