package dev.evidencebot.limits;

/**
 * A limiter's answer.
 *
 * @param allowed           whether the token was taken
 * @param retryAfterSeconds when refused, whole seconds until a token will be there (at least 1,
 *                          as HTTP's Retry-After wants); 0 when allowed
 */
public record Decision(boolean allowed, long retryAfterSeconds) {

    public static final Decision ALLOWED = new Decision(true, 0);

    public Decision {
        if (!allowed && retryAfterSeconds < 1) {
            throw new IllegalArgumentException("a refusal says when to retry, at least 1 s; got " + retryAfterSeconds);
        }
    }

    /** Refused for this many nanoseconds, rounded up to whole seconds so a retry at that time succeeds. */
    static Decision refusedFor(long nanos) {
        long seconds = Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
        return new Decision(false, seconds);
    }
}
