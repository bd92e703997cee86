package dev.evidencebot.widget;

import dev.evidencebot.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WidgetControllerTest {

    @TempDir
    static Path work;

    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("corpus.path", "corpus", "index.path", work.resolve("index").toString(),
                "data.path", work.resolve("data").toString()));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theScriptIsServedAsJavaScriptWithACacheHeaderAndAnETag() {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(URI.create(server.url("/widget.js"))));

        assertEquals(200, response.statusCode());
        assertEquals("text/javascript;charset=utf-8", response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.headers().firstValue("Cache-Control").orElse("").contains("max-age="));
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertTrue(response.body().contains("attachShadow"));
    }

    @Test
    void aCachedCopyIsRevalidatedWithoutResendingTheScript() {
        String etag = server.send(HttpRequest.newBuilder(URI.create(server.url("/widget.js"))))
                .headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> revalidated = server.send(HttpRequest.newBuilder(URI.create(server.url("/widget.js")))
                .header("If-None-Match", etag));

        assertEquals(304, revalidated.statusCode());
        assertEquals("", revalidated.body());
    }

    @Test
    void theDemoPageEmbedsTheWidgetWithOneScriptTag() {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(URI.create(server.url("/"))));

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(response.body().contains("<script src=\"/widget.js\" async"), response.body());
        assertTrue(response.body().contains("Semax"));
    }
}
