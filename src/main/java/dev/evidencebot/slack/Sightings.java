package dev.evidencebot.slack;

import java.time.Duration;

/**
 * Keys seen before, for a while: an event id, a channel and timestamp, a request's signature. One
 * verb, atomic, so of two copies racing in (a retry, a replay, a mention arriving twice) exactly
 * one is the first. In this process by default; in Redis when replicas share state
 * ({@link RedisSightings}), so a retry or a replay that reaches the other replica is still known.
 */
interface Sightings {

    /** True the first time {@code key} is seen within {@code keep}, false every other time. */
    boolean first(String key, Duration keep);
}
