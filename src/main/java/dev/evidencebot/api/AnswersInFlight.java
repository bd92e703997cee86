package dev.evidencebot.api;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How many questions the API answers at once ({@code api.max-answers-in-flight}). Each holds a
 * thread of Micronaut's blocking executor, which on Java 17 grows without bound: this is its
 * bound for the doors anyone may knock on. Past it a question gets a 503 with Retry-After at once,
 * rather than a thread, or a place in a queue it would outwait.
 */
@Singleton
final class AnswersInFlight {

    static final long RETRY_AFTER_SECONDS = 1;

    private final int max;
    private final Semaphore permits;

    AnswersInFlight(@Value("${api.max-answers-in-flight:64}") int max) {
        if (max < 1) {
            throw new IllegalArgumentException("api.max-answers-in-flight must be at least 1, got " + max);
        }
        this.max = max;
        this.permits = new Semaphore(max);
    }

    /** @throws ServerBusyException when {@code max} answers are already being written */
    Permit take() {
        if (!permits.tryAcquire()) {
            throw new ServerBusyException("server busy: " + max + " answers in progress; try again in "
                    + RETRY_AFTER_SECONDS + " s", RETRY_AFTER_SECONDS);
        }
        return new Permit();
    }

    /** One answer's place; given back once, however the answer ends. */
    final class Permit {
        private final AtomicBoolean released = new AtomicBoolean();

        void release() {
            if (released.compareAndSet(false, true)) {
                permits.release();
            }
        }
    }

    /** Every place taken: a 503 with Retry-After, before any work is done. */
    static final class ServerBusyException extends RuntimeException {
        private final long retryAfterSeconds;

        ServerBusyException(String message, long retryAfterSeconds) {
            super(message, null, false, false);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
