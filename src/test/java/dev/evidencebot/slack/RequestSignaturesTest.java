package dev.evidencebot.slack;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static dev.evidencebot.slack.RequestSignatures.Verdict.ACCEPTED;
import static dev.evidencebot.slack.RequestSignatures.Verdict.FORGED;
import static dev.evidencebot.slack.RequestSignatures.Verdict.OUT_OF_WINDOW;
import static dev.evidencebot.slack.RequestSignatures.Verdict.REPLAYED;
import static dev.evidencebot.slack.RequestSignatures.Verdict.UNSIGNED;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The signature check on its own, at a fixed "now": skew in both directions, forgeries, replays. */
class RequestSignaturesTest {

    private static final long NOW = 1_700_000_000L;
    private static final String BODY = "command=%2Fask&text=does+semax+help%3F&trigger_id=1.2.3";

    private final RequestSignatures signatures = new RequestSignatures(SlackRequests.SECRET,
            Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));

    @Test
    void aCorrectlySignedFreshRequestIsAccepted() {
        assertEquals(ACCEPTED, check(String.valueOf(NOW), BODY));
    }

    @Test
    void clockSkewIsRefusedInBothDirections() {
        // up to five minutes either way is Slack's clock against ours
        assertEquals(ACCEPTED, check(String.valueOf(NOW - 300), BODY));
        assertEquals(ACCEPTED, check(String.valueOf(NOW + 300), BODY));

        assertEquals(OUT_OF_WINDOW, check(String.valueOf(NOW - 301), BODY));
        assertEquals(OUT_OF_WINDOW, check(String.valueOf(NOW + 301), BODY));
        assertEquals(OUT_OF_WINDOW, check(String.valueOf(NOW + 3600), BODY), "an hour in the future");
    }

    @Test
    void aTimestampThatIsNotPlainSecondsIsRefused() {
        for (String timestamp : new String[] {"+" + NOW, " " + NOW, NOW + ".5", "-1", "9".repeat(40), "now"}) {
            assertEquals(OUT_OF_WINDOW, signatures.check(timestamp, SlackRequests.sign(SlackRequests.SECRET, timestamp, BODY),
                    bytes(BODY)), timestamp);
        }
    }

    @Test
    void aRepeatedSignatureIsRefusedAsAReplay() {
        String timestamp = String.valueOf(NOW);
        String signature = SlackRequests.sign(SlackRequests.SECRET, timestamp, BODY);

        assertEquals(ACCEPTED, signatures.check(timestamp, signature, bytes(BODY)));
        assertEquals(REPLAYED, signatures.check(timestamp, signature, bytes(BODY)));
        // the same signature in capitals is the same request, not a new one
        assertEquals(FORGED, signatures.check(timestamp, "v0=" + signature.substring(3).toUpperCase(), bytes(BODY)));
    }

    @Test
    void aRetryIsSignedAnewAndIsNoReplay() {
        // Slack signs each delivery with its own timestamp, so a retry of the same body is a new signature
        assertEquals(ACCEPTED, check(String.valueOf(NOW), BODY));
        assertEquals(ACCEPTED, check(String.valueOf(NOW + 1), BODY));
    }

    @Test
    void aForgedOrMissingSignatureIsRefusedAndNotRemembered() {
        String timestamp = String.valueOf(NOW);
        String forged = SlackRequests.sign("some-other-secret", timestamp, BODY);

        assertEquals(FORGED, signatures.check(timestamp, forged, bytes(BODY)));
        assertEquals(FORGED, signatures.check(timestamp, SlackRequests.sign(SlackRequests.SECRET, timestamp, BODY + "&x=1"),
                bytes(BODY)), "a signature of another body");
        assertEquals(FORGED, signatures.check(timestamp, "v0=", bytes(BODY)));
        assertEquals(UNSIGNED, signatures.check(timestamp, null, bytes(BODY)));
        assertEquals(UNSIGNED, signatures.check(null, forged, bytes(BODY)));
        assertEquals(UNSIGNED, signatures.check("", "", bytes(BODY)));
        // the refusals left nothing behind: the genuine request is still accepted once
        assertEquals(ACCEPTED, check(timestamp, BODY));
    }

    @Test
    void theSignatureCoversTheRawBytesNotTheirDecoding() {
        // bytes that are not UTF-8 decode to U+FFFD: a signature of the decoded text must not pass for them
        byte[] raw = {'a', '=', (byte) 0xC3, (byte) 0x28};
        String timestamp = String.valueOf(NOW);
        String ofDecoded = SlackRequests.sign(SlackRequests.SECRET, timestamp, new String(raw, StandardCharsets.UTF_8));

        assertEquals(FORGED, signatures.check(timestamp, ofDecoded, raw));
    }

    private RequestSignatures.Verdict check(String timestamp, String body) {
        return signatures.check(timestamp, SlackRequests.sign(SlackRequests.SECRET, timestamp, body), bytes(body));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
