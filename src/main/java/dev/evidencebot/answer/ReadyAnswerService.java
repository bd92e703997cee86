package dev.evidencebot.answer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.evidencebot.retrieval.KnowledgeBase;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The application's AnswerService: the default pipeline over the knowledge base's snapshot in
 * service. A pipeline (with its gate statistics) is built for each snapshot before the snapshot
 * goes into service, so the switch after a reload costs a question nothing; each question runs
 * wholly on the one snapshot it started with. A question that comes while the first load runs
 * waits a little, then gets a clear "not ready". Every answer to a visitor's question is announced
 * as an {@link AnsweredEvent}; what listens is none of this class's business.
 *
 * <p>It also introduces the snapshot to the widget ({@link Introductions}): which examples to offer
 * depends on what this snapshot's pipeline answers, so both live with the pipelines.
 */
final class ReadyAnswerService implements AnswerService, Introductions {

    private static final Logger LOG = LoggerFactory.getLogger(ReadyAnswerService.class);

    /** Long enough for a restart with the index on disk; short enough that no caller hangs. */
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final KnowledgeBase knowledgeBase;
    private final Composer composer;
    private final QueryTransformer queries;
    private final AnswerSettings settings;
    /** Snapshot -> its pipeline; weak keys compare by identity and let a retired snapshot go. */
    private final Cache<KnowledgeBase.Loaded, DefaultAnswerService> pipelines = Caffeine.newBuilder().weakKeys().build();
    /** Snapshot -> what the widget says about it; written on first request, once per snapshot. */
    private final Cache<KnowledgeBase.Loaded, Introduction> introductions = Caffeine.newBuilder().weakKeys().build();
    private volatile boolean started;
    /** One for the application (or shared by replicas): conversations carry on across corpus reloads. */
    private final ConversationMemory memory;
    private final ConversationIds ids;
    private final Consumer<AnsweredEvent> announce;
    private final Clock clock = Clock.systemUTC();

    ReadyAnswerService(KnowledgeBase knowledgeBase, Composer composer, QueryTransformer queries, AnswerSettings settings,
                       ConversationMemory memory, ConversationIds ids, Consumer<AnsweredEvent> announce) {
        this.ids = ids;
        this.announce = announce;
        this.knowledgeBase = knowledgeBase;
        this.composer = composer;
        this.queries = queries;
        this.settings = settings;
        this.memory = memory;
        knowledgeBase.prepareEach(this::pipeline);
    }

    @Override
    public boolean mayWait() {
        // Only the default, in-process composer and query transformer never wait on a network.
        return !started || !(composer instanceof ExtractiveComposer) || !(queries instanceof DefaultQueryTransformer);
    }

    @Override
    public Answer answer(Question question) {
        long begun = System.nanoTime();
        Question checked = withIssuedConversation(question);
        return announced(checked, pipeline(knowledgeBase.await(WAIT)).answer(checked), begun);
    }

    @Override
    public Answer answer(Question question, Consumer<String> deltas) {
        long begun = System.nanoTime();
        Question checked = withIssuedConversation(question);
        return announced(checked, pipeline(knowledgeBase.await(WAIT)).answer(checked, deltas), begun);
    }

    /**
     * A visitor's door (API, stream, widget) may only continue a conversation this server issued:
     * any other id starts a new one, so nobody picks an id to read or crowd out someone else's.
     * Slack's ids are made on the server from the thread and never pass through a visitor's hands;
     * the system's own questions (eval, bench, the CLI) are trusted as they are.
     */
    private Question withIssuedConversation(Question question) {
        String door = question.origin().door();
        boolean visitor = door != null && !door.equals("slack") && !door.equals("cli");
        if (visitor && question.conversationId() != null && !ids.issued(question.conversationId())) {
            return new Question(question.text(), null, question.origin());
        }
        return question;
    }

    @Override
    public Introduction introduce() {
        if (!knowledgeBase.ready()) {
            return Introduction.GENERIC;
        }
        return introductions.get(knowledgeBase.await(WAIT),
                snapshot -> IntroductionWriter.write(snapshot.corpus(), pipeline(snapshot)::answers));
    }

    private Answer announced(Question question, Answer answer, long begun) {
        if (question.origin().door() == null) {
            return answer; // the system asking itself (eval, bench) is no visitor
        }
        try {
            announce.accept(AnsweredEvent.of(question, answer, clock.instant(), (System.nanoTime() - begun) / 1_000_000));
        } catch (RuntimeException e) {
            // a listener's trouble is never the reader's: the answer stands
            LOG.warn("announcing answer {} failed: {}", answer.id(), e.toString());
        }
        return answer;
    }

    private DefaultAnswerService pipeline(KnowledgeBase.Loaded loaded) {
        DefaultAnswerService pipeline = pipelines.get(loaded,
                snapshot -> new DefaultAnswerService(snapshot.retriever(), snapshot.corpus(), composer, queries, settings, memory, ids));
        started = true;
        return pipeline;
    }
}
