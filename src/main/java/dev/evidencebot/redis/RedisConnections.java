package dev.evidencebot.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * One Redis client for the state replicas share, made only when {@code redis.url} (env
 * REDIS_URL, e.g. redis://localhost:6379/0) is set; without it every piece of state stays in
 * process. Lettuce connections are thread-safe and multiplexed: one of each codec serves all.
 * Commands time out after {@code redis.timeout} (default 1 s) rather than Lettuce's minute, so a
 * stalled Redis slows an answer, never hangs it.
 */
@Factory
@Requires(property = "redis.url")
class RedisConnections {

    @Singleton
    @Bean(preDestroy = "shutdown")
    RedisClient redisClient(@Value("${redis.url}") String url, @Value("${redis.timeout:1s}") Duration timeout) {
        return client(url, timeout);
    }

    /** A client with this application's options (tests make theirs here too, so they run with the same). */
    static RedisClient client(String url, Duration timeout) {
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(timeout);
        RedisClient client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                // while disconnected, fail at once instead of queueing commands until Redis returns
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build());
        return client;
    }

    /** Text keys and values: conversation memory. */
    @Singleton
    @Bean(preDestroy = "close")
    StatefulRedisConnection<String, String> text(RedisClient client) {
        return client.connect();
    }

    /** Text keys, byte values: Bucket4j's rate-limit buckets (their state is Bucket4j's own bytes). */
    @Singleton
    @Bean(preDestroy = "close")
    StatefulRedisConnection<String, byte[]> bytes(RedisClient client) {
        return client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
    }
}
