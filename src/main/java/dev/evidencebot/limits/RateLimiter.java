package dev.evidencebot.limits;

/**
 * The port every door asks before doing work for someone: may this key spend one more token now?
 * In process today ({@link Bucket4jRateLimiter} over a Caffeine map); the same interface can be
 * served from Redis so that replicas share one set of buckets. Keys come from {@link KeySpace},
 * which also decides how large each key's bucket is.
 */
public interface RateLimiter {

    /** Takes one token from {@code key}'s bucket if it has one; never blocks. */
    Decision tryTake(String key);
}
