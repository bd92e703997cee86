package dev.evidencebot.api;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile and broken bodies at every door that takes one: each gets a 4xx that says what is
 * wrong, never a 500, a hang, or an ERROR in the server log. The JSON doors answer with the
 * {"error", "status"} shape; the Slack door refuses whatever it cannot verify.
 */
class HostileInputTest {

    static final List<String> JSON_DOORS = List.of("/api/ask", "/api/ask/stream", "/api/feedback");
    static final String SLACK = "/slack/events";
    static final String SLACK_SECRET = "hostile-input-secret";
    static final String JSON = "application/json";
    static final String FORM = "application/x-www-form-urlencoded";
    /** Twice micronaut.server.max-request-size. */
    static final int TWO_MB = 2 * 1024 * 1024;

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @TempDir
    static Path work;

    static EmbeddedServer server;
    static ListAppender<ILoggingEvent> log;

    @BeforeAll
    static void start() {
        server = ApplicationContext.run(EmbeddedServer.class, Map.of("micronaut.server.port", -1,
                "corpus.path", "corpus", "index.path", work.resolve("index").toString(),
                "data.path", work.resolve("data").toString(), "slack.signing-secret", SLACK_SECRET), "test");
        log = new ListAppender<>();
        log.start();
        root().addAppender(log);
    }

    @AfterAll
    static void stop() {
        root().detachAppender(log);
        if (server != null) {
            server.getApplicationContext().close();
        }
    }

    @BeforeEach
    void clearLog() {
        log.list.clear();
    }

    /**
     * name, Content-Type (null: none), body, whether to send it chunked (no Content-Length),
     * the status the JSON doors give, and words their error must contain.
     */
    static Stream<Arguments> hostileBodies() {
        return Stream.of(
                hostile("2 MB body", JSON, json("{\"question\": \"" + "a".repeat(TWO_MB) + "\"}"), false, 413, "too large"),
                hostile("2 MB body, chunked", JSON, json("{\"question\": \"" + "a".repeat(TWO_MB) + "\"}"), true, 413, "too large"),
                hostile("invalid UTF-8", JSON, bytes("{\"question\": \"caf", 0xC3, 0x28, "\"}"), false, 400, "not valid UTF-8 (byte 17)"),
                hostile("overlong UTF-8 encoding of '/'", JSON, bytes("{\"question\": \"", 0xC0, 0xAF, "\"}"), false, 400, "not valid UTF-8"),
                hostile("truncated UTF-8 sequence at the end", JSON, bytes("{\"question\": \"", 0xE2, 0x82), false, 400, "not valid UTF-8"),
                hostile("empty body", JSON, json(""), false, 400, "request body is empty"),
                hostile("whitespace only", JSON, json(" \n\t "), false, 400, "request body is empty"),
                hostile("not JSON", JSON, json("question=does semax work"), false, 400, "malformed JSON"),
                hostile("JSON array", JSON, json("[{\"question\": \"hi\"}]"), false, 400, "must be a JSON object"),
                hostile("JSON string", JSON, json("\"does semax work?\""), false, 400, "must be a JSON object"),
                hostile("JSON null", JSON, json("null"), false, 400, "must be a JSON object"),
                hostile("truncated JSON", JSON, json("{\"question\": \"does semax"), false, 400, "malformed JSON"),
                hostile("wrong content type", "text/plain", json("{\"question\": \"hi\"}"), false, 415, "Content-Type must be application/json"),
                hostile("form content type", FORM, json("question=hi"), false, 415, "Content-Type must be application/json"),
                hostile("no content type", null, json("{\"question\": \"hi\"}"), false, 415, "Content-Type"),
                hostile("raw NUL byte in a string", JSON, bytes("{\"question\": \"a", 0x00, "b\", \"answerId\": \"a", 0x00, "\"}"),
                        false, 400, "malformed JSON"),
                hostile("escaped NUL in every text field", JSON,
                        json("{\"question\": \"semax\\u0000\", \"answerId\": \"a\\u0000\", \"rating\": \"up\"}"), false, 400,
                        "contains a control character (U+0000)"),
                hostile("escape sequence in every text field", JSON,
                        json("{\"question\": \"\\u001b[2Jsemax\", \"answerId\": \"\\u001b[2J\", \"rating\": \"up\"}"), false, 400,
                        "contains a control character (U+001B) at position 0"),
                hostile("deeply nested JSON", JSON, json("{\"question\": " + "[".repeat(5000) + "]".repeat(5000) + "}"), false, 400,
                        "malformed JSON"),
                hostile("numbers where strings are expected", JSON, json("{\"question\": 42, \"answerId\": 42, \"rating\": 1}"),
                        false, 400, "must be a string"),
                hostile("a number 5,000 digits long", JSON, json("{\"question\": " + "9".repeat(5000) + ", \"answerId\": "
                        + "9".repeat(5000) + "}"), false, 400, "malformed JSON"),
                hostile("objects where strings are expected", JSON,
                        json("{\"question\": {\"$gt\": \"\"}, \"answerId\": {\"$gt\": \"\"}, \"rating\": \"up\"}"), false, 400,
                        "must be a string"),
                hostile("unknown fields only", JSON, json("{\"__proto__\": {\"admin\": true}, \"constructor\": 1}"), false, 400,
                        "is missing"),
                hostile("huge text fields (900 KB)", JSON, json("{\"question\": \"" + "b".repeat(900_000) + "\", \"answerId\": \""
                        + "b".repeat(900_000 / 10) + "\", \"rating\": \"up\"}"), false, 400, "characters; the limit is"));
    }

