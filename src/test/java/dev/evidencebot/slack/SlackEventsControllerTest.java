package dev.evidencebot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evidencebot.answer.Answer;
import dev.evidencebot.answer.AnswerService;
import dev.evidencebot.answer.Feedback;
import dev.evidencebot.answer.FeedbackStore;
import dev.evidencebot.answer.Question;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Slack door end to end: signed requests to the running server, answers arriving at a loopback response_url. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "spec.name", value = SlackEventsControllerTest.SPEC)
@Property(name = "slack.signing-secret", value = SlackRequests.SECRET)
@Property(name = "slack.response-url-hosts", value = "hooks.slack.com,127.0.0.1")
class SlackEventsControllerTest {

    static final String SPEC = "SlackEventsControllerTest";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EmbeddedServer server;
    @Inject
    FakeAnswerService answers;
    @Inject
    FakeFeedbackStore feedback;

    private final LoopbackHooks hooks = new LoopbackHooks();
    private SlackRequests slack;

    @BeforeEach
    void reset() {
        slack = new SlackRequests(server.getURI());
        answers.reset();
        feedback.saved.clear();
    }

    @AfterAll
    void closeHooks() {
        hooks.close();
    }

    @Test
    void acknowledgesWhileTheAnswerIsStillBeingComposedThenDeliversIt() throws Exception {
        // given an answer that cannot finish until the test says so
        CountDownLatch release = new CountDownLatch(1);
        answers.behaviour = question -> {
            awaitQuietly(release);
            return Answers.cited("slow-1", "Semax improved learning in rats [1].");
        };

        // when
        HttpResponse<String> ack = slack.send(SlackRequests.commandBody("/ask", "does semax help memory?", hooks.url("slow")));

        // then the ack is back and says so, while the answer is still blocked
        assertEquals(200, ack.statusCode());
        assertEquals(AskCommand.LOOKING, json(ack).get("text").asText());
        assertEquals("ephemeral", json(ack).get("response_type").asText());
        assertTrue(hooks.received("slow").isEmpty(), "nothing may arrive before the answer is composed");

        release.countDown();
        JsonNode delivered = hooks.awaitFirst("slow");
        assertEquals("ephemeral", delivered.get("response_type").asText());
        assertTrue(allText(delivered).contains("Semax improved learning in rats [1]."), delivered.toString());
        assertEquals(List.of("does semax help memory?"), answers.questions());
    }

    @Test
    void deliveredBlocksCarryTheAnswerItsMarkersTheSourcesAndTheEvidenceLevel() throws Exception {
        answers.behaviour = question -> Answers.cited("ans-blocks",
                "**Semax** improved learning in rats [1]. Stroke patients & carers reported <faster> recovery [2].");

        slack.send(SlackRequests.commandBody("/ask", "what does semax do?", hooks.url("blocks")));
        JsonNode message = hooks.awaitFirst("blocks");

        String answer = block(message, "answer-0").at("/text/text").asText();
        assertEquals("*Semax* improved learning in rats [1]. Stroke patients &amp; carers reported &lt;faster&gt; recovery [2].",
                answer);
        assertEquals("mrkdwn", block(message, "answer-0").at("/text/type").asText());

        String sources = block(message, "sources-0").at("/text/text").asText();
        assertTrue(sources.contains("*[1]* <https://pubmed.ncbi.nlm.nih.gov/1234567/|Semax &amp; learning in &lt;white&gt; rats> (2019)"
                + " · animal study · white rats · evidence: preclinical"), sources);
        assertTrue(sources.contains(":warning: only one laboratory has reported this"), sources);
        assertTrue(sources.contains("*[2]* <https://doi.org/10.1000/semax.2008|Petrov B. Semax after stroke. 2008.> (2008)"
                + " · uncontrolled human study · 30 stroke patients · evidence: very low"), sources);

        String evidence = block(message, AnswerBlocks.EVIDENCE_BLOCK).at("/elements/0/text").asText();
        assertEquals("Evidence level: *very low* — one uncontrolled human study and one animal study", evidence);
        assertFalse(answer.contains("Evidence level"), "the evidence line is shown once, in its own block");

        JsonNode buttons = block(message, "actions").get("elements");
        assertEquals(List.of(AnswerBlocks.SHARE_ACTION, AnswerBlocks.FEEDBACK_UP_ACTION, AnswerBlocks.FEEDBACK_DOWN_ACTION),
                values(buttons, "action_id"));
        assertEquals(List.of("ans-blocks", "ans-blocks", "ans-blocks"), values(buttons, "value"));
    }

