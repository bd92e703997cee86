package dev.evidencebot.answer;

import dev.evidencebot.retrieval.KnowledgeBase;
import dev.evidencebot.secrets.KeptSecrets;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;

import java.nio.file.Path;
import java.time.Duration;

/** Wires the answer pipeline from configuration; a configured language model replaces the default composer. */
@Factory
class AnswerFactory {

    @Singleton
    @Requires(missingBeans = Composer.class)
    Composer extractiveComposer() {
        return new ExtractiveComposer();
    }

    @Singleton
    @Requires(missingBeans = QueryTransformer.class)
    QueryTransformer defaultQueryTransformer() {
        return new DefaultQueryTransformer();
    }

    @Singleton
    AnswerSettings answerSettings(@Value("${answer.relevance-model:}") String relevanceModel,
                                  @Value("${answer.relevance-shift:0}") double shift,
                                  @Value("${answer.margin:0.06}") double margin,
                                  @Value("${answer.full-coverage-margin:0.15}") double fullCoverageMargin,
                                  @Value("${answer.strength-margin:1.0}") double strengthMargin,
                                  @Value("${answer.max-passages:4}") int maxPassages,
                                  @Value("${conversation.max-turns:6}") int maxTurns,
                                  @Value("${conversation.max-conversations:10000}") int maxConversations,
                                  @Value("${conversation.ttl:30m}") Duration ttl) {
        // The shipped models unless recalibrated ones are configured; a shift moves only the operating points.
        RelevanceModels models = RelevanceModels.load(relevanceModel).shifted(shift);
        return new AnswerSettings(new RelevanceGate.RelevanceSettings(margin, fullCoverageMargin, strengthMargin, maxPassages), models,
                maxTurns, maxConversations, ttl);
    }

    /**
     * The key that signs conversation ids: {@code conversation.key} (env CONVERSATION_KEY; replicas
     * must share one), else a random one kept in the data directory, 0600.
     */
    @Singleton
    ConversationIds conversationIds(@Value("${conversation.key:}") String key, @Value("${data.path:data}") String dataPath,
                                    @Value("${app.base-dir:}") String baseDir) {
        return new ConversationIds(key.isBlank()
                ? KeptSecrets.readOrCreate(Path.of(baseDir).resolve(dataPath).resolve("conversation.key"), "conversation.key")
                : key);
    }

    /** Conversations in this process: one replica, or no REDIS_URL. */
    @Singleton
    @Requires(missingProperty = "redis.url")
    ConversationMemory localConversationMemory(AnswerSettings settings) {
        return new LocalConversationMemory(settings.maxTurns(), settings.maxConversations(), settings.conversationTtl());
    }

    /** Conversations in Redis (REDIS_URL set), so a follow-up may land on any replica. */
    @Singleton
    @Requires(property = "redis.url")
    ConversationMemory redisConversationMemory(AnswerSettings settings, StatefulRedisConnection<String, String> redis) {
        return new RedisConversationMemory(redis, settings.maxTurns(), settings.conversationTtl());
    }

    /**
     * Created with the application (@Context), so every snapshot of the knowledge base, the first
     * included, has its pipeline built before it goes into service and /health turns 200 only when
     * an answer costs no more than answering; until then every question gets a clear "not ready".
     */
    @io.micronaut.context.annotation.Context
    AnswerService answerService(KnowledgeBase knowledgeBase, Composer composer, QueryTransformer queries,
                                AnswerSettings settings, ConversationMemory memory, ConversationIds ids,
                                ApplicationEventPublisher<AnsweredEvent> events) {
        return new ReadyAnswerService(knowledgeBase, composer, queries, settings, memory, ids, events::publishEvent);
    }

    /**
     * The widget's introduction comes from the pipelines the answer service keeps per snapshot (which
     * examples it answers). An answer service put in its place (tests, another pipeline) has none:
     * the widget then greets generically.
     */
    @Singleton
    Introductions introductions(AnswerService answers) {
        return answers instanceof Introductions own ? own : () -> Introduction.GENERIC;
    }
}
