package dev.evidencebot.index;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Progress as plain lines, one every few seconds and one at the end (none for work shorter than
 * the interval): what a log file or a pipe wants, where a redrawn bar would be noise. "indexing: 12,288 / 44,671 passages (27%), 162
 * passages/s, about 3m 20s left".
 */
public final class ProgressLog implements IndexProgress {

    private final String what;
    private final String unit;
    private final Consumer<String> lines;
    private final long intervalNanos;
    private final LongSupplier clock;
    private final long start;
    private long lastLine;
    private boolean anyLine;
    private boolean finished;

    /**
     * @param what the work, at the start of each line ("indexing")
     * @param unit what is counted, plural ("passages")
     */
    public ProgressLog(String what, String unit, Consumer<String> lines, Duration interval) {
        this(what, unit, lines, interval, System::nanoTime);
    }

    ProgressLog(String what, String unit, Consumer<String> lines, Duration interval, LongSupplier clock) {
        this.what = what;
        this.unit = unit;
        this.lines = lines;
        this.intervalNanos = interval.toNanos();
        this.clock = clock;
        this.start = clock.getAsLong();
        this.lastLine = start;
    }

    @Override
    public synchronized void advanced(long done, long total) {
        long now = clock.getAsLong();
        if (done < total && now - lastLine < intervalNanos) {
            return;
        }
        if (done >= total) {
            // one closing line, and none at all for work done before the first line was due
            if (finished || (!anyLine && now - start < intervalNanos)) {
                finished = true;
                return;
            }
            finished = true;
        }
        lastLine = now;
        anyLine = true;
        lines.accept(line(what, unit, done, total, now - start));
    }

    /** The one wording of progress, shared with /health's numbers. */
    public static String line(String what, String unit, long done, long total, long elapsedNanos) {
        double seconds = elapsedNanos / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        String percent = total > 0 ? " (" + (100 * done / total) + "%)" : "";
        String eta = done >= total ? "done in " + duration(Duration.ofNanos(elapsedNanos))
                : rate > 0 ? "about " + duration(Duration.ofSeconds((long) Math.ceil((total - done) / rate))) + " left"
                : "estimating time left";
        return String.format("%s: %,d / %,d %s%s, %,.0f %s/s, %s", what, done, total, unit, percent, rate, unit, eta);
    }

    static String duration(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m " + seconds % 60 + "s";
        }
        return seconds / 3600 + "h " + seconds % 3600 / 60 + "m";
    }
}
