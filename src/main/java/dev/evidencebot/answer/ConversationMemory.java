package dev.evidencebot.answer;

import java.util.List;

/**
 * The port to the conversations so far, which follow-ups read: in this process by default
 * ({@link LocalConversationMemory}), in Redis when replicas must share them
 * ({@link RedisConversationMemory}). Either keeps the last few turns of a conversation, each
 * answer cut to {@link #MAX_ANSWER_CHARS}, and forgets a conversation untouched for its time-to-live.
 */
public interface ConversationMemory {

    int MAX_ANSWER_CHARS = 2000;

    /** The conversation's turns, oldest first; empty when it is unknown or forgotten. */
    List<Turn> recent(String conversationId);

    void remember(String conversationId, Turn turn);

    /** The turn as it is kept: the answer's text cut, so no conversation grows without bound. */
    static Turn bounded(Turn turn) {
        String answer = turn.answer().length() > MAX_ANSWER_CHARS ? turn.answer().substring(0, MAX_ANSWER_CHARS) : turn.answer();
        return new Turn(turn.question(), turn.query(), answer, turn.passageIds());
    }
}
