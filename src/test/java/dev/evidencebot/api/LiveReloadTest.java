package dev.evidencebot.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server follows its corpus directory: an article dropped in is answered from, a deleted one
 * is gone, and while it reloads every question and every /health still gets its 200.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveReloadTest implements TestPropertyProvider {

    private static final String TOKEN = "live-reload-test-token-padded-to-32-characters";
    private static final String CAFFEINE_QUESTION = "Do cyclists ride faster after taking caffeine?";
    private static final String CAFFEINE_ARTICLE = "caffeine-and-performance";
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final Path corpus;
    private final Path work;

    @Inject
    EmbeddedServer server;

    LiveReloadTest() throws IOException {
        work = Files.createTempDirectory("evidence-bot-live-reload");
        corpus = Files.createDirectories(work.resolve("corpus"));
        Files.copy(Path.of("corpus/semax-effects-breakdown.txt"), corpus.resolve("semax-effects-breakdown.txt"));
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of("corpus.path", corpus.toString(),
                "index.path", work.resolve("index").toString(),
                "data.path", work.resolve("data").toString(),
                "corpus.watch-quiet", "200ms",
                "widget.admin-token", TOKEN);
    }

    @Test
    void anAddedArticleIsAnsweredFromAndADeletedOneIsGoneWhileEveryRequestSucceeds() throws Exception {
        // given: the caffeine article is not there yet
        assertTrue(HttpJson.ask(server.getURL(), CAFFEINE_QUESTION, null).get("abstained").asBoolean());
        AtomicBoolean running = new AtomicBoolean(true);
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger answered = new AtomicInteger();
        ExecutorService load = Executors.newFixedThreadPool(3);
        List<Future<?>> clients = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            clients.add(load.submit(() -> keepAsking(running, failures, answered)));
        }
        try {
            // when: an editor saves the article in two writes
            String article = Files.readString(Path.of("eval/articles/" + CAFFEINE_ARTICLE + ".md"));
            Path file = corpus.resolve(CAFFEINE_ARTICLE + ".md");
            Files.writeString(file, article.substring(0, article.length() / 3));
            Thread.sleep(50);
            Files.writeString(file, article);

            // then: the new article answers, from its own trial
            JsonNode answer = awaitAnswer(a -> !a.get("abstained").asBoolean()
                    && a.at("/citations/0/article/id").asText().equals(CAFFEINE_ARTICLE));
            assertTrue(answer.get("answer").asText().contains("cyclists"), answer.toString());

            // and when it is deleted, the question abstains again
            Files.delete(file);
            awaitAnswer(a -> a.get("abstained").asBoolean());
        } finally {
            running.set(false);
            for (Future<?> client : clients) {
                client.get(60, TimeUnit.SECONDS);
            }
            load.shutdownNow();
        }

        assertEquals(List.of(), failures, "no request failed during the reloads");
        assertTrue(answered.get() > 0, "the clients were answered");
    }

    @Test
    void anAdminReindexNeedsTheTokenAndShowsInHealth() throws Exception {
        assertEquals(401, reindex(null).statusCode());
        assertEquals(401, reindex("Bearer wrong").statusCode());

        HttpResponse<String> accepted = reindex("Bearer " + TOKEN);

        assertEquals(202, accepted.statusCode(), accepted.body());
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        JsonNode health;
        do {
            Thread.sleep(100);
            health = HttpJson.JSON.readTree(HttpJson.get(server.getURL(), "/health").body());
        } while (!"admin".equals(health.at("/lastReload/trigger").asText()) && System.nanoTime() < deadline);
        assertEquals("admin", health.at("/lastReload/trigger").asText(), health.toString());
        assertEquals("UP", health.get("status").asText());
        assertEquals(64, health.get("corpusHash").asText().length(), "the corpus content hash is shown");
    }

    /** Semax questions and /health, over and over: each must get its 200, whatever the reloads do. */
    private void keepAsking(AtomicBoolean running, List<String> failures, AtomicInteger answered) {
        List<String> questions = List.of("Does Semax reduce anxiety?", "What happened in the stroke study?", CAFFEINE_QUESTION);
        int i = 0;
        while (running.get()) {
            try {
                String question = questions.get(i++ % questions.size());
                HttpResponse<String> asked = HttpJson.post(server.getURL(), "/api/ask", "application/json",
                        HttpJson.JSON.writeValueAsString(Map.of("question", question)));
                if (asked.statusCode() != 200) {
                    failures.add(question + " -> " + asked.statusCode() + " " + asked.body());
                } else {
                    answered.incrementAndGet();
                }
                HttpResponse<String> health = HttpJson.get(server.getURL(), "/health");
                if (health.statusCode() != 200) {
                    failures.add("/health -> " + health.statusCode() + " " + health.body());
                }
            } catch (Exception e) {
                failures.add(e.toString());
            }
        }
    }

    private JsonNode awaitAnswer(Predicate<JsonNode> expected) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        JsonNode answer;
        do {
            answer = HttpJson.ask(server.getURL(), CAFFEINE_QUESTION, null);
            if (expected.test(answer)) {
                return answer;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("the answer never changed as expected; last: " + answer);
    }

    private HttpResponse<String> reindex(String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + "/api/admin/reindex"))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
