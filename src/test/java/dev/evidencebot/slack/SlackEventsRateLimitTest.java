package dev.evidencebot.slack;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Mentions and DMs count against the same per-user limit as /ask; past it the asker alone is told when to try again. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "slack.signing-secret", value = SlackRequests.SECRET)
@Property(name = "slack.bot-token", value = "xoxb-events-test")
@Property(name = "rate-limit.enabled", value = "true")
@Property(name = "rate-limit.slack-per-minute", value = "10")
@Property(name = "rate-limit.slack-burst", value = "1")
class SlackEventsRateLimitTest implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    private SlackApiStub api;

    @Override
    public Map<String, String> getProperties() {
        api = new SlackApiStub();
        return Map.of("slack.api-url", api.apiUrl());
    }

    @AfterAll
    void stop() {
        api.close();
    }

    @Test
    void pastTheBurstAMentionGetsAPrivateTryAgainAndNoAnswer() throws Exception {
        SlackRequests slack = new SlackRequests(server.getURI());
        slack.sendEvent(SlackRequests.eventBody("Ev0FAST1",
                SlackRequests.mention("C0FAST", "U0FAST", "<@U0BOT> Does semax improve memory?", "1700000010.000100", null)));
        api.await("chat.update", "C0FAST", 1);

        slack.sendEvent(SlackRequests.eventBody("Ev0FAST2",
                SlackRequests.mention("C0FAST", "U0FAST", "<@U0BOT> And anxiety?", "1700000010.000200", null)));

        // 60 s / 10 = 6 s to the next token
        SlackApiStub.Call tooFast = api.await("chat.postEphemeral", "C0FAST", 1).get(0);
        assertEquals("You're asking fast — try again in 6 s.", tooFast.params().get("text"));
        assertEquals("U0FAST", tooFast.params().get("user"));
        assertEquals("1700000010.000200", tooFast.params().get("thread_ts"));
        List<SlackApiStub.Call> posts = api.calls("chat.postMessage", "C0FAST");
        assertEquals(1, posts.size(), "no second answer: " + posts);
    }
}
