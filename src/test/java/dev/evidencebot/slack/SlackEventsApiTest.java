package dev.evidencebot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Events API end to end: signed events to the running server, answers from the seed corpus
 * posted to a loopback stand-in for Slack's Web API (slack.api-url). Each test uses its own
 * channel, so the tests share one server without seeing each other's posts.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "slack.signing-secret", value = SlackRequests.SECRET)
@Property(name = "slack.bot-token", value = "xoxb-events-test")
@Property(name = "slack.answer-channels", value = SlackEventsApiTest.ANSWER_CHANNEL + ", C0QUIET")
class SlackEventsApiTest implements TestPropertyProvider {

    static final String ANSWER_CHANNEL = "C0ANSWER";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BOT = "<@" + SlackApiStub.BOT_USER + ">";

    @Inject
    EmbeddedServer server;
    @Inject
    RecentAnswers recent;

    private SlackApiStub api;
    private SlackRequests slack;

    @Override
    public Map<String, String> getProperties() {
        api = new SlackApiStub();
        return Map.of("slack.api-url", api.apiUrl());
    }

    @BeforeEach
    void client() {
        slack = new SlackRequests(server.getURI());
    }

    @AfterAll
    void stop() {
        api.close();
    }

    @Test
    void urlVerificationIsAnsweredWithTheChallenge() throws Exception {
        String body = "{\"token\":\"legacy\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\","
                + "\"type\":\"url_verification\"}";

        HttpResponse<String> response = slack.sendEvent(body);

        assertEquals(200, response.statusCode());
        assertEquals("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", response.body());
    }

    @Test
    void aMentionGetsAThreadedReplyWithTheAnswerBlocksAndLevels() throws Exception {
        // given someone tags the bot in a channel
        String ts = "1700000001.000100";
        HttpResponse<String> ack = slack.sendEvent(SlackRequests.eventBody("Ev0MENTION",
                SlackRequests.mention("C0MENTION", "U0ALICE", BOT + " Does Semax reduce anxiety?", ts, null)));

        // then the ack is immediate, a placeholder goes into a thread under the message...
        assertEquals(200, ack.statusCode());
        SlackApiStub.Call placeholder = api.await("chat.postMessage", "C0MENTION", 1).get(0);
        assertEquals(ts, placeholder.params().get("thread_ts"));
        assertEquals(AskCommand.LOOKING, placeholder.params().get("text"));

        // ...and is replaced by the answer: the same blocks as /ask, sources once, the level, the buttons
        SlackApiStub.Call answer = api.await("chat.update", "C0MENTION", 1).get(0);
        assertTrue(answer.params().get("ts").startsWith("1700000100."), answer.toString());
        JsonNode blocks = answer.blocks();
        assertEquals("*Q:* Does Semax reduce anxiety?", block(blocks, "question").at("/elements/0/text").asText());
        String text = answerText(blocks);
        assertFalse(text.contains("Sources:"), "the plain-text sources list is not repeated above the Sources block: " + text);
        assertFalse(text.contains("https://"), text);
        assertTrue(block(blocks, "sources-0").at("/text/text").asText().startsWith("*Sources*\n*[1]* <https://"), blocks.toString());
        assertTrue(block(blocks, AnswerBlocks.EVIDENCE_BLOCK).at("/elements/0/text").asText()
                .startsWith("Evidence level: *preclinical*"), blocks.toString());
        List<String> buttons = new ArrayList<>();
        block(blocks, "actions").get("elements").forEach(button -> buttons.add(button.get("action_id").asText()));
        assertEquals(List.of(AnswerBlocks.SHARE_ACTION, AnswerBlocks.FEEDBACK_UP_ACTION, AnswerBlocks.FEEDBACK_DOWN_ACTION), buttons);
        assertEquals(1, api.calls("chat.postMessage", "C0MENTION").size(), "one placeholder, updated in place");
        // the answer is kept for Share with who asked and where: only Alice, in this channel, may share it
        String answerId = block(blocks, "actions").at("/elements/0/value").asText();
        assertEquals(new Asker("T0001", "U0ALICE", "C0MENTION"), recent.find(answerId).orElseThrow().asker());
    }

