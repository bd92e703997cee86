package dev.evidencebot.llm;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A provider that keeps failing stops being called: the reader gets the extractive answer at once. */
class LlmCircuitTest {

    static ModelServer server;

    @BeforeAll
    static void start() {
        server = new ModelServer("llm-circuit", FakeModel.Wire.OPENAI,
                Map.of("llm.breaker-failures", 2, "llm.breaker-open-for", "1h"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void afterTwoFailuresThePeerIsNoLongerCalled() {
        // given a provider failing twice
        FakeModel.reset();
        FakeModel.then(request -> FakeModel.Reply.status(502));
        server.ask(LlmComposerContract.QUESTION);
        server.ask(LlmComposerContract.QUESTION);

        // when
        JsonNode answer = server.ask(LlmComposerContract.QUESTION);

        // then
        assertEquals(2, FakeModel.requests().size());
        assertEquals("extractive", answer.path("composer").asText());
        assertEquals(dev.evidencebot.answer.Answer.MODEL_UNAVAILABLE, answer.path("fallbackReason").asText(), "no breaker internals");
        assertEquals("model circuit open", server.loggedReason(answer));
    }
}
