package dev.evidencebot.api;

/** A caller over one of its rate limits: a 429 with Retry-After, before any work is done. */
final class TooManyRequestsException extends RuntimeException {

    private final long retryAfterSeconds;

    TooManyRequestsException(String what, long retryAfterSeconds) {
        super(what + "; try again in " + retryAfterSeconds + " s", null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