    @Test
    void aDirectMessageGetsAReplyInTheDm() throws Exception {
        HttpResponse<String> ack = slack.sendEvent(SlackRequests.eventBody("Ev0DM",
                SlackRequests.message("D0DM", "im", "U0BOB", "What happened in the stroke study?", "1700000003.000100", null)));

        assertEquals(200, ack.statusCode());
        SlackApiStub.Call placeholder = api.await("chat.postMessage", "D0DM", 1).get(0);
        assertNull(placeholder.params().get("thread_ts"), "a DM is answered in the DM, not in a thread");
        JsonNode blocks = api.await("chat.update", "D0DM", 1).get(0).blocks();
        assertTrue(block(blocks, AnswerBlocks.EVIDENCE_BLOCK).at("/elements/0/text").asText()
                .startsWith("Evidence level: *very low*"), blocks.toString());
    }

    @Test
    void aFollowUpInTheThreadNeedsNoMentionAndResolvesThroughTheThreadsMemory() throws Exception {
        // given the bot answered a mention about anxiety (rat studies only)
        String root = "1700000002.000100";
        slack.sendEvent(SlackRequests.eventBody("Ev0THREAD1",
                SlackRequests.mention("C0THREAD", "U0ALICE", BOT + " Does Semax reduce anxiety?", root, null)));
        api.await("chat.update", "C0THREAD", 1);

        // when someone asks in the thread, without a mention
        slack.sendEvent(SlackRequests.eventBody("Ev0THREAD2",
                SlackRequests.message("C0THREAD", "channel", "U0BOB", "Was that in humans?", "1700000002.000200", root)));

        // then it is answered in the thread, as a follow-up on anxiety: no, those were rat studies
        List<SlackApiStub.Call> posts = api.await("chat.postMessage", "C0THREAD", 2);
        assertEquals(root, posts.get(1).params().get("thread_ts"));
        String followUp = answerText(api.await("chat.update", "C0THREAD", 2).get(1).blocks());
        assertTrue(followUp.startsWith("No. "), followUp);
        assertTrue(followUp.contains("rat studies"), followUp);

        // and asked alone, in a new thread, the same words have no "that" to refer to
        slack.sendEvent(SlackRequests.eventBody("Ev0THREAD3",
                SlackRequests.mention("C0THREAD", "U0BOB", BOT + " Was that in humans?", "1700000002.000300", null)));
        String alone = answerText(api.await("chat.update", "C0THREAD", 3).get(2).blocks());
        assertFalse(alone.startsWith("No. "), alone);

        // while a message in a thread the bot never answered in, and one outside threads, are left alone
        slack.sendEvent(SlackRequests.eventBody("Ev0THREAD4",
                SlackRequests.message("C0THREAD", "channel", "U0BOB", "Does semax help memory?", "1700000002.000500", "1700000002.000400")));
        slack.sendEvent(SlackRequests.eventBody("Ev0THREAD5",
                SlackRequests.message("C0THREAD", "channel", "U0BOB", "Does semax help memory?", "1700000002.000600", null)));
        answeredInSentinelChannel("C0THREAD-SENTINEL");
        assertEquals(3, api.calls("chat.postMessage", "C0THREAD").size(), api.calls("C0THREAD").toString());
    }

    @Test
    void aRetriedEventIsAcknowledgedAndAnsweredOnce() throws Exception {
        String event = SlackRequests.eventBody("Ev0RETRY",
                SlackRequests.mention("C0RETRY", "U0ALICE", BOT + " Does semax improve memory?", "1700000004.000100", null));

        HttpResponse<String> first = slack.sendEvent(event);
        // each retry is signed anew, with its own timestamp: no replay, but the same event id
        HttpResponse<String> retry = slack.sendEventAt(event, SlackRequests.inSeconds(1),
                "X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout");
        api.await("chat.update", "C0RETRY", 1);
        HttpResponse<String> lateRetry = slack.sendEventAt(event, SlackRequests.inSeconds(2),
                "X-Slack-Retry-Num", "2", "X-Slack-Retry-Reason", "http_error");

        assertEquals(200, first.statusCode());
        assertEquals(200, retry.statusCode());
        assertEquals(200, lateRetry.statusCode());
        answeredInSentinelChannel("C0RETRY-SENTINEL");
        assertEquals(1, api.calls("chat.postMessage", "C0RETRY").size(), api.calls("C0RETRY").toString());
        assertEquals(1, api.calls("chat.update", "C0RETRY").size(), api.calls("C0RETRY").toString());
    }

