package dev.evidencebot.limits;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.List;

/**
 * The rate limiter the doors share: Bucket4j buckets in a bounded in-process map, or, with
 * {@code rate-limit.enabled=false}, one that lets everything through; and which proxies may say
 * who the client is.
 */
@Factory
class LimitsFactory {

    /**
     * A bucket is dropped from memory once it would have refilled completely: a full bucket and no
     * bucket behave the same, so forgetting it loses nothing. maxKeys bounds memory under a flood
     * of distinct keys; evicting a partly spent bucket then errs towards letting someone through.
     */
    @Singleton
    @Requires(missingProperty = "redis.url")
    RateLimiter rateLimiter(RateLimitConfig config) {
        if (!config.enabled()) {
            return key -> Decision.ALLOWED;
        }
        return inProcess(config, TimeMeter.SYSTEM_MILLISECONDS);
    }

    /**
     * With REDIS_URL set the buckets live in Redis, so N replicas let through the limit, not N
     * times it (LiteLLM #2730). Bucket4j's compare-and-swap over Lettuce: each take is a read and
     * a conditional write of the bucket's state, retried on a race. A key expires from Redis once
     * its bucket would be full again, as in memory. Time is this replica's clock.
     */
    @Singleton
    @Requires(property = "redis.url")
    RateLimiter sharedRateLimiter(RateLimitConfig config, StatefulRedisConnection<String, byte[]> redis) {
        if (!config.enabled()) {
            return key -> Decision.ALLOWED;
        }
        return inRedis(config, redis);
    }

    static RateLimiter inRedis(RateLimitConfig config, StatefulRedisConnection<String, byte[]> redis) {
        ProxyManager<String> buckets = Bucket4jLettuce.casBasedBuilder(redis)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(1)))
                .build();
        return new Bucket4jRateLimiter(buckets, REDIS_PREFIX, config);
    }

    static final String REDIS_PREFIX = "evidence-bot:rate:";

    /** Checked at startup, so a typo in TRUSTED_PROXIES fails the start rather than every request. */
    @Singleton
    TrustedProxies trustedProxies(@Value("${" + TrustedProxies.PROPERTY + ":}") List<String> entries) {
        return TrustedProxies.parse(entries);
    }

    /** The in-process limiter on {@code clock}; tests pass a clock they move by hand. */
    static RateLimiter inProcess(RateLimitConfig config, TimeMeter clock) {
        var buckets = Bucket4jCaffeine.<String>builderFor(Caffeine.newBuilder().maximumSize(config.maxKeys()))
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                .clientClock(clock)
                .build();
        return new Bucket4jRateLimiter(buckets, config);
    }
}
