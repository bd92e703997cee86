package dev.evidencebot.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import java.time.Duration;

/** Sightings in this process, each forgotten after its own time, at most {@link #MAX_KEYS} at once. */
final class LocalSightings implements Sightings {

    static final int MAX_KEYS = 150_000;

    private final Cache<String, Duration> seen = Caffeine.newBuilder()
            .maximumSize(MAX_KEYS)
            .expireAfter(Expiry.creating((String key, Duration keep) -> keep))
            .build();

    @Override
    public boolean first(String key, Duration keep) {
        return seen.asMap().putIfAbsent(key, keep) == null;
    }
}
