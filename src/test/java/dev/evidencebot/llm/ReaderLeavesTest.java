package dev.evidencebot.llm;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.Socket;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A reader who closes a streamed answer takes the model request with them: the provider sees its
 * connection cancelled, and the leaving is never counted as the model's failure.
 */
class ReaderLeavesTest {

    /** Far longer than any wait below: only the reader's leaving can end a model call early. */
    private static final String TIMEOUT = "120s";
    /** How long the peer's scripted replies would take to the end: longer than any wait below. */
    private static final Duration PACE = Duration.ofMillis(200);
    private static final Duration WAIT = Duration.ofSeconds(15);

    static ModelServer server;

    @BeforeAll
    static void start() {
        server = new ModelServer("reader-leaves", FakeModel.Wire.OPENAI,
                Map.of("llm.timeout", TIMEOUT, "llm.breaker-failures", 2, "llm.breaker-open-for", "1h"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void reset() {
        FakeModel.reset();
    }

    @Test
    void aReaderWhoLeavesMidStreamCancelsTheModelRequest() throws Exception {
        // given a model writing a long answer slowly (a sentence, then about a minute more)
        FakeModel.then(ReaderLeavesTest::longSlowAnswer);

        // when the reader has the first sentence and leaves
        try (Socket reader = server.openStream(LlmComposerContract.QUESTION)) {
            ModelServer.readUntil(reader, "event: delta");
        }

        // then the peer sees its reply cancelled long before it would have ended
        assertTrue(FakeModel.awaitAbandoned(1, WAIT), "the model request is cancelled when the reader leaves");
    }

    @Test
    void aReaderWhoLeavesBeforeTheModelRespondsCancelsTheModelRequest() throws Exception {
        // given a model that has not begun to respond (its own server, since ours only notices a
        // client that leaves once the response has begun)
        try (SilentModelPeer silent = new SilentModelPeer();
             ModelServer waiting = new ModelServer("reader-leaves-early", FakeModel.Wire.OPENAI,
                     Map.of("llm.timeout", TIMEOUT, "llm.base-url", silent.baseUrl()))) {

            // when the reader leaves while the request is with the model
            try (Socket reader = waiting.openStream(LlmComposerContract.QUESTION)) {
                assertTrue(silent.awaitAsked(WAIT), "the model was asked");
            }

            // then the model's connection is closed on it
            assertTrue(silent.awaitHungUp(WAIT), "the model request is cancelled before the model responded");
        }
    }

    @Test
    void readersWhoLeaveDoNotOpenTheCircuit() throws Exception {
        // given a breaker that opens after two failures, and three readers in a row who leave mid-answer
        FakeModel.then(ReaderLeavesTest::longSlowAnswer);
        for (int i = 1; i <= 3; i++) {
            try (Socket reader = server.openStream(LlmComposerContract.QUESTION)) {
                ModelServer.readUntil(reader, "event: delta");
            }
            assertTrue(FakeModel.awaitAbandoned(i, WAIT), "reader " + i + "'s model request is cancelled");
        }

        // when the next reader asks
        FakeModel.then(request -> FakeModel.Reply.text(request.paraphrase(1, 12) + " [1]."));
        JsonNode answer = server.ask(LlmComposerContract.QUESTION);

        // then the model answers it
        assertEquals("llm", answer.path("composer").asText(), answer.toString());
        assertTrue(answer.path("fallbackReason").isNull(), answer.toString());
    }

    /** A supported first sentence, then the same again and again, one small piece every {@link #PACE}. */
    private static FakeModel.Reply longSlowAnswer(FakeModel.Request request) {
        StringBuilder text = new StringBuilder(request.paraphrase(1, 8) + " [1]. ");
        while (text.length() < 2000) {
            text.append(request.paraphrase(2, 12)).append(" [2]. ");
        }
        return FakeModel.Reply.text(text.toString()).paced(PACE);
    }

    private static void awaitRequests(int count) throws InterruptedException {
        long until = System.nanoTime() + WAIT.toNanos();
        while (FakeModel.requests().size() < count) {
            if (System.nanoTime() > until) {
                throw new AssertionError("the model was not asked");
            }
            Thread.sleep(20);
        }
    }
}
