package dev.evidencebot.api;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With no admin token configured, the admin endpoints do not exist. */
@MicronautTest
class AdminControllerTest {

    @Inject
    EmbeddedServer server;

    @Test
    void withoutATokenConfiguredReindexIsNotFound() throws Exception {
        HttpResponse<String> response = HttpJson.post(server.getURL(), "/api/admin/reindex", null, "");

        assertEquals(404, response.statusCode());
        assertTrue(response.body().contains("no such endpoint"), response.body());
    }

    @Test
    void withoutATokenConfiguredTheConsoleEndpointsAreNotFound() throws Exception {
        for (String path : new String[] {"/api/admin/questions", "/api/admin/questions.csv", "/api/admin/gaps",
                "/api/admin/weak-evidence", "/api/admin/feedback", "/api/admin/feedback.csv", "/api/admin/overview"}) {
            assertEquals(404, HttpJson.get(server.getURL(), path).statusCode(), path);
        }
    }

    @Test
    void healthShowsTheCorpusHashAndNoReloadWhenIdle() throws Exception {
        HttpResponse<String> response = HttpJson.get(server.getURL(), "/health");
        for (int i = 0; i < 600 && response.statusCode() == 503; i++) { // the first load of this JVM may still run
            Thread.sleep(200);
            response = HttpJson.get(server.getURL(), "/health");
        }

        var health = HttpJson.JSON.readTree(response.body());
        assertEquals(200, response.statusCode());
        assertEquals(64, health.get("corpusHash").asText().length());
        assertTrue(health.path("reload").isMissingNode(), health.toString());
    }
}
