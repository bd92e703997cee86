package dev.evidencebot.cli;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The wrong requests the soak mixes in, each of which must get a 4xx and never a 5xx: the same
 * kinds `api/HostileInputTest` checks once, here sent over and over under load.
 */
final class BadRequests {

    /** One wrong request; {@code contentType} null sends none. */
    record Case(String name, String path, String contentType, byte[] body) {
    }

    // Just over micronaut.server.max-request-size (1 MB): the server must refuse it with 413, not buffer it.
    private static final int HUGE = 1024 * 1024 + 1024;

    private BadRequests() {
    }

    static List<Case> all() {
        byte[] huge = new byte[HUGE];
        Arrays.fill(huge, (byte) 'a');
        byte[] hugeBody = concat(bytes("{\"question\": \""), huge, bytes("\"}"));
        return List.of(
                new Case("malformed JSON", "/api/ask", "application/json", bytes("{\"question\": \"Does Semax")),
                new Case("empty question", "/api/ask", "application/json", bytes("{\"question\": \"  \"}")),
                new Case("empty body", "/api/ask/stream", "application/json", new byte[0]),
                new Case("invalid UTF-8", "/api/ask", "application/json",
                        concat(bytes("{\"question\": \"Semax "), new byte[]{(byte) 0xC3, (byte) 0x28}, bytes("\"}"))),
                new Case("array, not object", "/api/ask/stream", "application/json", bytes("[\"Does Semax help?\"]")),
                new Case("question over 2,000 characters", "/api/ask", "application/json",
                        bytes("{\"question\": \"" + "why ".repeat(600) + "\"}")),
                new Case("wrong content type", "/api/ask", "text/plain", bytes("Does Semax help?")),
                new Case("feedback with an unknown rating", "/api/feedback", "application/json",
                        bytes("{\"answerId\": \"x\", \"rating\": \"sideways\"}")),
                new Case("body over 1 MB", "/api/ask", "application/json", hugeBody));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
