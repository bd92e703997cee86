package dev.evidencebot.api;

import dev.evidencebot.limits.Decision;
import dev.evidencebot.limits.KeySpace;
import dev.evidencebot.limits.RateLimiter;
import jakarta.inject.Singleton;

/**
 * The API's rate limits, each checked before the work it guards: a question costs a token from
 * its client's bucket and, when it continues a conversation, from that conversation's too.
 */
@Singleton
final class ApiLimits {

    static final String TOO_MANY_QUESTIONS = "too many questions";
    static final String TOO_MUCH_FEEDBACK = "too much feedback";

    private final RateLimiter limiter;

    ApiLimits(RateLimiter limiter) {
        this.limiter = limiter;
    }

    /**
     * Taken before the body is read, so malformed requests are limited like any other: a flood of
     * garbage must not cost more than a flood of questions.
     */
    void question(String client) {
        check(KeySpace.CLIENT.key(client), TOO_MANY_QUESTIONS);
    }

    /** A conversation's own limit holds whatever IP its questions come from; null: a new conversation. */
    void conversation(String conversationId) {
        if (conversationId != null) {
            check(KeySpace.CONVERSATION.key(conversationId), TOO_MANY_QUESTIONS + " in this conversation");
        }
    }

    void feedback(String client) {
        check(KeySpace.FEEDBACK.key(client), TOO_MUCH_FEEDBACK);
    }

    private void check(String key, String what) {
        Decision decision = limiter.tryTake(key);
        if (!decision.allowed()) {
            throw new TooManyRequestsException(what, decision.retryAfterSeconds());
        }
    }
}
