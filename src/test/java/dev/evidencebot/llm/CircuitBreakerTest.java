package dev.evidencebot.llm;

import dev.evidencebot.testing.MovableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CircuitBreakerTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(30), clock);

    @Test
    void opensAfterConsecutiveFailuresThenAdmitsOneTrial() {
        // given three failures in a row
        for (int i = 0; i < 3; i++) {
            assertTrue(breaker.allow());
            breaker.failed();
        }

        // then no call goes out while open
        assertFalse(breaker.allow());
        clock.advance(Duration.ofSeconds(29));
        assertFalse(breaker.allow());

        // when the wait is over, exactly one trial goes out
        clock.advance(Duration.ofSeconds(2));
        assertTrue(breaker.allow());
        assertFalse(breaker.allow());

        // and its success closes the breaker
        breaker.succeeded();
        assertTrue(breaker.allow());
    }

    @Test
    void aFailedTrialReopensAtOnce() {
        for (int i = 0; i < 3; i++) {
            breaker.failed();
        }
        clock.advance(Duration.ofSeconds(31));
        assertTrue(breaker.allow());

        breaker.failed();

        assertFalse(breaker.allow());
    }

    @Test
    void aTrialThatNeverWentOutLeavesTheNextCallFreeToBeTheTrial() {
        // given an open breaker whose wait is over, and a trial admitted but not sent (budget spent)
        for (int i = 0; i < 3; i++) {
            breaker.failed();
        }
        clock.advance(Duration.ofSeconds(31));
        assertTrue(breaker.allow());

        breaker.noVerdict();

        // then the next call is the trial, rather than the breaker waiting forever on the first
        assertTrue(breaker.allow());
        assertFalse(breaker.allow());
    }

    @Test
    void aSuccessResetsTheCount() {
        breaker.failed();
        breaker.failed();
        breaker.succeeded();
        breaker.failed();
        breaker.failed();
        assertTrue(breaker.allow());
    }
}
