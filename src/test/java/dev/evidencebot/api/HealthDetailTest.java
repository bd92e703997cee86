package dev.evidencebot.api;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A failed load tells the public that it failed, and only the site owner why and where. */
class HealthDetailTest {

    static final String TOKEN = "a-site-owner-token-of-32-characters-or-more";

    @TempDir
    Path work;

    @Test
    void theHealthOfAFailedLoadNamesNoPathToThePublic() throws Exception {
        Path missing = work.resolve("secret-location/corpus-that-is-not-there");
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "corpus.path", missing.toString(), "index.path", work.resolve("index").toString(),
                "data.path", work.resolve("data").toString(), "widget.admin-token", TOKEN), "test")) {
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (int i = 0; i < 300 && health.body().contains("LOADING"); i++) {
                Thread.sleep(100);
                health = client.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
            }

            assertEquals(503, health.statusCode());
            assertTrue(health.body().contains("DOWN"), health.body());
            assertFalse(health.body().contains("secret-location"), "no path to the public: " + health.body());

            HttpResponse<String> detailed = client.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/api/admin/health"))
                    .header("Authorization", "Bearer " + TOKEN).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(503, detailed.statusCode());
            assertTrue(detailed.body().contains("secret-location"), "the owner sees why: " + detailed.body());
        }
    }
}
