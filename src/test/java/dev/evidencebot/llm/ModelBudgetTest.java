package dev.evidencebot.llm;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The global budget of model calls: once spent, readers get the extractive answer and are told why. */
class ModelBudgetTest {

    static ModelServer server;

    @BeforeAll
    static void start() {
        // two model calls an hour; the per-client limits wide open, so only the budget can refuse
        server = new ModelServer("model-budget", FakeModel.Wire.OPENAI, Map.of("rate-limit.enabled", true,
                "rate-limit.model-calls-per-hour", 2, "rate-limit.per-minute", 1000, "rate-limit.burst", 1000));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void pastTheBudgetAnswersAreExtractiveWithTheReasonAndTheModelIsNotCalled() {
        // given a model that answers well, and a budget of two calls spent on two questions
        FakeModel.reset();
        FakeModel.then(request -> FakeModel.Reply.text(request.paraphrase(1, 12) + " [1]."));
        assertEquals("llm", server.ask(LlmComposerContract.QUESTION).path("composer").asText());
        assertEquals("llm", server.ask(LlmComposerContract.QUESTION).path("composer").asText());

        // when a third reader asks, over both endpoints
        JsonNode answer = server.ask(LlmComposerContract.QUESTION);
        JsonNode streamed = server.stream(LlmComposerContract.QUESTION).stream()
                .filter(event -> event.getKey().equals("done")).findFirst().orElseThrow().getValue();

        // then the peer saw two requests only, and the answers say why they are extractive
        assertEquals(2, FakeModel.requests().size());
        for (JsonNode extractive : new JsonNode[] {answer, streamed}) {
            assertEquals("extractive", extractive.path("composer").asText());
            assertEquals(dev.evidencebot.answer.Answer.MODEL_UNAVAILABLE, extractive.path("fallbackReason").asText());
            assertEquals(GuardedModel.BUDGET_SPENT, server.loggedReason(extractive), "the detail is the site owner's");
            assertTrue(extractive.path("citations").size() > 0, "still a cited answer");
        }
    }
}
