package dev.evidencebot.api;

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
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeedbackControllerTest {

    static final String TOKEN = "owner-secret-padded-to-32-characters";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path work;

    static EmbeddedServer server;

    @BeforeAll
    static void start() {
        server = ApplicationContext.run(EmbeddedServer.class, Map.of("micronaut.server.port", -1,
                "corpus.path", "corpus", "index.path", work.resolve("index").toString(),
                "data.path", work.resolve("data").toString(), "widget.admin-token", TOKEN), "test");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.getApplicationContext().close();
        }
    }

    @Test
    void feedbackIsStoredAndListedForTheOwner() throws Exception {
        String answerId = askedAnswerId();
        HttpResponse<String> saved = post("{\"answerId\":\"" + answerId + "\",\"rating\":\"down\",\"comment\":\"cite the trial\",\"channel\":\"widget\"}");
        assertEquals(201, saved.statusCode(), saved.body());

        HttpResponse<String> listed = get("Bearer " + TOKEN);
        assertEquals(200, listed.statusCode());
        assertTrue(listed.body().contains("\"answerId\":\"" + answerId + "\",\"rating\":\"down\",\"comment\":\"cite the trial\",\"channel\":\"widget\",\"at\":\"20"),
                listed.body());
    }

    @Test
    void feedbackOnAnAnswerNeverGivenIsNotFound() throws Exception {
        HttpResponse<String> saved = post("{\"answerId\":\"no-such-answer\",\"rating\":\"up\"}");

        assertEquals(404, saved.statusCode(), saved.body());
        assertTrue(saved.body().contains("no answer with id \\\"no-such-answer\\\""), saved.body());
    }

    /** Asks over HTTP, so the question log knows the answer; rated at once, before the log's own flush. */
    private static String askedAnswerId() throws Exception {
        HttpResponse<String> asked = HTTP.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/api/ask"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"question\":\"Does semax help memory?\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, asked.statusCode(), asked.body());
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"id\":\"([^\"]+)\"").matcher(asked.body());
        assertTrue(id.find(), asked.body());
        return id.group(1);
    }

    @Test
    void aBadBodyIsRefusedWithAnErrorNamingTheProblem() throws Exception {
        assertRefused("{\"answerId\":\"a\",\"rating\":\"meh\"}", "\"rating\" must be \"up\" or \"down\", got \"meh\"");
        assertRefused("{\"rating\":\"up\"}", "\"answerId\" is missing");
        assertRefused("{\"answerId\":\"a\",\"rating\":\"up\",\"comment\":\"" + "x".repeat(2001) + "\"}",
                "\"comment\" is 2001 characters; the limit is 2000");
        assertRefused("{\"answerId\":\"a\",\"rating\":\"up\",\"comment\":42}", "\"comment\" must be a string");
        assertRefused("{\"answerId\":\"a\",\"rating\":\"up\",\"channel\":\"slack\"}", "\"channel\" must be \"widget\" or \"api\"");
        assertRefused("{\"answerId\":", "malformed JSON");
        assertRefused("[]", "must be a JSON object");
    }

    @Test
    void theListingNeedsTheRightToken() throws Exception {
        HttpResponse<String> none = get(null);
        assertEquals(401, none.statusCode());
        assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        assertEquals(401, get("Bearer wrong").statusCode());
        assertEquals(401, get("Basic " + TOKEN).statusCode());
    }

    @Test
    void withoutAConfiguredTokenTheListingDoesNotExist() throws Exception {
        try (EmbeddedServer open = ApplicationContext.run(EmbeddedServer.class, Map.of("micronaut.server.port", -1,
                "corpus.path", "corpus", "index.path", work.resolve("index2").toString(),
                "data.path", work.resolve("data").toString()), "test")) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(open.getURL() + "/api/feedback"))
                    .header("Authorization", "Bearer ").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, response.statusCode());
            assertTrue(response.body().contains("no such endpoint"), response.body());
        }
    }

    private static void assertRefused(String body, String message) throws Exception {
        HttpResponse<String> response = post(body);
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains(message.replace("\"", "\\\"")), response.body());
    }

    private static HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/api/feedback"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + "/api/feedback"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
