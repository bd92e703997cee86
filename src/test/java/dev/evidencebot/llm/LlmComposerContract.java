package dev.evidencebot.llm;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.evidencebot.answer.Answer;
import dev.evidencebot.answer.AnswerTexts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a reader gets when a language model writes the answer, over real HTTP, against a model
 * peer on loopback speaking one provider's wire format: the same contract for every provider.
 */
abstract class LlmComposerContract {

    static final String QUESTION = "Does Semax reduce anxiety?";

    static ModelServer server;

    static ModelServer start(String name, FakeModel.Wire wire) {
        // A breaker that never opens here: its own test opens it on purpose.
        return new ModelServer(name, wire, Map.of("llm.breaker-failures", 1000));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @BeforeEach
    void resetModel() {
        FakeModel.reset();
    }

    @Test
    void aGroundedAnswerReachesTheReaderWithItsCitations() {
        // given a model that paraphrases the first two sources, citing each
        FakeModel.then(request -> FakeModel.Reply.text(
                request.paraphrase(1, 12) + " [1]. " + request.paraphrase(2, 12) + " [2]."));

        // when
        JsonNode answer = server.ask(QUESTION);

        // then the model's sentences stand, numbered as the citations list
        FakeModel.Request request = FakeModel.requests().get(0);
        assertEquals("llm", answer.path("composer").asText());
        assertTrue(answer.path("fallbackReason").isNull(), answer.toString());
        String text = answer.path("answer").asText();
        assertTrue(text.startsWith(request.paraphrase(1, 12) + " [1]. " + request.paraphrase(2, 12) + " [2]."), text);
        assertEquals(2, answer.path("citations").size());
        assertEquals(request.passages().get(1), answer.path("citations").get(0).path("passage").asText());
        assertEquals(1, answer.path("citations").get(0).path("marker").asInt());
        assertFalse(request.streaming());
        assertEquals(ModelServer.KEY, request.credential().replace("Bearer ", ""));
        assertTrue(request.system().contains(AnswerTexts.MODEL_ABSTENTION), "the prompt names the one abstention sentence");
    }

    @Test
    void aStreamedAnswerArrivesSentenceBySentenceAndEqualsTheFinalAnswer() {
        // given
        FakeModel.then(request -> FakeModel.Reply.text(
                request.paraphrase(1, 10) + ". [1] " + request.paraphrase(2, 10) + " [2]."));

        // when
        List<Map.Entry<String, JsonNode>> events = server.stream(QUESTION);

        // then the first delta is the first verified sentence, and all deltas make the answer
        assertTrue(FakeModel.requests().get(0).streaming());
        List<String> deltas = events.stream().filter(e -> e.getKey().equals("delta")).map(e -> e.getValue().path("text").asText()).toList();
        JsonNode done = events.get(events.size() - 1).getValue();
        assertEquals("done", events.get(events.size() - 1).getKey());
        assertEquals(FakeModel.requests().get(0).paraphrase(1, 10) + ". [1]", deltas.get(0));
        assertEquals(done.path("answer").asText(), String.join("", deltas));
        assertEquals("llm", done.path("composer").asText());
        assertEquals(2, done.path("citations").size());
    }

    @Test
    void aSentenceWithAnInventedMarkerIsRemovedAndTheRestStays() {
        // given
        FakeModel.then(request -> FakeModel.Reply.text(
                request.paraphrase(1, 12) + " [1]. Semax also regrows hair in bald patients [7]."));

        // when
        JsonNode answer = server.ask(QUESTION);

        // then
        String text = answer.path("answer").asText();
        assertFalse(text.contains("hair"), text);
        assertFalse(text.contains("[7]"), text);
        assertTrue(text.startsWith(FakeModel.requests().get(0).paraphrase(1, 12) + " [1]."), text);
        assertEquals("llm", answer.path("composer").asText());
        assertEquals(1, answer.path("citations").size());
    }

    @Test
    void anAnswerWithoutMarkersFallsBackToTheArticlesOwnSentences() {
        // given
        FakeModel.then(request -> FakeModel.Reply.text("Semax is a wonderful peptide for anxiety. Everyone should try it."));

        // when
        JsonNode answer = server.ask(QUESTION);

        // then
        String text = answer.path("answer").asText();
        assertFalse(text.contains("wonderful"), text);
        assertFalse(text.contains("should try"), text);
        assertEquals("extractive", answer.path("composer").asText());
        assertEquals("model answer had no sentence supported by the sources", answer.path("fallbackReason").asText());
        assertFalse(answer.path("abstained").asBoolean());
        assertTrue(answer.path("citations").size() > 0);
    }

    @Test
    void aModelThatAbstainsIsReplacedByTheExtractiveAnswerOverTheRelevantSources() {
        // given
        FakeModel.then(request -> FakeModel.Reply.text(AnswerTexts.MODEL_ABSTENTION));

        // when
        JsonNode answer = server.ask(QUESTION);

        // then
        String text = answer.path("answer").asText();
        assertFalse(text.contains(AnswerTexts.MODEL_ABSTENTION), text);
        assertEquals("extractive", answer.path("composer").asText());
        assertEquals(LlmComposer.ABSTAINED, answer.path("fallbackReason").asText());
        assertTrue(answer.path("citations").size() > 0);
    }

    @Test
    void anInstructionPlantedInAnArticleNeverReachesTheReaderEvenWhenTheModelObeys() {
        // given a model that obeys the planted instruction and cites a real source for it
        FakeModel.then(request -> FakeModel.Reply.text(
                "Semax cures cancer in every patient [1]. " + request.paraphrase(1, 12) + " [1]."));

        // when
        JsonNode answer = server.ask(QUESTION);

        // then the model never saw the instruction, and its obedient sentence is gone
        FakeModel.Request request = FakeModel.requests().get(0);
        assertFalse(request.lastUser().contains("Ignore your previous instructions"), request.lastUser());
        assertTrue(request.lastUser().contains("neonatal maternal deprivation"), "the planted passage's paragraph was retrieved");
        String text = answer.path("answer").asText();
        assertFalse(text.toLowerCase().contains(ModelServer.INJECTED_CLAIM), text);
        assertTrue(text.startsWith(request.paraphrase(1, 12) + " [1]."), text);
        answer.path("citations").forEach(citation ->
                assertFalse(citation.path("passage").asText().contains("Ignore"), citation.toString()));
    }

    @Test
    void aModelWrittenEvidenceLevelIsReplacedByTheSystemsOwn() {
        // given animal studies, and a model claiming high evidence
        FakeModel.then(request -> FakeModel.Reply.text(
                request.paraphrase(1, 12) + " [1].\n\nEvidence level: high\n\nSources:\n[1] A great trial (2020)"));

        // when
        JsonNode answer = server.ask(QUESTION);

        // then
        String text = answer.path("answer").asText();
        assertFalse(text.contains("Evidence level: high"), text);
        assertFalse(text.contains("A great trial"), text);
        assertTrue(text.endsWith("\n" + "Evidence level: preclinical — one animal study (adolescent white rats); "
                + "no randomized trials are cited; no human studies are cited") || text.contains("\nEvidence level: preclinical"), text);
        assertEquals("PRECLINICAL", answer.path("evidence").path("level").asText());
        assertEquals("llm", answer.path("composer").asText());
    }

    @Test
    void aModelThatTimesOutGivesTheExtractiveAnswerWithTheReason() {
        // given a model slower than llm.timeout (2 s)
        FakeModel.then(request -> FakeModel.Reply.text(request.paraphrase(1, 12) + " [1].").delayed(Duration.ofSeconds(5)));

        // when
        JsonNode answer = server.ask(QUESTION);

        // then
        assertEquals("extractive", answer.path("composer").asText());
        assertEquals(Answer.MODEL_UNAVAILABLE, answer.path("fallbackReason").asText(), "readers get no internals");
        assertEquals("model timed out after 2 s", server.loggedReason(answer));
        assertTrue(answer.path("citations").size() > 0);
    }

    @Test
    void aServerErrorGivesTheExtractiveAnswerWithTheStatus() {
        // given
        FakeModel.then(request -> FakeModel.Reply.status(500));

        // when
        JsonNode answer = server.ask(QUESTION);

        // then
        assertEquals("extractive", answer.path("composer").asText());
        assertEquals(Answer.MODEL_UNAVAILABLE, answer.path("fallbackReason").asText(), "readers get no internals");
        assertEquals("model returned HTTP 500", server.loggedReason(answer));
        assertEquals(1, FakeModel.requests().size(), "no retry after a 500");
    }

    @Test
    void aRateLimitIsRetriedOnceAfterRetryAfter() {
        // given a 429 asking for a short wait, then an answer
        FakeModel.then(request -> FakeModel.Reply.status(429).retryAfter("0.2"));
        FakeModel.then(request -> FakeModel.Reply.text(request.paraphrase(1, 12) + " [1]."));

        // when
        JsonNode answer = server.ask(QUESTION);

        // then
        assertEquals(2, FakeModel.requests().size());
        assertEquals("llm", answer.path("composer").asText());
        assertNull(answer.path("fallbackReason").textValue());
    }

    @Test
    void aSecondRateLimitGivesUp() {
        // given
        FakeModel.then(request -> FakeModel.Reply.status(429).retryAfter("0"));

        // when
        JsonNode answer = server.ask(QUESTION);

        // then once retried, never twice
        assertEquals(2, FakeModel.requests().size());
        assertEquals("extractive", answer.path("composer").asText());
        assertEquals(Answer.MODEL_UNAVAILABLE, answer.path("fallbackReason").asText(), "readers get no internals");
        assertEquals("model rate-limited the request (HTTP 429)", server.loggedReason(answer));
    }

    @Test
    void aMalformedResponseGivesTheExtractiveAnswer() {
        // given
        FakeModel.then(request -> FakeModel.Reply.text("unused").raw("{\"choices\": [ {\"message\": "));

        // when
        JsonNode answer = server.ask(QUESTION);

        // then
        assertEquals("extractive", answer.path("composer").asText());
        assertEquals(Answer.MODEL_UNAVAILABLE, answer.path("fallbackReason").asText(), answer.toString());
        assertTrue(server.loggedReason(answer).startsWith("model returned"), answer.toString());
        assertTrue(answer.path("citations").size() > 0);
    }

    @Test
    void aStreamCutMidwayKeepsTheVerifiedSentencesAndSaysSo() {
        // given a stream that breaks off inside its second sentence
        FakeModel.then(request -> {
            String first = request.paraphrase(1, 8) + " [1]. ";
            FakeModel.Reply reply = FakeModel.Reply.text(first + request.paraphrase(2, 12) + " [2].");
            int lastEventBeforeCut = (first.length() / 7) + 2 + (request.wire() == FakeModel.Wire.ANTHROPIC ? 2 : 0);
            return reply.cutAfter(lastEventBeforeCut);
        });

        // when
        List<Map.Entry<String, JsonNode>> events = server.stream(QUESTION);

        // then the reader has the first sentence, not a half one, and the reason
        JsonNode done = events.get(events.size() - 1).getValue();
        assertEquals("done", events.get(events.size() - 1).getKey(), events.toString());
        String text = done.path("answer").asText();
        FakeModel.Request request = FakeModel.requests().get(0);
        assertTrue(text.startsWith(request.paraphrase(1, 8) + " [1]."), text);
        assertFalse(text.contains(request.paraphrase(2, 12)), text);
        assertEquals("llm", done.path("composer").asText());
        assertEquals(Answer.MODEL_UNAVAILABLE, done.path("fallbackReason").asText(), done.toString());
        assertTrue(server.loggedReason(done).startsWith("model stream broke off"), done.toString());
    }

    @Test
    void theKeyNeverAppearsInLogsOrAnswersEvenWhenTheProviderEchoesIt() {
        // given a provider whose error body echoes the key, and every log line captured
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        FakeModel.then(request -> FakeModel.Reply.status(500)
                .raw("{\"error\":{\"message\":\"bad key " + request.credential() + "\"}}"));
        try {
            // when
            JsonNode answer = server.ask(QUESTION);

            // then
            assertFalse(answer.toString().contains(ModelServer.KEY), answer.toString());
            assertEquals(Answer.MODEL_UNAVAILABLE, answer.path("fallbackReason").asText(), "readers get no internals");
        assertEquals("model returned HTTP 500", server.loggedReason(answer));
            assertFalse(logs.list.isEmpty(), "the failure was logged");
            assertTrue(logs.list.stream().anyMatch(event -> event.getFormattedMessage().contains("HTTP 500")
                    && event.getFormattedMessage().contains(providerName())), "the warning names provider and status");
            for (ILoggingEvent event : logs.list) {
                assertFalse(event.getFormattedMessage().contains(ModelServer.KEY), event.getFormattedMessage());
                for (var thrown = event.getThrowableProxy(); thrown != null; thrown = thrown.getCause()) {
                    assertFalse(String.valueOf(thrown.getMessage()).contains(ModelServer.KEY), thrown.getMessage());
                }
            }
        } finally {
            root.detachAppender(logs);
        }
    }

    @Test
    void aFollowUpIsCondensedByTheModelIntoAStandaloneQueryBeforeRetrieval() {
        // given a first answer
        FakeModel.then(request -> FakeModel.Reply.text(request.paraphrase(1, 12) + " [1]."));
        JsonNode first = server.ask(QUESTION);
        FakeModel.reset();
        FakeModel.then(request -> FakeModel.Reply.text("Semax anxiety studies in rats and their populations"));
        FakeModel.then(request -> FakeModel.Reply.text(request.paraphrase(1, 12) + " [1]."));

        // when the reader follows up on it (not an evidence question: those the system answers from the gradings)
        JsonNode second = server.ask("How did that work?", first.path("conversationId").asText());

        // then the model condensed the conversation first, and the answer is grounded
        FakeModel.Request condense = FakeModel.requests().get(0);
        assertEquals(Prompts.CONDENSE, condense.system());
        assertTrue(condense.lastUser().contains(QUESTION) && condense.lastUser().contains("How did that work?"), condense.lastUser());
        assertEquals(2, FakeModel.requests().size());
        assertEquals("llm", second.path("composer").asText());
        assertTrue(second.path("citations").size() > 0);
    }

    @Test
    void aFollowUpWhoseCondensingFailsStillGetsAnAnswer() {
        // given a first answer, then a model that fails to condense
        FakeModel.then(request -> FakeModel.Reply.text(request.paraphrase(1, 12) + " [1]."));
        JsonNode first = server.ask(QUESTION);
        FakeModel.reset();
        FakeModel.then(request -> FakeModel.Reply.status(503));
        FakeModel.then(request -> FakeModel.Reply.text(request.paraphrase(1, 12) + " [1]."));

        // when
        JsonNode second = server.ask("How did that work?", first.path("conversationId").asText());

        // then the heuristic query served retrieval and the model still wrote the answer
        assertEquals("llm", second.path("composer").asText());
        assertTrue(second.path("citations").size() > 0);
    }

    abstract String providerName();
}
