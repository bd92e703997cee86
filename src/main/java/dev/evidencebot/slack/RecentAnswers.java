package dev.evidencebot.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Optional;

/**
 * Answers recently sent, by answer id, with who asked and where, so "Share in channel" can re-post
 * one without carrying it in the button, and only for the person who asked. Bounded in count and
 * time: Slack's response_url itself expires after 30 minutes, so an older answer could not be shared anyway.
 */
@Singleton
@Requires(property = SlackConfig.PREFIX + ".signing-secret")
final class RecentAnswers {

    static final int MAX_ANSWERS = 500;
    static final Duration KEEP_FOR = Duration.ofMinutes(30);

    /** An answer as it was given: to whom, and where. */
    record Kept(AskedAnswer asked, Asker asker) {
    }

    private final Cache<String, Kept> answers = Caffeine.newBuilder()
            .maximumSize(MAX_ANSWERS)
            .expireAfterWrite(KEEP_FOR)
            .build();

    void remember(AskedAnswer asked, Asker asker) {
        if (asked.answer().id() != null) {
            answers.put(asked.answer().id(), new Kept(asked, asker));
        }
    }

    Optional<Kept> find(String answerId) {
        return answerId == null ? Optional.empty() : Optional.ofNullable(answers.getIfPresent(answerId));
    }
}
