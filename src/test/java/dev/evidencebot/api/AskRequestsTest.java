package dev.evidencebot.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every bad request to both ask endpoints gets a 4xx with a JSON error that names the problem. */
@MicronautTest
class AskRequestsTest {

    @Inject
    EmbeddedServer server;

    static Stream<Arguments> badRequests() {
        String tooLong = "x".repeat(2001);
        return Stream.of(
                Arguments.of("missing question", "application/json", "{\"conversationId\": \"abc\"}", 400, "\"question\" is missing"),
                Arguments.of("blank question", "application/json", "{\"question\": \"   \"}", 400, "\"question\" is blank"),
                Arguments.of("question too long", "application/json", "{\"question\": \"" + tooLong + "\"}", 400,
                        "2001 characters; the limit is 2000"),
                Arguments.of("question not a string", "application/json", "{\"question\": 42}", 400, "must be a string"),
                Arguments.of("malformed JSON", "application/json", "{\"question\": \"hi\"", 400, "malformed JSON"),
                Arguments.of("not an object", "application/json", "[\"question\"]", 400, "JSON object"),
                Arguments.of("empty body", "application/json", "", 400, "request body is empty"),
                Arguments.of("wrong content type", "text/plain", "{\"question\": \"hi\"}", 415, "Content-Type must be application/json"),
                Arguments.of("form content type", "application/x-www-form-urlencoded", "question=hi", 415,
                        "Content-Type must be application/json"),
                Arguments.of("bad conversation id", "application/json", "{\"question\": \"hi\", \"conversationId\": \"../../etc\"}",
                        400, "conversationId"));
    }

    @ParameterizedTest(name = "/api/ask: {0}")
    @MethodSource("badRequests")
    void askRefusesWithANamedProblem(String name, String contentType, String body, int status, String message) throws Exception {
        assertRefused(HttpJson.post(server.getURL(), "/api/ask", contentType, body), status, message);
    }

    @ParameterizedTest(name = "/api/ask/stream: {0}")
    @MethodSource("badRequests")
    void streamRefusesWithANamedProblem(String name, String contentType, String body, int status, String message) throws Exception {
        assertRefused(HttpJson.post(server.getURL(), "/api/ask/stream", contentType, body), status, message);
    }

    @org.junit.jupiter.api.Test
    void aMissingContentTypeIsRefused() throws Exception {
        assertRefused(HttpJson.post(server.getURL(), "/api/ask", null, "{\"question\": \"hi\"}"), 415, "Content-Type");
    }

    @org.junit.jupiter.api.Test
    void anUnknownPathAndAWrongMethodAreJsonErrorsToo() throws Exception {
        assertRefused(HttpJson.get(server.getURL(), "/api/nope"), 404, "no such endpoint");
        assertRefused(HttpJson.get(server.getURL(), "/api/ask"), 405, "GET is not allowed");
    }

    private static void assertRefused(HttpResponse<String> response, int status, String message) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                response.headers().toString());
        JsonNode error = HttpJson.JSON.readTree(response.body());
        assertEquals(status, error.get("status").asInt());
        assertTrue(error.get("error").asText().contains(message), error.get("error").asText());
    }
}
