package dev.evidencebot.slack;

import dev.evidencebot.answer.Question;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WhenToAnswerTest {

    private static final String BOT = "U0BOT";
    private final WhenToAnswer when = new WhenToAnswer(new SlackConfig(SlackRequests.SECRET, "xoxb-t", "/ask",
            List.of("hooks.slack.com"), "https://slack.com/api/", Duration.ofSeconds(60), List.of(" C0ANSWER ", ""), false),
            new LocalThreadFollowUps());

    @Test
    void aMentionIsAnsweredInAThreadUnderItWithTheQuestionWithoutTheTag() {
        Reply reply = when.decide(mention("C1", "<@U0BOT> does semax &amp; selank help?", "1.1", null), BOT).orElseThrow();

        assertEquals("C1", reply.channel());
        assertEquals("1.1", reply.threadTs());
        assertEquals("does semax & selank help?", reply.question());
        assertEquals("U0ALICE", reply.user());
    }

    @Test
    void aThreadIsOneConversationWithAValidIdAndOtherThreadsAreOthers() {
        Reply first = when.decide(mention("C1", "<@U0BOT> q", "1.1", null), BOT).orElseThrow();
        Reply inThread = when.decide(message("C1", "channel", "and then?", "1.2", "1.1"), BOT).orElseThrow();
        Reply elsewhere = when.decide(mention("C1", "<@U0BOT> q", "2.1", null), BOT).orElseThrow();

        assertEquals(first.conversationId(), inThread.conversationId());
        assertNotEquals(first.conversationId(), elsewhere.conversationId());
        assertTrue(Question.validConversationId(first.conversationId()), first.conversationId());
        assertTrue(first.conversationId().startsWith("slack-"));
    }

    @Test
    void aThreadTakesTenFollowUpsWithoutAMentionThenNeedsOneAgain() {
        when.decide(mention("C1", "<@U0BOT> q", "1.1", null), BOT).orElseThrow();

        for (int i = 0; i < ThreadFollowUps.MAX_FOLLOW_UPS; i++) {
            assertTrue(when.decide(message("C1", "channel", "more?", "1." + (10 + i), "1.1"), BOT).isPresent(), "follow-up " + i);
        }
        assertTrue(when.decide(message("C1", "channel", "more?", "1.50", "1.1"), BOT).isEmpty());

        // a mention opens the thread again
        assertTrue(when.decide(mention("C1", "<@U0BOT> again", "1.60", "1.1"), BOT).isPresent());
        assertTrue(when.decide(message("C1", "channel", "more?", "1.61", "1.1"), BOT).isPresent());
    }

    @Test
    void withoutAMentionOnlyAnswerChannelsDmsAndOpenThreadsAreAnswered() {
        assertTrue(when.decide(message("C2", "channel", "does semax work?", "3.1", null), BOT).isEmpty());
        assertTrue(when.decide(message("C2", "channel", "does semax work?", "3.2", "3.0"), BOT).isEmpty());
        // a thread in an answer channel that the bot never answered in is people talking
        assertTrue(when.decide(message("C0ANSWER", "channel", "does semax work?", "3.4", "3.3"), BOT).isEmpty());

        Reply channel = when.decide(message("C0ANSWER", "channel", "does semax work?", "3.5", null), BOT).orElseThrow();
        assertEquals("3.5", channel.threadTs());
        Reply dm = when.decide(message("D1", "im", "does semax work?", "3.6", null), BOT).orElseThrow();
        assertNull(dm.threadTs());
        Reply nextDm = when.decide(message("D1", "im", "was that in humans?", "3.7", null), BOT).orElseThrow();
        assertEquals(dm.conversationId(), nextDm.conversationId(), "a DM outside threads is one conversation");
    }

    @Test
    void botsEditsSubtypesAndTheBotItselfAreNeverAnswered() {
        List<PostedMessage> ignored = List.of(
                new PostedMessage("E1", "T1", "D1", "im", "U0OTHER", "B0OTHER", null, false, "q", "4.1", null, false),
                new PostedMessage("E2", "T1", "D1", "im", null, "B0OTHER", "bot_message", false, "q", "4.2", null, false),
                new PostedMessage("E3", "T1", "D1", "im", "U0ALICE", null, "message_changed", false, "q", "4.3", null, false),
                new PostedMessage("E4", "T1", "D1", "im", "U0ALICE", null, null, true, "q", "4.4", null, false),
                new PostedMessage("E5", "T1", "D1", "im", BOT, null, null, false, "q", "4.5", null, false),
                new PostedMessage("E6", "T1", "C1", null, BOT, null, null, false, "<@U0BOT> q", "4.6", null, true));

        for (PostedMessage message : ignored) {
            assertEquals(Optional.empty(), when.decide(message, BOT), message.toString());
        }
    }

    @Test
    void theQuestionLosesTheBotsTagAndLeadingTagsButKeepsOthersAndUnescapes() {
        assertEquals("does semax work?", MessageText.question("<@U0BOT> does semax work?", BOT));
        assertEquals("does semax work?", MessageText.question("<@U0BOT|evidencebot>, does semax work?", BOT));
        assertEquals("is 1 < 2 & 3 > 2?", MessageText.question("is 1 &lt; 2 &amp; 3 &gt; 2? <@U0BOT>", BOT));
        assertEquals("ask <@U0CAROL> about it?", MessageText.question("<@U0BOT> ask <@U0CAROL> about it?", BOT));
        assertEquals("", MessageText.question("  <@U0BOT>  ", BOT));
        assertEquals("&lt;", MessageText.question("&amp;lt;", BOT));
    }

    private static PostedMessage mention(String channel, String text, String ts, String threadTs) {
        return new PostedMessage("Ev" + ts, "T1", channel, null, "U0ALICE", null, null, false, text, ts, threadTs, true);
    }

    private static PostedMessage message(String channel, String type, String text, String ts, String threadTs) {
        return new PostedMessage("Ev" + ts, "T1", channel, type, "U0ALICE", null, null, false, text, ts, threadTs, false);
    }
}