    @Test
    void shareInChannelRepostsTheAnswerForEveryone() throws Exception {
        answers.behaviour = question -> Answers.cited("ans-share", "Semax improved learning in rats [1].");
        slack.send(SlackRequests.commandBody("/ask", "does semax help learning?", hooks.url("private")));
        hooks.awaitFirst("private");

        HttpResponse<String> ack = slack.send(
                SlackRequests.blockActionBody(AnswerBlocks.SHARE_ACTION, "ans-share", hooks.url("shared")));

        assertEquals(200, ack.statusCode());
        JsonNode shared = hooks.awaitFirst("shared");
        assertEquals("in_channel", shared.get("response_type").asText());
        assertEquals("Semax improved learning in rats [1].", block(shared, "answer-0").at("/text/text").asText());
        assertEquals("Shared by <@U2147483697>", block(shared, "shared-by").at("/elements/0/text").asText());
        assertFalse(values(block(shared, "actions").get("elements"), "action_id").contains(AnswerBlocks.SHARE_ACTION));
        assertEquals(1, answers.questions().size(), "sharing re-posts the answer; it does not ask again");
    }

    @Test
    void onlyTheAskerCanShareAnAnswerAndOnlyWhereTheyAsked() throws Exception {
        // given Alice asked in #general and got her private answer
        answers.behaviour = question -> Answers.cited("ans-mine", "Semax improved learning in rats [1].");
        slack.send(SlackRequests.commandBody("/ask", "does semax help learning?", hooks.url("mine"), "U0ALICE"));
        hooks.awaitFirst("mine");

        // when Mallory presses Share on it, and Alice presses it from another channel
        HttpResponse<String> byOther = slack.send(SlackRequests.blockActionBody(AnswerBlocks.SHARE_ACTION, "ans-mine",
                hooks.url("by-other"), "U0MALLORY", "C2147483705"));
        HttpResponse<String> elsewhere = slack.send(SlackRequests.blockActionBody(AnswerBlocks.SHARE_ACTION, "ans-mine",
                hooks.url("other-channel"), "U0ALICE", "C0RANDOM"));

        // then each gets the private refusal and nothing is posted for the channel
        assertEquals(200, byOther.statusCode());
        assertEquals(200, elsewhere.statusCode());
        for (String hook : List.of("by-other", "other-channel")) {
            JsonNode reply = hooks.awaitFirst(hook);
            assertEquals("ephemeral", reply.get("response_type").asText(), hook);
            assertEquals(AnswerActions.ONLY_ASKER, reply.get("text").asText(), hook);
            assertFalse(reply.has("blocks") && allText(reply).contains("Semax improved"), hook + ": " + reply);
        }

        // while Alice, where she asked, shares it
        slack.send(SlackRequests.blockActionBody(AnswerBlocks.SHARE_ACTION, "ans-mine", hooks.url("by-asker"),
                "U0ALICE", "C2147483705"));
        JsonNode shared = hooks.awaitFirst("by-asker");
        assertEquals("in_channel", shared.get("response_type").asText());
        assertEquals("Shared by <@U0ALICE>", block(shared, "shared-by").at("/elements/0/text").asText());
    }

