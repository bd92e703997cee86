package dev.evidencebot.limits;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Bucket4jRateLimiterTest {

    private final ManualClock clock = new ManualClock();

    static RateLimitConfig config(int perMinute, int burst, int modelCallsPerHour) {
        return new RateLimitConfig(true, perMinute, burst, 10, 5, 30, 10, 10, 5, modelCallsPerHour, 1000);
    }

    @Test
    void theBurstPassesThenTheNextIsRefusedWithTheWaitForOneToken() {
        // given the defaults: 20 a minute, 5 back to back
        RateLimiter limiter = LimitsFactory.inProcess(config(20, 5, 0), clock);
        String key = KeySpace.CLIENT.key("203.0.113.7");

        // when 5 questions arrive at once, then a sixth
        for (int i = 0; i < 5; i++) {
            assertTrue(limiter.tryTake(key).allowed(), "question " + (i + 1));
        }
        Decision sixth = limiter.tryTake(key);

        // then the sixth waits for one greedy refill: 60 s / 20 = 3 s
        assertFalse(sixth.allowed());
        assertEquals(3, sixth.retryAfterSeconds());
    }

    @Test
    void afterTheWaitItSaidOneMoreIsAllowedAndOnlyOne() {
        RateLimiter limiter = LimitsFactory.inProcess(config(20, 5, 0), clock);
        String key = KeySpace.CLIENT.key("203.0.113.7");
        for (int i = 0; i < 5; i++) {
            limiter.tryTake(key);
        }
        Decision refused = limiter.tryTake(key);

        clock.advance(Duration.ofSeconds(refused.retryAfterSeconds()));

        assertTrue(limiter.tryTake(key).allowed());
        assertFalse(limiter.tryTake(key).allowed(), "one token came back, not the burst");
    }

    @Test
    void aQuietMinuteRefillsTheWholeBurstButNoMore() {
        RateLimiter limiter = LimitsFactory.inProcess(config(20, 5, 0), clock);
        String key = KeySpace.CLIENT.key("203.0.113.7");
        for (int i = 0; i < 5; i++) {
            limiter.tryTake(key);
        }

        clock.advance(Duration.ofMinutes(10));

        for (int i = 0; i < 5; i++) {
            assertTrue(limiter.tryTake(key).allowed());
        }
        assertFalse(limiter.tryTake(key).allowed(), "capacity is the burst, however long the pause");
    }

    @Test
    void keysAndKeySpacesHaveTheirOwnBuckets() {
        RateLimiter limiter = LimitsFactory.inProcess(config(20, 1, 0), clock);
        assertTrue(limiter.tryTake(KeySpace.CLIENT.key("203.0.113.7")).allowed());
        assertFalse(limiter.tryTake(KeySpace.CLIENT.key("203.0.113.7")).allowed());

        assertTrue(limiter.tryTake(KeySpace.CLIENT.key("203.0.113.8")).allowed(), "another client");
        assertTrue(limiter.tryTake(KeySpace.FEEDBACK.key("203.0.113.7")).allowed(), "feedback is counted apart");
    }

    @Test
    void theModelBudgetIsAnHourlyAmountThatMaySpendAtOnce() {
        RateLimiter limiter = LimitsFactory.inProcess(config(20, 5, 3), clock);
        String key = KeySpace.MODEL_CALLS.key();
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.tryTake(key).allowed());
        }
        Decision spent = limiter.tryTake(key);

        assertFalse(spent.allowed());
        assertEquals(20 * 60, spent.retryAfterSeconds(), "an hour / 3 calls");
    }

    @Test
    void aModelBudgetOfZeroMeansNone() {
        RateLimiter limiter = LimitsFactory.inProcess(config(20, 5, 0), clock);
        for (int i = 0; i < 100; i++) {
            assertTrue(limiter.tryTake(KeySpace.MODEL_CALLS.key()).allowed());
        }
    }

    @Test
    void disabledLimitsLetEverythingThrough() {
        RateLimitConfig off = new RateLimitConfig(false, 1, 1, 1, 1, 1, 1, 1, 1, 1, 10);
        RateLimiter limiter = new LimitsFactory().rateLimiter(off);
        for (int i = 0; i < 100; i++) {
            assertTrue(limiter.tryTake(KeySpace.CLIENT.key("203.0.113.7")).allowed());
        }
    }

    @Test
    void aZeroBurstIsAStartupErrorNamingTheSetting() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> LimitsFactory.inProcess(config(20, 0, 0), clock));
        assertTrue(error.getMessage().contains("rate-limit.per-minute / burst must be at least 1"), error.getMessage());
    }

    @Test
    void aKeyFromNoSpaceIsAProgrammingError() {
        RateLimiter limiter = LimitsFactory.inProcess(config(20, 5, 0), clock);
        assertThrows(IllegalArgumentException.class, () -> limiter.tryTake("clients:203.0.113.7"));
    }
}
