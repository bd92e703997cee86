package dev.evidencebot.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evidencebot.answer.Question;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The first steps of reading any JSON request body, with refusals that name the problem: the
 * content type, an empty body, bytes that are not UTF-8, malformed JSON, something other than an
 * object, text fields holding control characters.
 */
final class JsonBodies {

    private JsonBodies() {
    }

    /**
     * @param body  the raw bytes: decoding them here, strictly, is what turns invalid UTF-8 into a
     *              400 (a framework-decoded String would carry U+FFFD and be answered)
     * @param shape what the body should look like, for the messages ({"question": "..."})
     */
    static JsonNode object(HttpRequest<?> request, byte[] body, ObjectMapper json, String shape) {
        Optional<MediaType> contentType = request.getContentType();
        if (contentType.isEmpty() || !contentType.get().getName().equalsIgnoreCase(MediaType.APPLICATION_JSON)) {
            throw new BadRequestException(415, "Content-Type must be application/json, got "
                    + contentType.map(MediaType::toString).orElse("none"));
        }
        String text = body == null ? "" : utf8(body);
        if (text.isBlank()) {
            throw new BadRequestException(400, "request body is empty; send " + shape);
        }
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JsonProcessingException e) {
            // a broken limit (nesting depth, number length) has no location
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new BadRequestException(400, "malformed JSON: " + e.getOriginalMessage() + where);
        }
        if (root == null || !root.isObject()) {
            throw new BadRequestException(400, "request body must be a JSON object: " + shape);
        }
        return root;
    }

    /** Refuses a text field holding a control character (NUL, ESC, ...); tabs and line breaks are fine. */
    static String readable(String field, String value) {
        int at = Question.controlCharacterAt(value);
        if (at >= 0) {
            throw new BadRequestException(400, "\"" + field + "\" contains a control character (U+"
                    + String.format("%04X", (int) value.charAt(at)) + ") at position " + at);
        }
        return value;
    }

    private static String utf8(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(body.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new BadRequestException(400, "request body is not valid UTF-8 (byte " + in.position() + ")");
        }
        decoder.flush(out);
        String text = out.flip().toString();
        // some clients (Windows PowerShell) start UTF-8 with a byte-order mark; JSON has no use for it
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
