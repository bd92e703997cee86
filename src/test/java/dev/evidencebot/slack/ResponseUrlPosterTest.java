package dev.evidencebot.slack;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResponseUrlPosterTest {

    private final LoopbackHooks hooks = new LoopbackHooks();
    private final ResponseUrlPoster poster = new ResponseUrlPoster(new SlackConfig(SlackRequests.SECRET, null, "/ask",
            List.of("127.0.0.1"), "https://slack.com/api/", Duration.ofSeconds(60), null, true));

    @AfterEach
    void close() {
        hooks.close();
    }

    @Test
    void postsToAnAllowedHost() throws InterruptedException {
        assertTrue(poster.post(hooks.url("ok"), AnswerBlocks.notice("hello")));

        // the receiver answers before it records, so wait for the record rather than race it
        assertEquals("hello", hooks.awaitFirst("ok").get("text").asText());
        assertEquals(1, hooks.received("ok").size());
        assertEquals("ephemeral", hooks.received("ok").get(0).get("response_type").asText());
    }

    @Test
    void postsNothingToAHostThatIsNotAllowed() {
        // "localhost" reaches the same loopback server; only 127.0.0.1 is allowed
        assertFalse(poster.post(hooks.localhostUrl("elsewhere"), AnswerBlocks.notice("hello")));

        assertTrue(hooks.received("elsewhere").isEmpty());
    }
}
