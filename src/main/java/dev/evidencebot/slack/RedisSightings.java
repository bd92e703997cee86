package dev.evidencebot.slack;

import io.lettuce.core.RedisException;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sightings in Redis, shared by every replica: {@code SET key 1 NX PX keep} is the one atomic
 * "first?" across all of them. If Redis fails, this process's own memory answers, so a retry or a
 * replay is still caught when it reaches the same replica.
 */
final class RedisSightings implements Sightings {

    private static final Logger LOG = LoggerFactory.getLogger(RedisSightings.class);
    static final String PREFIX = "evidence-bot:slack-seen:";

    private final StatefulRedisConnection<String, String> redis;
    private final Sightings fallback = new LocalSightings();
    private final AtomicLong failures = new AtomicLong();

    RedisSightings(StatefulRedisConnection<String, String> redis) {
        this.redis = redis;
    }

    @Override
    public boolean first(String key, Duration keep) {
        try {
            return "OK".equals(redis.sync().set(PREFIX + key, "1", SetArgs.Builder.nx().px(keep.toMillis())));
        } catch (RedisException e) {
            long count = failures.incrementAndGet();
            if (count <= 10 || count % 100 == 0) {
                LOG.warn("Redis unavailable for Slack's seen events ({} failures so far), using this replica's memory: {}",
                        count, e.toString());
            }
            return fallback.first(key, keep);
        }
    }
}