    @Test
    void eventsWithIdsOverTheCapOrNotPlainAreAcknowledgedButNotAnswered() throws Exception {
        String tooLong = "Ev" + "0".repeat(SlackIds.MAX_LENGTH);
        HttpResponse<String> longId = slack.sendEvent(SlackRequests.eventBody(tooLong,
                SlackRequests.mention("C0IDS", "U0ALICE", BOT + " Does semax improve memory?", "1700000007.000100", null)));
        HttpResponse<String> oddTs = slack.sendEvent(SlackRequests.eventBody("Ev0IDS2",
                SlackRequests.mention("C0IDS", "U0ALICE", BOT + " Does semax improve memory?", "1700000007.000200/../x", null)));
        HttpResponse<String> longChannel = slack.sendEvent(SlackRequests.eventBody("Ev0IDS3",
                SlackRequests.mention("C" + "9".repeat(5000), "U0ALICE", BOT + " Does semax improve memory?", "1700000007.000300", null)));

        // acknowledged, so Slack does not retry them, and nothing more
        assertEquals(List.of(200, 200, 200), List.of(longId.statusCode(), oddTs.statusCode(), longChannel.statusCode()));
        answeredInSentinelChannel("C0IDS-SENTINEL");
        assertTrue(api.calls("C0IDS").isEmpty(), api.calls("C0IDS").toString());
        assertTrue(api.calls("C" + "9".repeat(5000)).isEmpty());
    }

    @Test
    void botMessagesEditsAndTheBotsOwnMessagesAreIgnored() throws Exception {
        // given an answer channel, where every new human message would be answered
        ObjectNode fromABot = SlackRequests.message("C0QUIET", "channel", "U0OTHERBOT", "Does semax work?", "1700000005.000100", null);
        fromABot.put("bot_id", "B0OTHER");
        ObjectNode botMessage = SlackRequests.message("C0QUIET", "channel", null, "Does semax work?", "1700000005.000200", null);
        botMessage.remove("user");
        botMessage.put("subtype", "bot_message").put("bot_id", "B0OTHER");
        ObjectNode own = SlackRequests.message("C0QUIET", "channel", SlackApiStub.BOT_USER, "Does semax work?", "1700000005.000300", null);
        ObjectNode edited = SlackRequests.message("C0QUIET", "channel", "U0ALICE", "Does semax work?", "1700000005.000400", null);
        edited.putObject("edited").put("user", "U0ALICE").put("ts", "1700000006.000000");
        ObjectNode changed = JSON.createObjectNode();
        changed.put("type", "message").put("subtype", "message_changed").put("hidden", true).put("channel", "C0QUIET")
                .put("ts", "1700000006.000100").put("event_ts", "1700000006.000100").put("channel_type", "channel");
        changed.set("message", SlackRequests.message("C0QUIET", "channel", "U0ALICE", "Does semax work now?", "1700000005.000500", null));
        changed.set("previous_message", SlackRequests.message("C0QUIET", "channel", "U0ALICE", "Does semax work?", "1700000005.000500", null));

        // when each arrives
        int n = 0;
        for (ObjectNode event : List.of(fromABot, botMessage, own, edited, changed)) {
            assertEquals(200, slack.sendEvent(SlackRequests.eventBody("Ev0QUIET" + n++, event)).statusCode(), event.toString());
        }

        // then only a person's new message, sent last, is answered
        slack.sendEvent(SlackRequests.eventBody("Ev0QUIET-PERSON",
                SlackRequests.message("C0QUIET", "channel", "U0ALICE", "Does semax improve memory?", "1700000005.000900", null)));
        api.await("chat.update", "C0QUIET", 1);
        List<SlackApiStub.Call> posts = api.calls("chat.postMessage", "C0QUIET");
        assertEquals(1, posts.size(), posts.toString());
        assertEquals("1700000005.000900", posts.get(0).params().get("thread_ts"));
    }

