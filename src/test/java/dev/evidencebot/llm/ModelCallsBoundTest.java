package dev.evidencebot.llm;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Model calls run on a bounded pool: past its threads and its queue, a question is answered
 * extractively at once and told why, the pool grows no thread, and the circuit stays closed.
 */
class ModelCallsBoundTest {

    private static final String FULL = "model calls full (2 running, 1 waiting)";

    static ModelServer server;

    @BeforeAll
    static void start() {
        server = new ModelServer("model-calls-bound", FakeModel.Wire.OPENAI, Map.of("llm.timeout", "60s",
                "llm.max-calls", 2, "llm.waiting-calls", 1, "llm.breaker-failures", 1, "llm.breaker-open-for", "1h"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void withEveryModelThreadBusyAndTheQueueFullAQuestionIsAnsweredExtractivelyAtOnce() throws Exception {
        // given a model that holds every reply, two questions with it and a third waiting for a thread
        FakeModel.reset();
        FakeModel.then(request -> FakeModel.Reply.text(request.paraphrase(1, 12) + " [1].").held());
        ModelCalls calls = server.context().getBean(ModelCalls.class);
        ExecutorService readers = Executors.newFixedThreadPool(3);
        try {
            List<CompletableFuture<JsonNode>> held = IntStream.range(0, 3)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> server.ask(LlmComposerContract.QUESTION), readers))
                    .toList();
            awaitSaturated(calls);

            // when two more readers ask, one of them streaming
            JsonNode answer = server.ask(LlmComposerContract.QUESTION);
            JsonNode streamed = server.stream(LlmComposerContract.QUESTION).stream()
                    .filter(event -> event.getKey().equals("done")).findFirst().orElseThrow().getValue();

            // then they get the extractive answer with the reason, and the pool has not grown
            for (JsonNode extractive : new JsonNode[] {answer, streamed}) {
                assertEquals("extractive", extractive.path("composer").asText(), extractive.toString());
                assertEquals(dev.evidencebot.answer.Answer.MODEL_UNAVAILABLE, extractive.path("fallbackReason").asText());
                assertEquals(FULL, server.loggedReason(extractive), "the detail is the site owner's");
                assertTrue(extractive.path("citations").size() > 0, "still a cited answer");
            }
            assertEquals(2, calls.largestThreadCount(), "no more threads than llm.max-calls");
            assertEquals(2, FakeModel.requests().size(), "the refused calls never reached the model");

            // and once the model answers, the held questions and the next one get the model's answer:
            // a full pool is no failure of the model's, so the circuit (open after one failure) stays closed
            FakeModel.release();
            for (CompletableFuture<JsonNode> question : held) {
                assertEquals("llm", question.get(60, TimeUnit.SECONDS).path("composer").asText());
            }
            assertEquals("llm", server.ask(LlmComposerContract.QUESTION).path("composer").asText());
            assertEquals(2, calls.largestThreadCount());
        } finally {
            FakeModel.release();
            readers.shutdownNow();
        }
    }

    private static void awaitSaturated(ModelCalls calls) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (calls.running() < 2 || calls.waiting() < 1 || FakeModel.requests().size() < 2) {
            if (System.nanoTime() > until) {
                throw new AssertionError("the pool never filled: " + calls.running() + " running, " + calls.waiting() + " waiting");
            }
            Thread.sleep(20);
        }
    }
}
