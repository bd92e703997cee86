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
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The admin token is long enough not to be guessed, and guessing it is throttled anyway. */
class AdminTokenTest {

    static final String TOKEN = "an-admin-token-long-enough-to-pass-32";

    @TempDir
    Path work;

    @Test
    void aTokenShorterThan32CharactersStopsTheStartNamingTheSetting() {
        Exception refused = assertThrows(Exception.class, () -> ApplicationContext.run(EmbeddedServer.class, Map.of(
                "widget.admin-token", "s3cret", "corpus.path", "corpus", "index.path", work.resolve("index").toString(),
                "data.path", work.resolve("data").toString()), "test").close());
        Throwable cause = refused;
        while (cause.getCause() != null && !cause.getMessage().contains("ADMIN_TOKEN")) {
            cause = cause.getCause();
        }
        assertTrue(cause.getMessage().contains("widget.admin-token (ADMIN_TOKEN) must be at least 32 characters"),
                refused.toString());
    }

    @Test
    void repeatedWrongTokensAreThrottledAndSoIsTheRightOneFromThatClient() throws Exception {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "widget.admin-token", TOKEN, "corpus.path", "corpus", "index.path", work.resolve("index").toString(),
                "data.path", work.resolve("data").toString()), "test")) {
            HttpClient client = HttpClient.newHttpClient();
            for (int i = 0; i < SignInLimiter.MAX_FAILURES; i++) {
                assertEquals(401, overview(client, server, "wrong-token-" + i).statusCode());
            }

            HttpResponse<String> throttled = overview(client, server, "wrong-token-again");
            assertEquals(429, throttled.statusCode(), throttled.body());
            assertTrue(throttled.headers().firstValue("Retry-After").isPresent());
            assertEquals(429, overview(client, server, TOKEN).statusCode(), "no more guesses from there, right or wrong");
        }
    }

    @Test
    void toStringHidesTheAdminToken() {
        AdminToken token = new AdminToken(TOKEN, null, null, null);

        assertTrue(!token.toString().contains(TOKEN), token.toString());
        assertEquals("AdminToken[***]", token.toString());
        assertEquals("AdminToken[none]", new AdminToken("", null, null, null).toString());
    }

    private static HttpResponse<String> overview(HttpClient client, EmbeddedServer server, String token) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/api/admin/overview"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }
}
