package dev.evidencebot.slack;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlackConfigTest {

    @Test
    void toStringHidesTheSigningSecretAndTheBotToken() {
        SlackConfig config = new SlackConfig("8f742231b10e8888abcd99yyyzzz85a5", "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy",
                "/ask", List.of("hooks.slack.com"), "https://slack.com/api/", Duration.ofSeconds(60), List.of("C0ANSWER"), false);

        String printed = config.toString();

        assertFalse(printed.contains("8f742231b10e8888abcd99yyyzzz85a5"), printed);
        assertFalse(printed.contains("xoxb-"), printed);
        assertTrue(printed.contains("signingSecret=***") && printed.contains("botToken=***"), printed);
        assertTrue(printed.contains("command=/ask") && printed.contains("C0ANSWER"), "the rest is still there to debug with: " + printed);
    }

    @Test
    void toStringSaysWhenThereIsNoBotToken() {
        SlackConfig config = new SlackConfig("secret", " ", "/ask", List.of("hooks.slack.com"), "https://slack.com/api/",
                Duration.ofSeconds(60), null, false);

        assertTrue(config.toString().contains("botToken=none"), config.toString());
    }
}
