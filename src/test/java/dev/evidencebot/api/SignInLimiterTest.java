package dev.evidencebot.api;

import dev.evidencebot.testing.MovableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignInLimiterTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-06-01T12:00:00Z"));
    private final SignInLimiter limiter = new SignInLimiter(clock);

    @Test
    void anAddressWaitsAfterTooManyWrongTokensUntilTheWindowPasses() {
        for (int i = 0; i < SignInLimiter.MAX_FAILURES - 1; i++) {
            limiter.failed("10.0.0.1");
        }
        assertEquals(Duration.ZERO, limiter.wait("10.0.0.1"), "still allowed");

        limiter.failed("10.0.0.1");
        assertTrue(limiter.wait("10.0.0.1").compareTo(Duration.ZERO) > 0);
        assertEquals(Duration.ZERO, limiter.wait("10.0.0.2"), "other addresses are not held back");

        clock.advance(SignInLimiter.WINDOW);
        assertEquals(Duration.ZERO, limiter.wait("10.0.0.1"));
    }

    @Test
    void aRightTokenForgetsThePastFailures() {
        for (int i = 0; i < SignInLimiter.MAX_FAILURES - 1; i++) {
            limiter.failed("10.0.0.1");
        }
        limiter.succeeded("10.0.0.1");
        limiter.failed("10.0.0.1");

        assertEquals(Duration.ZERO, limiter.wait("10.0.0.1"));
    }
}
