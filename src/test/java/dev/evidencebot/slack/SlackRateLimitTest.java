package dev.evidencebot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A Slack user past their limit gets a private "try again" in the ack, and no answer is computed. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// the fakes of SlackEventsControllerTest stand in for the answer service and the feedback store
@Property(name = "spec.name", value = SlackEventsControllerTest.SPEC)
@Property(name = "slack.signing-secret", value = SlackRequests.SECRET)
@Property(name = "slack.response-url-hosts", value = "127.0.0.1")
@Property(name = "rate-limit.enabled", value = "true")
@Property(name = "rate-limit.slack-per-minute", value = "10")
@Property(name = "rate-limit.slack-burst", value = "2")
class SlackRateLimitTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EmbeddedServer server;
    @Inject
    SlackEventsControllerTest.FakeAnswerService answers;

    private final LoopbackHooks hooks = new LoopbackHooks();

    @AfterAll
    void closeHooks() {
        hooks.close();
    }

    @Test
    void pastTheBurstTheAckSaysWhenToTryAgainAndNothingIsAnswered() throws Exception {
        // given a user who asked twice, the burst
        answers.reset();
        SlackRequests slack = new SlackRequests(server.getURI());
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> ack = slack.send(SlackRequests.commandBody("/ask", "does semax help memory?",
                    hooks.url("fast-" + i), "U-FAST"));
            assertEquals(AskCommand.LOOKING, JSON.readTree(ack.body()).get("text").asText());
            hooks.awaitFirst("fast-" + i);
        }

        // when they ask a third time at once
        HttpResponse<String> ack = slack.send(SlackRequests.commandBody("/ask", "and anxiety?", hooks.url("fast-2"), "U-FAST"));

        // then the ack is a private message with the wait (60 s / 10 = 6 s), and no third answer is computed
        assertEquals(200, ack.statusCode());
        JsonNode reply = JSON.readTree(ack.body());
        assertEquals("ephemeral", reply.get("response_type").asText());
        assertEquals("You're asking fast — try again in 6 s.", reply.get("text").asText());
        assertEquals(2, answers.calls());

        // and a colleague in the same workspace is not held back
        HttpResponse<String> other = slack.send(SlackRequests.commandBody("/ask", "does semax help memory?",
                hooks.url("colleague"), "U-OTHER"));
        assertEquals(AskCommand.LOOKING, JSON.readTree(other.body()).get("text").asText());
    }
}
