package dev.evidencebot.limits;

import io.github.bucket4j.TimeMeter;

import java.time.Duration;

/** A clock for buckets that moves only when the test says so: refills without sleeping. */
final class ManualClock implements TimeMeter {

    private long nanos = Duration.ofDays(1).toNanos();

    void advance(Duration by) {
        nanos += by.toNanos();
    }

    @Override
    public long currentTimeNanos() {
        return nanos;
    }

    @Override
    public boolean isWallClockBased() {
        return true;
    }
}
