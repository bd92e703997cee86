package dev.evidencebot.answer;

import java.time.Duration;

/** Tunables of the answer pipeline, bound from configuration by the factory. */
record AnswerSettings(
        RelevanceGate.RelevanceSettings relevance,
        RelevanceModel relevanceModel,
        int maxTurns,
        int maxConversations,
        Duration conversationTtl) {
}