    @Test
    void buttonIdsThatAreTooLongOrNotPlainAreNeitherLookedUpNorStored() throws Exception {
        String longest = "a".repeat(SlackIds.MAX_LENGTH);
        for (String id : List.of("a".repeat(SlackIds.MAX_LENGTH + 1), "x".repeat(2000), "../../etc/passwd", "ans 1",
                "ans\u0000", "<script>", "")) {
            slack.send(SlackRequests.blockActionBody(AnswerBlocks.FEEDBACK_UP_ACTION, id, hooks.url("rate-bad")));
            slack.send(SlackRequests.blockActionBody(AnswerBlocks.SHARE_ACTION, id, hooks.url("share-bad")));
        }
        slack.send(SlackRequests.blockActionBody(AnswerBlocks.FEEDBACK_UP_ACTION, longest, hooks.url("rate-longest")));

        assertEquals(AnswerActions.THANKS, hooks.awaitFirst("rate-longest").get("text").asText());
        assertEquals(List.of(longest), feedback.saved.stream().map(Feedback::answerId).toList(),
                "only the id within the cap was stored");
        for (String hook : List.of("rate-bad", "share-bad")) {
            List<JsonNode> replies = hooks.awaitCount(hook, 7);
            replies.forEach(reply -> assertEquals(AnswerActions.NOT_OURS, reply.get("text").asText(), hook));
        }
    }

    @Test
    void sharingAnAnswerNoLongerKeptGetsAShortPrivateMessage() throws Exception {
        slack.send(SlackRequests.blockActionBody(AnswerBlocks.SHARE_ACTION, "never-seen", hooks.url("expired")));

        JsonNode reply = hooks.awaitFirst("expired");
        assertEquals("ephemeral", reply.get("response_type").asText());
        assertEquals(AnswerActions.EXPIRED, reply.get("text").asText());
    }

    @Test
    void aBadSignatureIsRefusedWith401AndNothingIsDone() throws Exception {
        String body = SlackRequests.commandBody("/ask", "does semax help memory?", hooks.url("forged"));
        String timestamp = SlackRequests.now();

        HttpResponse<String> response = slack.send(body, timestamp, SlackRequests.sign("some-other-secret", timestamp, body));
        HttpResponse<String> feedbackResponse = slack.send(
                SlackRequests.blockActionBody(AnswerBlocks.FEEDBACK_DOWN_ACTION, "ans-x", hooks.url("forged")),
                timestamp, "v0=" + "0".repeat(64));

        assertEquals(401, response.statusCode());
        assertEquals(401, feedbackResponse.statusCode());
        assertEquals(0, answers.calls(), "no answer may be computed for an unverified request");
        assertTrue(feedback.saved.isEmpty());
    }

    @Test
    void aTimestampOlderThanFiveMinutesIsRefusedWith401EvenWhenCorrectlySigned() throws Exception {
        String body = SlackRequests.commandBody("/ask", "does semax help memory?", hooks.url("replayed"));
        String stale = String.valueOf(Instant.now().minusSeconds(6 * 60).getEpochSecond());

        HttpResponse<String> response = slack.send(body, stale, SlackRequests.sign(SlackRequests.SECRET, stale, body));

        assertEquals(401, response.statusCode());
        assertEquals(0, answers.calls());
    }

    @Test
    void aTimestampAnHourInTheFutureIsRefusedWith401EvenWhenCorrectlySigned() throws Exception {
        String body = SlackRequests.commandBody("/ask", "does semax help memory?", hooks.url("future"));
        String future = String.valueOf(Instant.now().plusSeconds(60 * 60).getEpochSecond());

        HttpResponse<String> response = slack.send(body, future, SlackRequests.sign(SlackRequests.SECRET, future, body));

        assertEquals(401, response.statusCode());
        assertEquals("the request's Slack timestamp is not within 5 minutes of now", json(response).get("error").asText());
        assertEquals(0, answers.calls());
    }

    @Test
    void aReplayedSignedRequestIsRefusedWith401AndAnsweredOnce() throws Exception {
        answers.behaviour = question -> Answers.cited("ans-replay", "Semax improved learning in rats [1].");
        String body = SlackRequests.commandBody("/ask", "does semax help memory?", hooks.url("replay"));
        String timestamp = SlackRequests.now();
        String signature = SlackRequests.sign(SlackRequests.SECRET, timestamp, body);

        HttpResponse<String> first = slack.send(body, timestamp, signature);
        hooks.awaitFirst("replay");
        HttpResponse<String> replayed = slack.send(body, timestamp, signature);

        assertEquals(200, first.statusCode());
        assertEquals(401, replayed.statusCode());
        assertEquals(401, json(replayed).get("status").asInt());
        assertTrue(json(replayed).get("error").asText().startsWith("replayed request"), replayed.body());
        assertEquals(1, answers.calls(), "the replay was not answered");
        assertEquals(1, hooks.received("replay").size(), "nor posted twice");
    }

