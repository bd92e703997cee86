package dev.evidencebot.answer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The last turns of each conversation in this process, bounded three ways: turns per
 * conversation, characters kept per turn, and conversations overall (least recently used go
 * first, and any untouched for the time-to-live). Losing it on restart only costs a follow-up its
 * context. One replica's memory: several replicas share {@link RedisConversationMemory} instead.
 */
final class LocalConversationMemory implements ConversationMemory {

    private final Cache<String, List<Turn>> conversations;
    private final int maxTurns;

    LocalConversationMemory(int maxTurns, int maxConversations, Duration ttl) {
        this.maxTurns = maxTurns;
        this.conversations = Caffeine.newBuilder()
                .maximumSize(maxConversations)
                .expireAfterAccess(ttl)
                .build();
    }

    @Override
    public List<Turn> recent(String conversationId) {
        List<Turn> turns = conversations.getIfPresent(conversationId);
        return turns == null ? List.of() : turns;
    }

    @Override
    public void remember(String conversationId, Turn turn) {
        Turn bounded = ConversationMemory.bounded(turn);
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
