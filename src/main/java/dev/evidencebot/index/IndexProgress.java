package dev.evidencebot.index;

/** Told how far an index build has come, after every batch of passages written. */
@FunctionalInterface
public interface IndexProgress {

    IndexProgress NONE = (done, total) -> {
    };

    /**
     * @param done  passages embedded and written so far in this build
     * @param total passages this build has to write (only those of added and changed articles)
     */
    void advanced(long done, long total);
}
