package dev.evidencebot.slack;

import com.slack.api.bolt.App;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Without a signing secret the Slack door does not exist. */
@MicronautTest
@Property(name = "spec.name", value = "SlackDisabledTest")
class SlackDisabledTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;

    @Test
    void noSigningSecretMeansNoEndpointAndNoSlackBeans() throws Exception {
        String body = SlackRequests.commandBody("/ask", "does semax help memory?", "https://hooks.slack.com/commands/1/2/3");
        String timestamp = SlackRequests.now();
        HttpRequest request = HttpRequest.newBuilder(server.getURI().resolve(SlackEventsController.PATH))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", SlackRequests.sign(SlackRequests.SECRET, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertEquals(404, response.statusCode());
        assertFalse(context.containsBean(SlackEventsController.class));
        assertFalse(context.containsBean(App.class));
        assertFalse(context.containsBean(SlackConfig.class));
    }
}
