package dev.evidencebot.slack;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Slack's request signing, checked on the body's bytes exactly as they arrived and before anything
 * parses them: the X-Slack-Request-Timestamp within five minutes of now, in either direction; the
 * X-Slack-Signature equal, compared in constant time, to "v0=" + hex HMAC-SHA256 of
 * "v0:" + timestamp + ":" + body under the signing secret; and that signature never accepted before.
 *
 * <p>Slack's retries (X-Slack-Retry-Num) are signed anew with a new timestamp, so refusing a
 * repeated signature never refuses a retry; retried events are told apart by event id ({@link SeenEvents}).
 */
@Singleton
@Requires(property = SlackConfig.PREFIX + ".signing-secret")
final class RequestSignatures {

    static final String TIMESTAMP_HEADER = "X-Slack-Request-Timestamp";
    static final String SIGNATURE_HEADER = "X-Slack-Signature";
    static final Duration WINDOW = Duration.ofMinutes(5);
    /**
     * A signature passes only while now is within ±{@link #WINDOW} of its timestamp, so it could be
     * replayed for up to twice the window after it was first accepted; a minute more covers clock steps.
     */
    static final Duration REMEMBER_FOR = WINDOW.multipliedBy(2).plusMinutes(1);

    private static final String HMAC = "HmacSHA256";
    // seconds since the epoch; digits only, so "+1700000000" or " 1700000000" is not a second spelling of one signature
    private static final Pattern SECONDS = Pattern.compile("[0-9]{1,12}");

    /** Whether a request may be read, and if not, what its 401 says. */
    enum Verdict {
        ACCEPTED(null),
        UNSIGNED("the request has no Slack signature or timestamp (" + SIGNATURE_HEADER + ", " + TIMESTAMP_HEADER + ")"),
        OUT_OF_WINDOW("the request's Slack timestamp is not within 5 minutes of now"),
        FORGED("the request's Slack signature does not match its body"),
        REPLAYED("replayed request: this Slack signature was already accepted");

        final String refusal;

        Verdict(String refusal) {
            this.refusal = refusal;
        }
    }

    private final SecretKeySpec key;
    private final Clock clock;
    /** Signatures accepted so far: in this process, or in Redis so a replay to another replica is refused too. */
    private final Sightings accepted;

    @Inject
    RequestSignatures(SlackConfig config, Sightings accepted) {
        this(config.signingSecret(), Clock.systemUTC(), accepted);
    }

    /** @param clock what "now" is; tests move it instead of sleeping */
    RequestSignatures(String signingSecret, Clock clock) {
        this(signingSecret, clock, new LocalSightings());
    }

    RequestSignatures(String signingSecret, Clock clock, Sightings accepted) {
        this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), HMAC);
        this.clock = clock;
        this.accepted = accepted;
    }

    /**
     * Checks one request and, when it passes, remembers its signature so the same request is refused
     * if it comes again. Atomic: of two copies racing in, one is accepted.
     */
    Verdict check(@Nullable String timestamp, @Nullable String signature, byte[] body) {
        if (timestamp == null || signature == null || timestamp.isBlank() || signature.isBlank()) {
            return Verdict.UNSIGNED;
        }
        if (!SECONDS.matcher(timestamp).matches()
                || Math.abs(clock.instant().getEpochSecond() - Long.parseLong(timestamp)) > WINDOW.toSeconds()) {
            return Verdict.OUT_OF_WINDOW;
        }
        String expected = sign(timestamp, body);
        // constant time, so a signature cannot be found one byte at a time from response timings
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.UTF_8))) {
            return Verdict.FORGED;
        }
        // keyed by the signature we computed, so the same request with its hex in capitals is no second key
        return accepted.first("signature:" + expected, REMEMBER_FOR) ? Verdict.ACCEPTED : Verdict.REPLAYED;
    }

    private String sign(String timestamp, byte[] body) {
        try {
            // a Mac is not thread-safe, and making one is cheap next to the request it guards
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has " + HMAC, e);
        }
    }
}
