package dev.evidencebot.console;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Questions asked over HTTP land in the log, with their door, and only when logging is on. */
class QuestionLogHttpTest {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path work;

    @Test
    void answersAskedOverHttpAreLoggedWithTheirDoor() throws Exception {
        try (EmbeddedServer server = start(true)) {
            ask(server, "/api/ask", "{\"question\":\"Does semax help memory?\"}");
            ask(server, "/api/ask/stream", "{\"question\":\"Does semax help memory?\",\"channel\":\"widget\"}");
            server.getApplicationContext().getBean(QuestionLog.class).flush();

            Database database = server.getApplicationContext().getBean(Database.class);
            assertEquals(2, ConsoleStorageContract.countIn(database, "SELECT COUNT(*) FROM answers"));
            assertEquals(1, ConsoleStorageContract.countIn(database,
                    "SELECT COUNT(*) FROM answers WHERE door = 'api' AND question = 'Does semax help memory?' AND latency_ms >= 0"));
            assertEquals(1, ConsoleStorageContract.countIn(database, "SELECT COUNT(*) FROM answers WHERE door = 'widget'"));
            assertEquals(2, ConsoleStorageContract.countIn(database,
                    "SELECT COUNT(*) FROM answers WHERE LENGTH(client_hash) = 64 AND client_hash <> '127.0.0.1'"));
        }
    }

    @Test
    void answersStillQueuedAtShutdownAreWritten() throws Exception {
        try (EmbeddedServer server = start(true)) {
            ask(server, "/api/ask", "{\"question\":\"Does semax help memory?\"}");
        }
        try (Database reopened = new Database(Database.h2Under(work.resolve("data")), "", "")) {
            assertEquals(1, ConsoleStorageContract.countIn(reopened, "SELECT COUNT(*) FROM answers"));
        }
    }

    @Test
    void withLoggingOffNothingIsStored() throws Exception {
        try (EmbeddedServer server = start(false)) {
            ask(server, "/api/ask", "{\"question\":\"Does semax help memory?\"}");
            server.getApplicationContext().getBean(QuestionLog.class).flush();

            Database database = server.getApplicationContext().getBean(Database.class);
            assertEquals(0, ConsoleStorageContract.countIn(database, "SELECT COUNT(*) FROM answers"));
        }
    }

    private EmbeddedServer start(boolean log) {
        return ApplicationContext.run(EmbeddedServer.class, Map.of("micronaut.server.port", -1,
                "corpus.path", "corpus", "index.path", work.resolve("index").toString(),
                "data.path", work.resolve("data").toString(), "questions.log", log), "test");
    }

    private static void ask(EmbeddedServer server, String path, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertNotEquals("", response.body());
        assertTrue(response.body().contains("semax") || response.body().contains("Semax") || response.body().contains("id"),
                response.body());
    }
}
