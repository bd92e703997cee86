package dev.evidencebot.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * Open threads in this process: thread -> follow-ups used. Bounded in count and time, so a busy
 * workspace cannot grow it; a thread forgotten early only means its next follow-up needs a mention.
 */
@Singleton
@Requires(property = SlackConfig.PREFIX + ".signing-secret")
@Requires(missingProperty = "redis.url") // several replicas share them in Redis instead (RedisThreadFollowUps)
final class LocalThreadFollowUps implements ThreadFollowUps {

    static final int MAX_THREADS = 10_000;

    private final Cache<String, Integer> used = Caffeine.newBuilder()
            .maximumSize(MAX_THREADS)
            // written at each answer, so the window runs from the bot's last answer in the thread
            .expireAfterWrite(WINDOW)
            .build();

    @Override
    public void open(String thread) {
        used.put(thread, 0);
    }

    @Override
    public boolean claim(String thread) {
        boolean[] claimed = {false};
        used.asMap().computeIfPresent(thread, (key, count) -> {
            if (count >= MAX_FOLLOW_UPS) {
                return count;
            }
            claimed[0] = true;
            return count + 1;
        });
        return claimed[0];
    }
}