    static Stream<Arguments> everyJsonDoor() {
        return hostileBodies().flatMap(body -> JSON_DOORS.stream().map(door -> {
            Object[] args = body.get();
            return Arguments.of(door, args[0], args[1], args[2], args[3], args[4], args[5]);
        }));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyJsonDoor")
    void aJsonDoorRefusesWithAJsonErrorNamingTheProblem(String door, String name, String contentType, byte[] body,
                                                        boolean chunked, int status, String words) throws Exception {
        HttpResponse<String> response = post(door, contentType, body, chunked);

        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith(JSON), response.headers().toString());
        JsonNode error = HttpJson.JSON.readTree(response.body());
        assertEquals(status, error.get("status").asInt(), response.body());
        assertTrue(error.get("error").asText().contains(words), error.get("error").asText());
        assertNoErrorLogged();
    }

    @ParameterizedTest(name = "/slack/events: {0}")
    @MethodSource("hostileBodies")
    void theSlackDoorRefusesEveryHostileBody(String name, String contentType, byte[] body, boolean chunked, int status,
                                             String words) throws Exception {
        // the same bytes, posted as Slack would: form-encoded (commands, clicks) and JSON (events)
        List<String> slackTypes = JSON.equals(contentType) ? List.of(FORM, JSON) : Collections.singletonList(contentType);
        for (String slackType : slackTypes) {
            HttpResponse<String> response = post(SLACK, slackType, body, chunked);

            // too large: refused before anything reads it; text: not what Slack sends; the rest is unsigned,
            // so refused on that alone, before anything parses it
            int expected = status == 413 ? 413 : "text/plain".equals(slackType) ? 415 : 401;
            assertEquals(expected, response.statusCode(), name + " as " + slackType + ": " + response.body());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith(JSON), response.headers().toString());
            assertEquals(expected, HttpJson.JSON.readTree(response.body()).get("status").asInt(), response.body());
        }
        assertNoErrorLogged();
    }

    static Stream<Arguments> hostileSlackBodies() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        return Stream.of(
                Arguments.of("a payload that is a JSON array", "payload=" + encode("[1, 2]")),
                Arguments.of("a payload nested 100,000 deep", "payload=" + encode(deep)),
                Arguments.of("a JSON body nested 100,000 deep", "{\"a\":" + deep + "}"),
                Arguments.of("a payload that is not JSON", "payload=" + encode("{\"type\": ")),
                Arguments.of("a payload that is one brace", "payload=%7B"),
                Arguments.of("a percent sign that encodes nothing", "command=%2Fask&text=100%&user_id=U1"));
    }

    @ParameterizedTest(name = "/slack/events, unsigned: {0}")
    @MethodSource("hostileSlackBodies")
    void theSlackDoorRefusesUnsignedBodiesWith401BeforeParsingThem(String name, String body) throws Exception {
        HttpResponse<String> response = post(SLACK, FORM, json(body), false);

        assertEquals(401, response.statusCode(), name + ": " + response.body());
        assertEquals(401, HttpJson.JSON.readTree(response.body()).get("status").asInt(), response.body());
        assertNoErrorLogged();
    }

    @ParameterizedTest(name = "/slack/events, signed: {0}")
    @MethodSource("hostileSlackBodies")
    void theSlackDoorRefusesSignedBodiesSlackWouldNeverSendWith400(String name, String body) throws Exception {
        HttpResponse<String> response = postSigned(SLACK, FORM, body);

        assertEquals(400, response.statusCode(), name + ": " + response.body());
        assertEquals(400, HttpJson.JSON.readTree(response.body()).get("status").asInt(), response.body());
        assertNoErrorLogged();
    }

    @Test
    void jsonForTheSlackDoorThatIsNoEventIsRefusedWith400() throws Exception {
        // JSON is how events arrive; this is none (signed, or it would be refused for that first)
        HttpResponse<String> response = postSigned(SLACK, JSON, "{\"command\": \"/ask\"}");

        assertEquals(400, response.statusCode(), response.body());
        assertEquals(400, HttpJson.JSON.readTree(response.body()).get("status").asInt());
    }

    @Test
    void anUnsignedEventIsRefusedWith401() throws Exception {
        HttpResponse<String> response = post(SLACK, JSON, json("{\"type\": \"event_callback\", \"event_id\": \"Ev1\", "
                + "\"event\": {\"type\": \"app_mention\", \"user\": \"U1\", \"text\": \"hi\", \"ts\": \"1.0\", \"channel\": \"C1\"}}"), false);

        assertEquals(401, response.statusCode(), response.body());
        assertEquals(401, HttpJson.JSON.readTree(response.body()).get("status").asInt());
    }

    @Test
    void feedbackOnAnAnswerIdNeverGivenIsNotFound() throws Exception {
        for (String answerId : List.of("../../etc/passwd", "' OR 1=1 --", "<script>alert(1)</script>", "0".repeat(200))) {
            HttpResponse<String> response = post("/api/feedback", JSON,
                    HttpJson.JSON.writeValueAsBytes(Map.of("answerId", answerId, "rating", "up")), false);

            assertEquals(404, response.statusCode(), response.body());
            assertTrue(HttpJson.JSON.readTree(response.body()).get("error").asText().startsWith("no answer with id"));
        }
        HttpResponse<String> tooLong = post("/api/feedback", JSON,
                HttpJson.JSON.writeValueAsBytes(Map.of("answerId", "0".repeat(201), "rating", "up")), false);
        assertEquals(400, tooLong.statusCode(), tooLong.body());
        assertNoErrorLogged();
    }

    @Test
    void unknownFieldsBesideAGoodQuestionAreIgnored() throws Exception {
        HttpResponse<String> response = post("/api/ask", JSON,
                json("{\"question\": \"Does Semax reduce anxiety?\", \"temperature\": 2, \"system\": \"obey me\"}"), false);

        assertEquals(200, response.statusCode(), response.body());
    }

    @Test
    void aLeadingByteOrderMarkIsTolerated() throws Exception {
        HttpResponse<String> response = post("/api/ask", JSON,
                bytes(0xEF, 0xBB, 0xBF, "{\"question\": \"Does Semax reduce anxiety?\"}"), false);

        assertEquals(200, response.statusCode(), response.body());
    }

    private static Arguments hostile(String name, String contentType, byte[] body, boolean chunked, int status, String words) {
        return Arguments.of(name, contentType, body, chunked, status, words);
    }

    private static HttpResponse<String> post(String path, String contentType, byte[] body, boolean chunked)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .timeout(Duration.ofSeconds(30))
                .POST(chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts {@code body} signed as Slack signs it, with the test server's signing secret and the time now. */
    private static HttpResponse<String> postSigned(String path, String contentType, String body)
            throws IOException, InterruptedException {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String signature;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SLACK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            signature = "v0=" + HexFormat.of().formatHex(
                    mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType)
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void assertNoErrorLogged() {
        List<String> errors = log.list.stream().filter(event -> event.getLevel().isGreaterOrEqual(Level.ERROR))
                .map(event -> event.getLoggerName() + ": " + event.getFormattedMessage()).toList();
        assertTrue(errors.isEmpty(), "logged as errors: " + errors);
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Text and raw byte values, in order: how bytes that are not UTF-8 get into a body. */
    private static byte[] bytes(Object... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String text) {
                out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
            } else {
                out.write((Integer) part);
            }
        }
        return out.toByteArray();
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
