package dev.evidencebot.index;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProgressLogTest {

    @Test
    void aLineEveryIntervalWithRateAndTimeLeftAndOneAtTheEnd() {
        AtomicLong clock = new AtomicLong();
        List<String> lines = new ArrayList<>();
        ProgressLog log = new ProgressLog("indexing", "passages", lines::add, Duration.ofSeconds(5), clock::get);

        clock.set(Duration.ofSeconds(2).toNanos());
        log.advanced(200, 1000);      // too soon for a line
        clock.set(Duration.ofSeconds(5).toNanos());
        log.advanced(500, 1000);
        clock.set(Duration.ofSeconds(10).toNanos());
        log.advanced(1000, 1000);

        assertEquals(List.of(
                "indexing: 500 / 1,000 passages (50%), 100 passages/s, about 5s left",
                "indexing: 1,000 / 1,000 passages (100%), 100 passages/s, done in 10s"), lines);
    }

    @Test
    void workShorterThanTheIntervalPrintsNothingAndTheEndIsSaidOnce() {
        AtomicLong clock = new AtomicLong();
        List<String> lines = new ArrayList<>();
        ProgressLog quick = new ProgressLog("abstract vectors", "abstracts", lines::add, Duration.ofSeconds(5), clock::get);
        clock.set(Duration.ofMillis(300).toNanos());
        quick.advanced(5, 5);
        quick.advanced(5, 5);

        ProgressLog slow = new ProgressLog("indexing", "passages", lines::add, Duration.ofSeconds(5), clock::get);
        clock.set(Duration.ofSeconds(6).toNanos());
        slow.advanced(10, 10);
        slow.advanced(10, 10);

        assertEquals(1, lines.size(), lines.toString());
        assertEquals("indexing: 10 / 10 passages (100%), 2 passages/s, done in 5s", lines.get(0));
    }

    @Test
    void longDurationsReadAsMinutesAndHours() {
        assertEquals("3m 20s", ProgressLog.duration(Duration.ofSeconds(200)));
        assertEquals("1h 5m", ProgressLog.duration(Duration.ofMinutes(65)));
    }
}
