package dev.evidencebot.answer;

/**
 * The reader an answer was being written for has left (closed the stream, went away). Thrown by a
 * door's {@code deltas} consumer, or by whatever waits on the network when its thread is
 * interrupted for that reason, it unwinds the pipeline: whoever holds an outside resource (a model
 * request) lets go of it on the way out. It is no failure of anyone's: nothing is counted against
 * the model, and nobody is told, since nobody is listening.
 */
public final class ReaderGone extends RuntimeException {

    public ReaderGone() {
        super("the reader left before the answer was finished", null, false, false);
    }
}
