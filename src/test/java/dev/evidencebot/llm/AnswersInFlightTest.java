package dev.evidencebot.llm;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The API's doors answer at most api.max-answers-in-flight questions at once: past that a question
 * gets a 503 with Retry-After at once, not a thread of the blocking executor or a place in a queue.
 */
class AnswersInFlightTest {

    static ModelServer server;

    @BeforeAll
    static void start() {
        server = new ModelServer("answers-in-flight", FakeModel.Wire.OPENAI,
                Map.of("llm.timeout", "60s", "api.max-answers-in-flight", 1));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void pastTheAnswersInFlightBothDoorsSay503WithRetryAfterAndTheNextQuestionIsAnswered() throws Exception {
        // given one answer in progress, held by the model
        FakeModel.reset();
        FakeModel.then(request -> FakeModel.Reply.text(request.paraphrase(1, 12) + " [1].").held());
        CompletableFuture<JsonNode> held = CompletableFuture.supplyAsync(() -> server.ask(LlmComposerContract.QUESTION));
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (FakeModel.requests().isEmpty()) {
            assertTrue(System.nanoTime() < until, "the model was not asked");
            Thread.sleep(20);
        }

        try {
            // when two more questions come, one of them streamed
            for (String path : new String[] {"/api/ask", "/api/ask/stream"}) {
                HttpResponse<String> refused = post(path);

                // then
                assertEquals(503, refused.statusCode(), path + ": " + refused.body());
                assertEquals("1", refused.headers().firstValue("Retry-After").orElse(null), path);
                assertTrue(refused.body().contains("server busy"), refused.body());
            }
        } finally {
            FakeModel.release();
        }

        // and once the answer is done, its place is free again
        assertEquals("llm", held.get(60, TimeUnit.SECONDS).path("composer").asText());
        assertEquals("llm", server.ask(LlmComposerContract.QUESTION).path("composer").asText());
    }

    private static HttpResponse<String> post(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"question\": \"" + LlmComposerContract.QUESTION + "\"}")).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
