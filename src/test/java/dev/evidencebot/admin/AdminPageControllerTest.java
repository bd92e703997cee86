package dev.evidencebot.admin;

import dev.evidencebot.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The page and its files: there only with an admin token, never cached, locked down by its CSP. */
class AdminPageControllerTest {

    @TempDir
    Path work;

    @Test
    void withNoAdminTokenThereIsNoConsole() {
        try (TestServer server = start(null)) {
            for (String path : new String[] {"/admin", "/admin/assets/admin.js", "/admin/assets/uPlot.iife.min.js",
                    "/admin/session", "/api/admin/overview"}) {
                assertEquals(404, server.send(HttpRequest.newBuilder(URI.create(server.url(path)))).statusCode(), path);
            }
            HttpResponse<String> signIn = server.send(HttpRequest.newBuilder(URI.create(server.url("/admin/session")))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"\"}")));
            assertEquals(404, signIn.statusCode(), signIn.body());
            assertEquals(200, server.send(HttpRequest.newBuilder(URI.create(server.url("/health")))).statusCode(),
                    "the bot itself works");
        }
    }

    @Test
    void thePageIsServedWithARestrictivePolicyAndNoStore() {
        try (TestServer server = start("page-test-token-padded-to-32-characters")) {
            HttpResponse<String> page = server.send(HttpRequest.newBuilder(URI.create(server.url("/admin"))));

            assertEquals(200, page.statusCode());
            assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
            assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));
            String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(policy.contains("script-src 'self'") && policy.contains("frame-ancestors 'none'")
                    && !policy.contains("unsafe-inline"), policy);
            assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(""));
            assertTrue(page.body().contains("<form id=\"signin-form\""), "a sign-in form");
            assertTrue(!page.body().contains("<script>") && !page.body().contains(" style="), "nothing inline for the CSP to refuse");
        }
    }

    @Test
    void theScriptsAndStylesComeFromTheJarRevalidatedByEtag() {
        try (TestServer server = start("page-test-token-padded-to-32-characters")) {
            for (String name : new String[] {"admin.js", "admin.css", "uPlot.iife.min.js", "uPlot.min.css"}) {
                HttpResponse<String> asset = server.send(HttpRequest.newBuilder(URI.create(server.url("/admin/assets/" + name))));
                assertEquals(200, asset.statusCode(), name);
                assertTrue(asset.body().length() > 500, name);
                String etag = asset.headers().firstValue("ETag").orElseThrow();
                assertEquals(304, server.send(HttpRequest.newBuilder(URI.create(server.url("/admin/assets/" + name)))
                        .header("If-None-Match", etag)).statusCode(), name);
            }
            assertTrue(server.send(HttpRequest.newBuilder(URI.create(server.url("/admin/assets/uPlot.iife.min.js"))))
                    .body().contains("paths"), "uPlot with its path builders");
            assertEquals(404, server.send(HttpRequest.newBuilder(URI.create(server.url("/admin/assets/..%2Fapplication.yml"))))
                    .statusCode());
        }
    }

    private TestServer start(String token) {
        Map<String, Object> properties = new HashMap<>(Map.of("corpus.path", "corpus", "corpus.watch", false,
                "index.path", work.resolve("index").toString(), "data.path", work.resolve("data").toString()));
        if (token != null) {
            properties.put("widget.admin-token", token);
        }
        return TestServer.start(properties);
    }
}