    @Test
    void anUnsignedBodyIsRefusedWith401BeforeAnythingParsesIt() throws Exception {
        // "payload={": Bolt's parser would throw on it; unsigned, it never gets that far
        for (String body : List.of("payload=%7B", "payload=" + "%5B".repeat(10_000), "", "{\"type\": \"event_callback\"}")) {
            HttpResponse<String> response = slack.send(body, SlackRequests.now(), "");

            assertEquals(401, response.statusCode(), body + ": " + response.body());
            assertEquals(401, json(response).get("status").asInt());
            assertTrue(response.body().length() < 300, "a short refusal, no stack trace: " + response.body());
        }
        assertEquals(0, answers.calls());
    }

    @Test
    void aSignedBodyBoltCannotReadIsA400NotA500() throws Exception {
        for (String body : List.of("payload=%7B", "payload=%5B1%5D", "payload=" + "%5B".repeat(10_000))) {
            HttpResponse<String> response = slack.send(body);

            assertEquals(400, response.statusCode(), body + ": " + response.body());
            assertEquals(SlackEventsController.NOT_SLACK, json(response).get("error").asText());
        }
    }

    @Test
    void anEmptyCommandOrHelpGetsTheUsageText() throws Exception {
        HttpResponse<String> empty = slack.send(SlackRequests.commandBody("/ask", "", hooks.url("usage")));
        HttpResponse<String> help = slack.send(SlackRequests.commandBody("/ask", " help ", hooks.url("usage")));

        for (HttpResponse<String> response : List.of(empty, help)) {
            assertEquals(200, response.statusCode());
            assertTrue(json(response).get("text").asText().contains("Usage: `/ask does semax improve memory?`"),
                    response.body());
        }
        assertEquals(0, answers.calls());
    }

    @Test
    void anAnswerOverThreeThousandCharactersIsSplitIntoValidSections() throws Exception {
        // given ~9,000 characters in paragraphs of sentences with markers
        StringBuilder body = new StringBuilder();
        for (int paragraph = 0; paragraph < 12; paragraph++) {
            for (int sentence = 0; sentence < 8; sentence++) {
                body.append("Finding ").append(paragraph).append('.').append(sentence)
                        .append(" held in a small group of animals studied over several weeks [")
                        .append(sentence % 2 + 1).append("]. ");
            }
            body.setLength(body.length() - 1);
            body.append("\n\n");
        }
        String original = body.toString().strip();
        answers.behaviour = question -> Answers.cited("ans-long", original);

        slack.send(SlackRequests.commandBody("/ask", "tell me everything", hooks.url("long")));
        JsonNode message = hooks.awaitFirst("long");

        JsonNode blocks = message.get("blocks");
        assertTrue(blocks.size() <= AnswerBlocks.MAX_BLOCKS, "blocks: " + blocks.size());
        StringBuilder joined = new StringBuilder();
        int answerSections = 0;
        for (JsonNode block : blocks) {
            if (block.has("text")) {
                assertTrue(block.at("/text/text").asText().length() <= 3000, block.get("block_id").asText());
            }
            if (block.path("block_id").asText().startsWith(AnswerBlocks.ANSWER_BLOCK)) {
                joined.append(block.at("/text/text").asText());
                answerSections++;
            }
        }
        assertTrue(answerSections >= 3, "sections: " + answerSections);
        assertEquals(original, joined.toString());
    }

