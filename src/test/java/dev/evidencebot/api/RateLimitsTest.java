package dev.evidencebot.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The API's rate limits over real HTTP. Two servers: one behind a trusted proxy (loopback), where
 * each test is a different visitor by X-Forwarded-For, and one trusting nobody. No test waits for
 * a refill; that arithmetic is Bucket4jRateLimiterTest's.
 */
class RateLimitsTest {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final String QUESTION = "{\"question\": \"Does Semax reduce anxiety?\"}";

    @TempDir
    static Path work;

    static EmbeddedServer behindProxy;
    static EmbeddedServer direct;

    @BeforeAll
    static void start() {
        behindProxy = server("proxied", "127.0.0.0/8, ::1");
        direct = server("direct", "");
    }

    private static EmbeddedServer server(String name, String trustedProxies) {
        Map<String, Object> properties = new HashMap<>(Map.of("micronaut.server.port", -1,
                "corpus.path", "corpus", "index.path", work.resolve(name + "-index").toString(),
                "data.path", work.resolve(name + "-data").toString(),
                "server.trusted-proxies", trustedProxies));
        properties.putAll(Map.of("rate-limit.enabled", true, "rate-limit.per-minute", 20, "rate-limit.burst", 2,
                "rate-limit.conversation-per-minute", 10, "rate-limit.conversation-burst", 3,
                "rate-limit.feedback-per-minute", 30, "rate-limit.feedback-burst", 2));
        return ApplicationContext.run(EmbeddedServer.class, properties, "test");
    }

    @AfterAll
    static void stop() {
        for (EmbeddedServer server : new EmbeddedServer[] {behindProxy, direct}) {
            if (server != null) {
                server.getApplicationContext().close();
            }
        }
    }

    @Test
    void aVisitorPastTheBurstGets429WithRetryAfterAndTheJsonError() throws Exception {
        // given a visitor who asked twice, the burst
        assertEquals(200, post(behindProxy, "/api/ask", QUESTION, "198.51.100.1").statusCode());
        assertEquals(200, post(behindProxy, "/api/ask", QUESTION, "198.51.100.1").statusCode());

        // when they ask a third time at once
        HttpResponse<String> refused = post(behindProxy, "/api/ask", QUESTION, "198.51.100.1");

        // then 429, with when to come back: one token every 60 s / 20 = 3 s
        assertEquals(429, refused.statusCode(), refused.body());
        assertEquals("3", refused.headers().firstValue("Retry-After").orElse(""));
        JsonNode error = HttpJson.JSON.readTree(refused.body());
        assertEquals(429, error.get("status").asInt());
        assertEquals("too many questions; try again in 3 s", error.get("error").asText());

        // and another visitor is not held back by them
        assertEquals(200, post(behindProxy, "/api/ask", QUESTION, "198.51.100.2").statusCode());
    }

    @Test
    void theStreamSharesTheBucketAndRefusesBeforeAnyEvent() throws Exception {
        assertEquals(200, post(behindProxy, "/api/ask", QUESTION, "198.51.100.3").statusCode());
        HttpResponse<String> streamed = post(behindProxy, "/api/ask/stream", QUESTION, "198.51.100.3");
        assertEquals(200, streamed.statusCode());
        assertTrue(streamed.body().contains("event: done"), streamed.body());

        HttpResponse<String> refused = post(behindProxy, "/api/ask/stream", QUESTION, "198.51.100.3");

        assertEquals(429, refused.statusCode(), refused.body());
        assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertFalse(refused.body().contains("event: "), "a plain JSON error, not a stream");
        assertTrue(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()) > 0);
    }

    @Test
    void aConversationHasItsOwnLimitWhateverIpItsQuestionsComeFrom() throws Exception {
        // given a conversation
        String conversation = HttpJson.JSON.readTree(post(behindProxy, "/api/ask", QUESTION, "198.51.100.10").body())
                .get("conversationId").asText();
        String followUp = "{\"question\": \"What about memory?\", \"conversationId\": \"" + conversation + "\"}";

        // when its follow-ups come from a new address each time (every client bucket is full)
        for (int i = 1; i <= 3; i++) {
            HttpResponse<String> answered = post(behindProxy, "/api/ask", followUp, "198.51.100." + (10 + i));
            assertEquals(200, answered.statusCode(), "follow-up " + i + ": " + answered.body());
        }
        HttpResponse<String> refused = post(behindProxy, "/api/ask", followUp, "198.51.100.14");

        // then the conversation's burst of 3 is what stops the fourth
        assertEquals(429, refused.statusCode(), refused.body());
        assertTrue(HttpJson.JSON.readTree(refused.body()).get("error").asText().startsWith("too many questions in this conversation"));
        // and a new conversation from that address is fine
        assertEquals(200, post(behindProxy, "/api/ask", QUESTION, "198.51.100.14").statusCode());
    }

    @Test
    void feedbackIsLimitedApartFromQuestions() throws Exception {
        String rating = "{\"answerId\": \"never-given\", \"rating\": \"up\"}";
        // given a visitor who spent their question burst
        post(behindProxy, "/api/ask", QUESTION, "198.51.100.20");
        post(behindProxy, "/api/ask", QUESTION, "198.51.100.20");

        // then their ratings still go through, up to the feedback burst of 2
        assertEquals(404, post(behindProxy, "/api/feedback", rating, "198.51.100.20").statusCode(), "not limited: unknown answer");
        assertEquals(404, post(behindProxy, "/api/feedback", rating, "198.51.100.20").statusCode());
        HttpResponse<String> refused = post(behindProxy, "/api/feedback", rating, "198.51.100.20");

        assertEquals(429, refused.statusCode(), refused.body());
        assertEquals("too much feedback; try again in 2 s", HttpJson.JSON.readTree(refused.body()).get("error").asText());
        assertEquals("2", refused.headers().firstValue("Retry-After").orElse(""));
    }

    @Test
    void aSpoofedForwardedForFromAPeerWeDoNotTrustIsIgnored() throws Exception {
        // a client that sends a new X-Forwarded-For each time is still one client: its peer address
        assertEquals(200, post(direct, "/api/ask", QUESTION, "203.0.113.1").statusCode());
        assertEquals(200, post(direct, "/api/ask", QUESTION, "203.0.113.2").statusCode());

        HttpResponse<String> refused = post(direct, "/api/ask", QUESTION, "203.0.113.3");

        assertEquals(429, refused.statusCode(), refused.body());
    }

    @Test
    void aCrossOriginPageMayReadRetryAfter() throws Exception {
        post(behindProxy, "/api/ask", QUESTION, "198.51.100.30");
        post(behindProxy, "/api/ask", QUESTION, "198.51.100.30");
        HttpResponse<String> refused = HTTP.send(request(behindProxy, "/api/ask", QUESTION, "198.51.100.30")
                .header("Origin", "http://localhost:3000").build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(429, refused.statusCode());
        assertEquals("http://localhost:3000", refused.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertTrue(refused.headers().firstValue("Access-Control-Expose-Headers").orElse("").contains("Retry-After"),
                refused.headers().toString());
    }

    private static HttpResponse<String> post(EmbeddedServer server, String path, String body, String forwardedFor)
            throws IOException, InterruptedException {
        return HTTP.send(request(server, path, body, forwardedFor).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(EmbeddedServer server, String path, String body, String forwardedFor) {
        return HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }
}
