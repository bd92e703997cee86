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
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CORS on /api/* with real HTTP requests: Origin headers and OPTIONS preflights. */
class OriginFilterTest {

    static final String SHOP = "https://shop.example";
    static final String EVIL = "https://evil.example";
    static final String QUESTION = "{\"question\":\"Does Semax reduce anxiety?\"}";

    @TempDir
    static Path work;

    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("widget.allowed-origins", SHOP, "corpus.path", "corpus",
                "index.path", work.resolve("index").toString(), "data.path", work.resolve("data").toString()));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void anAllowedOriginsPreflightIsAnsweredWithItsOrigin() {
        HttpResponse<String> response = server.send(preflight(server.url("/api/ask/stream"), SHOP));

        assertEquals(200, response.statusCode());
        assertEquals(Optional.of(SHOP), response.headers().firstValue("Access-Control-Allow-Origin"));
        assertTrue(response.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("POST"));
        assertTrue(response.headers().firstValue("Access-Control-Allow-Headers").orElse("").contains("Content-Type"));
    }

    @Test
    void aRefusedOriginsPreflightIsForbiddenWithoutCorsHeaders() {
        HttpResponse<String> response = server.send(preflight(server.url("/api/ask"), EVIL));

        assertEquals(403, response.statusCode());
        assertEquals(Optional.empty(), response.headers().firstValue("Access-Control-Allow-Origin"));
    }

    @Test
    void anAllowedOriginGetsItsAnswerWithTheOriginEchoed() {
        HttpResponse<String> response = server.send(ask(server.url("/api/ask"), SHOP));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(Optional.of(SHOP), response.headers().firstValue("Access-Control-Allow-Origin"));
        assertTrue(response.headers().allValues("Vary").contains("Origin"));
    }

    @Test
    void aRefusedOriginsRequestIsRefusedEvenWithoutAPreflight() {
        HttpResponse<String> response = server.send(ask(server.url("/api/ask"), EVIL));

        assertEquals(403, response.statusCode());
        assertEquals(Optional.empty(), response.headers().firstValue("Access-Control-Allow-Origin"));
        assertTrue(response.body().contains(EVIL + " is not allowed"), response.body());
    }

    @Test
    void localhostIsNoLongerAllowedOnceOriginsAreConfigured() {
        HttpResponse<String> response = server.send(preflight(server.url("/api/ask"), "http://localhost:3000"));

        assertEquals(403, response.statusCode());
    }

    @Test
    void aPageOnTheApisOwnOriginIsAlwaysAllowed() {
        String self = server.otherOriginUrl("");

        HttpResponse<String> response = server.send(ask(server.otherOriginUrl("/api/ask"), self));

        assertEquals(200, response.statusCode(), response.body());
    }

    @Test
    void requestsWithoutAnOriginAreNotBrowserCallsAndPass() {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(URI.create(server.url("/api/ask")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(QUESTION)));

        assertEquals(200, response.statusCode());
        assertEquals(Optional.empty(), response.headers().firstValue("Access-Control-Allow-Origin"));
    }

    @Test
    void theWidgetScriptItselfLoadsFromAnyPage() {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(URI.create(server.url("/widget.js")))
                .header("Origin", EVIL));

        assertEquals(200, response.statusCode());
    }

    private static HttpRequest.Builder preflight(String url, String origin) {
        return HttpRequest.newBuilder(URI.create(url)).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type");
    }

    private static HttpRequest.Builder ask(String url, String origin) {
        return HttpRequest.newBuilder(URI.create(url)).header("Origin", origin)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(QUESTION));
    }
}
