package dev.evidencebot.slack;

import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * Where Slack's short-lived state lives: seen events and signatures, open threads. In this process
 * for one replica; in Redis when REDIS_URL is set, so a retry, a replay or a thread follow-up that
 * reaches another replica is treated as the first one would have been.
 */
@Factory
@Requires(property = SlackConfig.PREFIX + ".signing-secret")
class SlackStateFactory {

    @Singleton
    @Requires(missingProperty = "redis.url")
    Sightings localSightings() {
        return new LocalSightings();
    }

    @Singleton
    @Requires(property = "redis.url")
    Sightings sharedSightings(StatefulRedisConnection<String, String> redis) {
        return new RedisSightings(redis);
    }

    @Singleton
    @Requires(property = "redis.url")
    ThreadFollowUps sharedThreadFollowUps(StatefulRedisConnection<String, String> redis) {
        return new RedisThreadFollowUps(redis);
    }
}
