package dev.evidencebot.ingest;

import java.time.Duration;

/** One request at a time, with at least a gap between the start of one and the start of the next. */
final class Pacer {

    private final Duration gap;
    private long lastStart = Long.MIN_VALUE;

    Pacer(Duration gap) {
        this.gap = gap;
    }

    /** Sleeps until {@code longer} (or the configured gap, whichever is more) has passed since the last request. */
    void pause(Duration longer) throws InterruptedException {
        long wait = Math.max(gap.toNanos(), longer.toNanos());
        if (lastStart != Long.MIN_VALUE && wait > 0) {
            long remaining = lastStart + wait - System.nanoTime();
            if (remaining > 0) {
                Thread.sleep(remaining / 1_000_000, (int) (remaining % 1_000_000));
            }
        }
        lastStart = System.nanoTime();
    }
}
