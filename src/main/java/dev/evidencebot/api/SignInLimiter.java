package dev.evidencebot.api;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A mild brake on guessing the admin token, whichever way it is tried (a bearer token, or signing
 * in to /admin): after {@link #MAX_FAILURES} wrong tokens from one
 * address within {@link #WINDOW}, that address waits for the window to pass. Mild on purpose:
 * behind a proxy every editor shares one address, and a long token is not guessable anyway.
 */
@Singleton
public final class SignInLimiter {

    public static final int MAX_FAILURES = 10;
    public static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int MAX_ADDRESSES = 10_000;

    private final Clock clock;
    private final Map<String, Failures> failures = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
            return size() > MAX_ADDRESSES; // bounded: a flood of addresses forgets the least recent
        }
    };

    @Inject
    SignInLimiter() {
        this(Clock.systemUTC());
    }

    SignInLimiter(Clock clock) {
        this.clock = clock;
    }

    /** How long this address must wait before trying again; zero when it may try now. */
    public synchronized Duration wait(String address) {
        Failures seen = failures.get(address);
        Instant now = clock.instant();
        if (seen == null || !seen.until().isAfter(now)) {
            return Duration.ZERO;
        }
        return seen.count() >= MAX_FAILURES ? Duration.between(now, seen.until()) : Duration.ZERO;
    }

    public synchronized void failed(String address) {
        Instant now = clock.instant();
        Failures seen = failures.get(address);
        failures.put(address, seen == null || !seen.until().isAfter(now)
                ? new Failures(1, now.plus(WINDOW)) : new Failures(seen.count() + 1, seen.until()));
    }

    public synchronized void succeeded(String address) {
        failures.remove(address);
    }

    private record Failures(int count, Instant until) {
    }
}
