package dev.evidencebot.answer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The last turns of each conversation, in memory, bounded three ways: turns per conversation,
 * characters kept per turn, and conversations overall (least recently used go first, and any
 * untouched for the time-to-live). Losing it on restart only costs a follow-up its context.
 */
final class ConversationMemory {

    private static final int MAX_ANSWER_CHARS = 2000;

    private final Cache<String, List<Turn>> conversations;
    private final int maxTurns;

    ConversationMemory(int maxTurns, int maxConversations, Duration ttl) {
        this.maxTurns = maxTurns;
        this.conversations = Caffeine.newBuilder()
                .maximumSize(maxConversations)
                .expireAfterAccess(ttl)
                .build();
    }

    List<Turn> recent(String conversationId) {
        List<Turn> turns = conversations.getIfPresent(conversationId);
        return turns == null ? List.of() : turns;
    }

    void remember(String conversationId, Turn turn) {
        String answer = turn.answer().length() > MAX_ANSWER_CHARS ? turn.answer().substring(0, MAX_ANSWER_CHARS) : turn.answer();
        Turn bounded = new Turn(turn.question(), turn.query(), answer, turn.passageIds());
        conversations.asMap().compute(conversationId, (id, turns) -> {
            List<Turn> next = new ArrayList<>(turns == null ? List.of() : turns);
            next.add(bounded);
            while (next.size() > maxTurns) {
                next.remove(0);
            }
            return List.copyOf(next);
        });
    }
}
