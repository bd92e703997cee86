package dev.evidencebot.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
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
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With a bot token Bolt runs auth.test once; here it goes to a loopback stand-in for Slack's Web API
 * (slack.api-url), so the test proves both that the token path works and that nothing reaches slack.com.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "spec.name", value = SlackBotTokenTest.SPEC)
@Property(name = "slack.signing-secret", value = SlackRequests.SECRET)
@Property(name = "slack.bot-token", value = "xoxb-test-token")
@Property(name = "slack.response-url-hosts", value = "127.0.0.1")
class SlackBotTokenTest implements TestPropertyProvider {

    static final String SPEC = "SlackBotTokenTest";

    private final List<String> apiCalls = new CopyOnWriteArrayList<>();
    private final LoopbackHooks hooks = new LoopbackHooks();
    private HttpServer slackApi;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        try {
            slackApi = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        slackApi.createContext("/api/", exchange -> {
            apiCalls.add(exchange.getRequestURI().getPath() + " " + exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = ("{\"ok\":true,\"url\":\"https://example.slack.com/\",\"team\":\"Example\",\"user\":\"evidencebot\","
                    + "\"team_id\":\"T0001\",\"user_id\":\"U0BOT\",\"bot_id\":\"B0BOT\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        slackApi.start();
        return Map.of("slack.api-url", "http://127.0.0.1:" + slackApi.getAddress().getPort() + "/api/");
    }

    @AfterAll
    void stop() {
        slackApi.stop(0);
        hooks.close();
    }

    @Test
    void theTokenIsCheckedAgainstTheConfiguredApiAndCommandsStillWork() throws Exception {
        HttpResponse<String> ack = new SlackRequests(server.getURI())
                .send(SlackRequests.commandBody("/ask", "does semax help memory?", hooks.url("token")));

        assertEquals(200, ack.statusCode());
        assertEquals(AskCommand.LOOKING, new ObjectMapper().readTree(ack.body()).get("text").asText());
        assertEquals("Semax helps [1].", hooks.awaitFirst("token").at("/blocks/1/text/text").asText());
        assertFalse(apiCalls.isEmpty(), "Bolt should have checked the token");
        assertTrue(apiCalls.stream().allMatch(call -> call.equals("/api/auth.test Bearer xoxb-test-token")), apiCalls.toString());
    }

    @Singleton
    @Requires(property = "spec.name", value = SPEC)
    @Replaces(FeedbackStore.class)
    static class NoFeedbackStore implements FeedbackStore {
        @Override
        public void save(Feedback feedback) {
            throw new UnsupportedOperationException("this test rates nothing");
        }

        @Override
        public List<Feedback> all() {
            return List.of();
        }
    }

    @Singleton
    @Requires(property = "spec.name", value = SPEC)
    @Replaces(AnswerService.class)
    static class FixedAnswerService implements AnswerService {
        @Override
        public Answer answer(Question question, Consumer<String> deltas) {
            return Answers.cited("token-1", "Semax helps [1].");
        }
    }
}
