package dev.evidencebot.llm;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CircuitBreakerTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2025-01-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();
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
        clock.now = clock.now.plusSeconds(29);
        assertFalse(breaker.allow());

        // when the wait is over, exactly one trial goes out
        clock.now = clock.now.plusSeconds(2);
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
        clock.now = clock.now.plusSeconds(31);
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
        clock.now = clock.now.plusSeconds(31);
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
