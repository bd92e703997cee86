package dev.evidencebot.answer;

import java.time.Duration;

/** Tunables of the answer pipeline, bound from configuration by the factory. */
record AnswerSettings(
        RelevanceGate.RelevanceSettings relevance,
        RelevanceModels relevanceModels,
        int maxTurns,
        int maxConversations,
        Duration conversationTtl) {
}