    @Test
    void aResponseUrlOnAHostNotAllowedGetsNothingPostedAndNoAnswerComputed() throws Exception {
        answers.behaviour = question -> Answers.cited("ans-host", "Semax improved learning in rats [1].");

        // localhost reaches the same loopback receiver, but only 127.0.0.1 is allowed
        HttpResponse<String> refused = slack.send(
                SlackRequests.commandBody("/ask", "does semax help memory?", hooks.localhostUrl("elsewhere")));
        slack.send(SlackRequests.commandBody("/ask", "does semax help memory?", hooks.url("allowed")));
        hooks.awaitFirst("allowed");

        assertEquals(AskCommand.CANNOT_DELIVER, json(refused).get("text").asText());
        assertTrue(hooks.received("elsewhere").isEmpty());
        assertEquals(1, answers.calls(), "only the deliverable question was answered");
    }

    @Test
    void thumbsDownIsStoredAsSlackFeedback() throws Exception {
        HttpResponse<String> ack = slack.send(
                SlackRequests.blockActionBody(AnswerBlocks.FEEDBACK_DOWN_ACTION, "ans-rated", hooks.url("rated")));

        assertEquals(200, ack.statusCode());
        assertEquals(1, feedback.saved.size());
        Feedback saved = feedback.saved.get(0);
        assertEquals("ans-rated", saved.answerId());
        assertEquals("down", saved.rating());
        assertEquals("slack", saved.channel());
        assertEquals(AnswerActions.THANKS, hooks.awaitFirst("rated").get("text").asText());
    }

    @Test
    void aFailingAnswerReachesTheAskerAsAShortMessage() throws Exception {
        answers.behaviour = question -> {
            throw new IllegalStateException("index is missing");
        };

        slack.send(SlackRequests.commandBody("/ask", "does semax help memory?", hooks.url("failed")));

        JsonNode reply = hooks.awaitFirst("failed");
        assertEquals("ephemeral", reply.get("response_type").asText());
        assertEquals(AnswerRunner.FAILED, reply.get("text").asText());
    }

    @Test
    void anAbstentionIsSaidPlainly() throws Exception {
        answers.behaviour = question -> Answers.abstained("ans-abstain");

        slack.send(SlackRequests.commandBody("/ask", "is the moon made of cheese?", hooks.url("abstain")));

        JsonNode message = hooks.awaitFirst("abstain");
        assertEquals(":grey_question: *I can't answer that from the evidence I have.*",
                block(message, "abstained").at("/text/text").asText());
        assertEquals("The articles I have say nothing about that.", block(message, "answer-0").at("/text/text").asText());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    private static JsonNode block(JsonNode message, String blockId) {
        for (JsonNode block : message.get("blocks")) {
            if (blockId.equals(block.path("block_id").asText())) {
                return block;
            }
        }
        throw new AssertionError("no block " + blockId + " in " + message);
    }

    private static List<String> values(JsonNode elements, String field) {
        List<String> values = new ArrayList<>();
        elements.forEach(element -> values.add(element.get(field).asText()));
        return values;
    }

    private static String allText(JsonNode message) {
        StringBuilder text = new StringBuilder();
        message.findValues("text").forEach(node -> text.append(node.isTextual() ? node.asText() : node.path("text").asText()).append('\n'));
        return text.toString();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the answer");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Singleton
    @Requires(property = "spec.name", value = SPEC)
    @Replaces(AnswerService.class)
    static class FakeAnswerService implements AnswerService {
        volatile Function<Question, Answer> behaviour;
        private final List<String> questions = new CopyOnWriteArrayList<>();

        void reset() {
            behaviour = question -> Answers.cited("default", "Default answer [1].");
            questions.clear();
        }

        int calls() {
            return questions.size();
        }

        List<String> questions() {
            return List.copyOf(questions);
        }

        @Override
        public Answer answer(Question question, Consumer<String> deltas) {
            questions.add(question.text());
            return behaviour.apply(question);
        }
    }

    @Singleton
    @Requires(property = "spec.name", value = SPEC)
    @Replaces(FeedbackStore.class)
    static class FakeFeedbackStore implements FeedbackStore {
        final List<Feedback> saved = new CopyOnWriteArrayList<>();

        @Override
        public void save(Feedback feedback) {
            saved.add(feedback);
        }

        @Override
        public List<Feedback> all() {
            return List.copyOf(saved);
        }
    }
}