    @Test
    void anAnswerChannelIsAnsweredWithoutAMentionInAThreadAndOnceWhenTheMessageAlsoComesAsAMention() throws Exception {
        String ts = "1700000007.000100";
        slack.sendEvent(SlackRequests.eventBody("Ev0ANSWER1",
                SlackRequests.message(ANSWER_CHANNEL, "channel", "U0ALICE", "Does Semax reduce anxiety?", ts, null)));

        SlackApiStub.Call placeholder = api.await("chat.postMessage", ANSWER_CHANNEL, 1).get(0);
        assertEquals(ts, placeholder.params().get("thread_ts"));
        assertTrue(answerText(api.await("chat.update", ANSWER_CHANNEL, 1).get(0).blocks()).contains("[1]"));

        // a tagged message in a channel the bot reads comes twice: as message and as app_mention
        String tagged = "1700000007.000200";
        slack.sendEvent(SlackRequests.eventBody("Ev0ANSWER2",
                SlackRequests.message(ANSWER_CHANNEL, "channel", "U0BOB", BOT + " Does semax improve memory?", tagged, null)));
        slack.sendEvent(SlackRequests.eventBody("Ev0ANSWER3",
                SlackRequests.mention(ANSWER_CHANNEL, "U0BOB", BOT + " Does semax improve memory?", tagged, null)));
        api.await("chat.update", ANSWER_CHANNEL, 2);
        answeredInSentinelChannel("C0ANSWER-SENTINEL");
        assertEquals(2, api.calls("chat.postMessage", ANSWER_CHANNEL).size(), api.calls(ANSWER_CHANNEL).toString());
    }

    @Test
    void aRateLimitFromSlackIsWaitedOutAndThePostRetried() throws Exception {
        // given Slack answers the first chat.postMessage in this channel with 429, Retry-After: 1
        api.rateLimitNextPostIn("C0LIMIT");

        slack.sendEvent(SlackRequests.eventBody("Ev0LIMIT",
                SlackRequests.mention("C0LIMIT", "U0ALICE", BOT + " Does semax improve memory?", "1700000008.000100", null)));

        // then the placeholder is posted again after the wait, and the answer still arrives
        List<SlackApiStub.Call> posts = api.await("chat.postMessage", "C0LIMIT", 2);
        assertTrue(posts.get(1).order() > posts.get(0).order());
        assertEquals(posts.get(0).params(), posts.get(1).params(), "the same message, retried");
        SlackApiStub.Call update = api.await("chat.update", "C0LIMIT", 1).get(0);
        assertTrue(update.order() > posts.get(1).order());
        assertEquals(2, api.calls("chat.postMessage", "C0LIMIT").size());
    }

    @Test
    void aBadSignatureIsRefusedWith401AndNothingIsPosted() throws Exception {
        String event = SlackRequests.eventBody("Ev0FORGED",
                SlackRequests.mention("C0FORGED", "U0MALLORY", BOT + " Does semax improve memory?", "1700000009.000100", null));
        String timestamp = SlackRequests.now();

        HttpResponse<String> forged = slack.sendEventSignedAs(event, SlackRequests.sign("some-other-secret", timestamp, event), timestamp);
        HttpResponse<String> unsigned = slack.sendEventSignedAs(event, "", timestamp);

        assertEquals(401, forged.statusCode(), forged.body());
        assertEquals(401, unsigned.statusCode(), unsigned.body());
        assertEquals(401, JSON.readTree(forged.body()).get("status").asInt());
        // the same event, signed, is then answered: it was refused for its signature alone
        slack.sendEvent(event);
        api.await("chat.update", "C0FORGED", 1);
        assertEquals(1, api.calls("chat.postMessage", "C0FORGED").size());
    }

    /** A mention in {@code channel}, answered: what was sent before it has been through the ack and its decision. */
    private void answeredInSentinelChannel(String channel) throws Exception {
        slack.sendEvent(SlackRequests.eventBody("Ev-" + channel,
                SlackRequests.mention(channel, "U0ALICE", BOT + " Does semax improve memory?", "1700000099.000100", null)));
        api.await("chat.update", channel, 1);
    }

    private static String answerText(JsonNode blocks) {
        StringBuilder text = new StringBuilder();
        for (JsonNode block : blocks) {
            if (block.path("block_id").asText().startsWith(AnswerBlocks.ANSWER_BLOCK)) {
                text.append(block.at("/text/text").asText());
            }
        }
        return text.toString();
    }

    private static JsonNode block(JsonNode blocks, String blockId) {
        for (JsonNode block : blocks) {
            if (blockId.equals(block.path("block_id").asText())) {
                return block;
            }
        }
        throw new AssertionError("no block " + blockId + " in " + blocks);
    }
}
