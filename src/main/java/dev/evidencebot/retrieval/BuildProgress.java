package dev.evidencebot.retrieval;

import java.time.Duration;

/**
 * How far a load or reload of the knowledge base has come, for /health and the `index` command.
 *
 * @param phase      "reading", "indexing" (embedding and writing passages), "preparing" (search
 *                   structures) or "abstract vectors" (one vector per primary source's whole text)
 * @param done       items done so far in this phase: passages written, or abstracts embedded
 * @param total      items this phase has to do: only those of added and changed articles
 * @param perSecond  passages written per second since indexing began
 * @param eta        time left at that rate, or null before there is a rate
 */
public record BuildProgress(String phase, long done, long total, double perSecond, Duration eta) {

    /** The phases that count items, as /health and the `index` command name them. */
    public static final String INDEXING = "indexing";
    public static final String ABSTRACT_VECTORS = "abstract vectors";

    static BuildProgress phase(String phase) {
        return new BuildProgress(phase, 0, 0, 0, null);
    }

    static BuildProgress of(String phase, long done, long total, long elapsedNanos) {
        double seconds = elapsedNanos / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        Duration eta = rate > 0 ? Duration.ofSeconds((long) Math.ceil((total - done) / rate)) : null;
        return new BuildProgress(phase, done, total, rate, eta);
    }
}
