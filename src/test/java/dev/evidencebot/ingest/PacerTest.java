package dev.evidencebot.ingest;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTrue;

class PacerTest {

    @Test
    void theFirstRequestGoesAtOnceAndTheNextWaitsTheGap() throws Exception {
        Pacer pacer = new Pacer(Duration.ofMillis(150));

        long start = System.nanoTime();
        pacer.pause(Duration.ZERO);
        long first = System.nanoTime() - start;
        pacer.pause(Duration.ZERO);
        long second = System.nanoTime() - start;

        assertTrue(first < 100_000_000L, "first waited " + first);
        assertTrue(second >= 150_000_000L, "second came after " + second);
    }

    @Test
    void aLongerCrawlDelayWins() throws Exception {
        Pacer pacer = new Pacer(Duration.ZERO);

        pacer.pause(Duration.ZERO);
        long start = System.nanoTime();
        pacer.pause(Duration.ofMillis(120));

        assertTrue(System.nanoTime() - start >= 100_000_000L);
    }
}
