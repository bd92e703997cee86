package dev.evidencebot.limits;

import dev.evidencebot.redis.LocalRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Buckets in a real Redis: two replicas' limiters share one limit, keys expire, and an outage fails open (but the model budget closed). */
class RedisRateLimiterTest {

    private LocalRedis redis;
    private RedisClient client;

    @BeforeEach
    void start() throws Exception {
        redis = LocalRedis.start();
        client = redis.client();
    }

    @AfterEach
    void stop() throws Exception {
        client.shutdown();
        if (redis != null) {
            redis.close();
        }
    }

    private StatefulRedisConnection<String, byte[]> connect() {
        return client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
    }

    @Test
    void twoReplicasShareOneLimitNotTwo() {
        RateLimiter one = LimitsFactory.inRedis(Bucket4jRateLimiterTest.config(20, 5, 0), connect());
        RateLimiter other = LimitsFactory.inRedis(Bucket4jRateLimiterTest.config(20, 5, 0), connect());
        String key = KeySpace.CLIENT.key("203.0.113.7");

        int allowed = 0;
        for (int i = 0; i < 10; i++) {
            allowed += (i % 2 == 0 ? one : other).tryTake(key).allowed() ? 1 : 0;
        }

        assertEquals(5, allowed, "the burst once across both replicas");
        Decision refused = one.tryTake(key);
        assertFalse(refused.allowed());
        assertTrue(refused.retryAfterSeconds() >= 1 && refused.retryAfterSeconds() <= 3, "wait for one token: " + refused);
        assertTrue(other.tryTake(KeySpace.CLIENT.key("198.51.100.1")).allowed(), "another visitor has their own bucket");
    }

    @Test
    void aBucketKeyExpiresInRedisOnceItWouldBeFullAgain() {
        RateLimiter limiter = LimitsFactory.inRedis(Bucket4jRateLimiterTest.config(20, 5, 0), connect());
        limiter.tryTake(KeySpace.CLIENT.key("203.0.113.7"));

        StatefulRedisConnection<String, String> plain = client.connect();
        String stored = LimitsFactory.REDIS_PREFIX + KeySpace.CLIENT.key("203.0.113.7");
        long ttl = plain.sync().pttl(stored);
        // one token spent at 20 a minute refills in 3 s; Bucket4j adds the configured second of grace
        assertTrue(ttl > 0 && ttl <= Duration.ofSeconds(10).toMillis(), "expires soon, not never: " + ttl);
        plain.close();
    }

    @Test
    void redisGoingAwayLetsVisitorsThroughButSpendsNoModelBudget() throws Exception {
        RateLimiter limiter = LimitsFactory.inRedis(Bucket4jRateLimiterTest.config(20, 5, 100), connect());
        assertTrue(limiter.tryTake(KeySpace.MODEL_CALLS.key()).allowed());

        redis.close();
        redis = null;

        assertTrue(limiter.tryTake(KeySpace.CLIENT.key("203.0.113.7")).allowed(), "a limiter outage is no bot outage");
        assertFalse(limiter.tryTake(KeySpace.MODEL_CALLS.key()).allowed(), "money is not spent blind");
    }
}
