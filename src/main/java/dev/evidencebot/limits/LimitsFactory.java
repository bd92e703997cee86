package dev.evidencebot.limits;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.micronaut.context.annotation.Factory;
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
    RateLimiter rateLimiter(RateLimitConfig config) {
        if (!config.enabled()) {
            return key -> Decision.ALLOWED;
        }
        return inProcess(config, TimeMeter.SYSTEM_MILLISECONDS);
    }

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
