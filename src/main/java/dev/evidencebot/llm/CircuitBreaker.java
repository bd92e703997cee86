package dev.evidencebot.llm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Stops calling a model that keeps failing: after {@code threshold} consecutive failures it is
 * open for {@code openFor}, then lets one trial call through; that call's outcome closes or
 * reopens it. A reader meanwhile gets the extractive answer at once instead of a timeout each.
 */
final class CircuitBreaker {

    private final int threshold;
    private final Duration openFor;
    private final Clock clock;
    private int failures;
    private Instant openUntil;
    private boolean trialInFlight;

    CircuitBreaker(int threshold, Duration openFor, Clock clock) {
        if (threshold < 1) {
            throw new IllegalArgumentException("llm.breaker-failures must be at least 1, got " + threshold);
        }
        this.threshold = threshold;
        this.openFor = openFor;
        this.clock = clock;
    }

    /** Whether a call may go out now; when open and the wait is over, admits exactly one trial. */
    synchronized boolean allow() {
        if (openUntil == null) {
            return true;
        }
        if (clock.instant().isBefore(openUntil) || trialInFlight) {
            return false;
        }
        trialInFlight = true;
        return true;
    }

    /**
     * A call {@link #allow()} admitted ended saying nothing about the model's health: it did not go
     * out (the model-call budget was spent, our call threads were full), or its reader left and it
     * was aborted. It neither counts as a failure nor resets the count; a trial may be tried again.
     */
    synchronized void noVerdict() {
        trialInFlight = false;
    }

    synchronized void succeeded() {
        failures = 0;
        openUntil = null;
        trialInFlight = false;
    }

    synchronized void failed() {
        failures++;
        if (trialInFlight || failures >= threshold) {
            openUntil = clock.instant().plus(openFor);
        }
        trialInFlight = false;
    }
}
