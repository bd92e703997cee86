package dev.evidencebot.slack;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlackAppFactoryTest {

    private final Logger bolt = (Logger) LoggerFactory.getLogger("com.slack.api");
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void listen() {
        logs.start();
        bolt.addAppender(logs);
    }

    @AfterEach
    void stopListening() {
        bolt.detachAppender(logs);
    }

    @Test
    void withoutABotTokenTheAppStartsQuietlyAndStillRefusesForgedRequests() throws Exception {
        SlackConfig config = new SlackConfig(SlackRequests.SECRET, null, "/ask", List.of("hooks.slack.com"),
                "http://127.0.0.1:9/api/", Duration.ofSeconds(60), null, false);

        App app = SlackAppFactory.unstarted(config, Slack.getInstance()).start();

        List<String> warnings = logs.list.stream().filter(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertTrue(warnings.isEmpty(), "a normal start logs no warnings: " + warnings);

        // the middleware given in place of Bolt's default still checks every signature
        String body = SlackRequests.commandBody("/ask", "does semax help memory?", "https://hooks.slack.com/commands/1/2/3");
        String timestamp = SlackRequests.now();
        Response forged = app.run(new SlackRequestParser(app.config()).parse(SlackRequestParser.HttpRequest.builder()
                .requestUri(SlackEventsController.PATH)
                .headers(new RequestHeaders(Map.of(
                        "X-Slack-Request-Timestamp", List.of(timestamp),
                        "X-Slack-Signature", List.of(SlackRequests.sign("some-other-secret", timestamp, body)))))
                .requestBody(body)
                .build()));
        assertEquals(401, forged.getStatusCode());
        app.stop();
    }
}
