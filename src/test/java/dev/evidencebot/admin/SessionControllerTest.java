package dev.evidencebot.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evidencebot.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Signing in to /admin over HTTP: the cookie's flags, and what a cookie may and may not do (CSRF). */
class SessionControllerTest {

    static final String TOKEN = "admin-session-test-token-padded-to-32-characters";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;

    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("corpus.path", "corpus", "corpus.watch", false,
                "index.path", work.resolve("index").toString(), "data.path", work.resolve("data").toString(),
                "widget.admin-token", TOKEN));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aWrongTokenIsUnauthorizedAndSetsNoCookie() {
        HttpResponse<String> response = signIn("not-the-token", Map.of());

        assertEquals(401, response.statusCode(), response.body());
        assertTrue(response.headers().allValues("Set-Cookie").isEmpty(), response.headers().toString());
        assertEquals(401, signIn("", Map.of()).statusCode());
    }

    @Test
    void theRightTokenSetsAnHttpOnlyStrictSessionCookieThatIsNotTheToken() throws Exception {
        HttpResponse<String> response = signIn(TOKEN, Map.of());

        assertEquals(200, response.statusCode(), response.body());
        String cookie = setCookie(response);
        List<String> attributes = List.of(cookie.toLowerCase().split(";\\s*"));
        assertTrue(attributes.contains("httponly"), cookie);
        assertTrue(attributes.contains("samesite=strict"), cookie);
        assertTrue(attributes.contains("path=/"), cookie);
        assertTrue(attributes.stream().anyMatch(attribute -> attribute.startsWith("max-age=")), cookie);
        assertFalse(attributes.contains("secure"), "plain http on loopback: " + cookie);
        assertFalse(cookie.contains(TOKEN), cookie);
        assertTrue(JSON.readTree(response.body()).get("csrfToken").asText().length() >= 40, response.body());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
    }

    @Test
    void behindAnHttpsProxyTheCookieIsSecure() {
        String cookie = setCookie(signIn(TOKEN, Map.of("X-Forwarded-Proto", "https")));

        assertTrue(List.of(cookie.toLowerCase().split(";\\s*")).contains("secure"), cookie);
    }

    @Test
    void aPlainFormSignInLandsBackOnThePage() {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(URI.create(server.url("/admin/session")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + TOKEN)));

        assertEquals(303, response.statusCode(), response.body());
        assertEquals("/admin", response.headers().firstValue("Location").orElse(""));
        assertTrue(setCookie(response).startsWith("evidence_admin="));
    }

    @Test
    void theCookieReadsTheConsoleDataAndTheSessionEndpoint() throws Exception {
        Session session = Session.signIn();

        HttpResponse<String> overview = session.get("/api/admin/overview?days=7");
        assertEquals(200, overview.statusCode(), overview.body());
        assertEquals(7, JSON.readTree(overview.body()).get("perDay").size());
        assertEquals("no-store", overview.headers().firstValue("Cache-Control").orElse(""));
        assertEquals(200, session.get("/api/admin/questions.csv").statusCode());

        JsonNode current = JSON.readTree(session.get("/admin/session").body());
        assertEquals(session.csrf, current.get("csrfToken").asText());
        assertEquals(401, get("/admin/session", Map.of()).statusCode(), "no cookie, not signed in");
    }

    @Test
    void anUnknownCookieIsUnauthorized() {
        HttpResponse<String> response = get("/api/admin/overview", Map.of("Cookie", "evidence_admin=made-up"));

        assertEquals(401, response.statusCode());
        assertTrue(response.body().contains("sign in again"), response.body());
    }

    @Test
    void aCookieWithoutTheCsrfHeaderCannotPost() {
        Session session = Session.signIn();

        assertEquals(403, session.post("/api/admin/reindex", Map.of()).statusCode(), "no CSRF header");
        assertEquals(403, session.post("/api/admin/reindex", Map.of("X-CSRF-Token", "guessed")).statusCode(), "a wrong one");
        assertEquals(403, session.post("/admin/session/sign-out", Map.of()).statusCode(), "sign-out too");
        assertEquals(200, session.get("/api/admin/overview").statusCode(), "the session is still there");
    }

    @Test
    void aCookieWithTheCsrfHeaderIsStillRefusedFromAnotherSite() {
        Session session = Session.signIn();

        // (the widget's origin filter refuses a foreign Origin on /api/** as well; Sec-Fetch-Site below is ours alone)
        HttpResponse<String> fromElsewhere = session.post("/api/admin/reindex",
                Map.of("X-CSRF-Token", session.csrf, "Origin", "https://evil.example"));
        assertEquals(403, fromElsewhere.statusCode(), fromElsewhere.body());
        assertEquals(403, session.post("/api/admin/reindex",
                Map.of("X-CSRF-Token", session.csrf, "Sec-Fetch-Site", "cross-site")).statusCode());
        assertEquals(403, session.post("/api/admin/reindex",
                Map.of("X-CSRF-Token", session.csrf, "Sec-Fetch-Site", "same-site")).statusCode(), "a sibling subdomain");
    }

    @Test
    void aCookieWithTheCsrfHeaderFromThePageMayPost() {
        Session session = Session.signIn();
        String origin = server.url("");

        HttpResponse<String> reindex = session.post("/api/admin/reindex",
                Map.of("X-CSRF-Token", session.csrf, "Origin", origin, "Sec-Fetch-Site", "same-origin"));

        assertEquals(202, reindex.statusCode(), reindex.body());
    }

    @Test
    void theBearerTokenNeedsNoCsrfHeader() {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(URI.create(server.url("/api/admin/reindex")))
                .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.noBody()));

        assertEquals(202, response.statusCode(), response.body());
    }

    @Test
    void signingInFromAnotherSiteIsRefused() {
        HttpResponse<String> byOrigin = signIn(TOKEN, Map.of("Origin", "https://evil.example"));
        HttpResponse<String> byFetchSite = signIn(TOKEN, Map.of("Sec-Fetch-Site", "cross-site"));

        assertEquals(403, byOrigin.statusCode(), byOrigin.body());
        assertEquals(403, byFetchSite.statusCode(), byFetchSite.body());
        assertTrue(byOrigin.headers().allValues("Set-Cookie").isEmpty());
        assertEquals(200, signIn(TOKEN, Map.of("Origin", server.url(""), "Sec-Fetch-Site", "same-origin")).statusCode(),
                "the page's own sign-in");
    }

    @Test
    void signingOutEndsTheSessionAndClearsTheCookie() {
        Session session = Session.signIn();

        HttpResponse<String> signedOut = session.post("/admin/session/sign-out", Map.of("X-CSRF-Token", session.csrf));

        assertEquals(204, signedOut.statusCode(), signedOut.body());
        String cleared = setCookie(signedOut).toLowerCase();
        assertTrue(cleared.startsWith("evidence_admin=;") && cleared.contains("max-age=0"), cleared);
        assertEquals(401, session.get("/api/admin/overview").statusCode(), "the old cookie no longer works");
        assertEquals(401, session.get("/admin/session").statusCode());
    }

    @Test
    void deleteAlsoSignsOut() {
        Session session = Session.signIn();

        HttpResponse<String> deleted = server.send(HttpRequest.newBuilder(URI.create(server.url("/admin/session")))
                .header("Cookie", session.cookie).header("X-CSRF-Token", session.csrf).DELETE());

        assertEquals(204, deleted.statusCode(), deleted.body());
        assertEquals(401, session.get("/api/admin/overview").statusCode());
    }

    static HttpResponse<String> signIn(String token, Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url("/admin/session")))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("token", token))));
            headers.forEach(request::header);
            return server.send(request);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path))).GET();
        headers.forEach(request::header);
        return server.send(request);
    }

    static String setCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith("evidence_admin="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie in " + response.headers()));
    }

    /** A signed-in client: the cookie it got, sent back as a browser would, and the CSRF token it was told. */
    record Session(String cookie, String csrf) {

        static Session signIn() {
            HttpResponse<String> response = SessionControllerTest.signIn(TOKEN, Map.of());
            assertEquals(200, response.statusCode(), response.body());
            try {
                String cookie = setCookie(response).split(";")[0];
                assertNotEquals("evidence_admin=", cookie);
                return new Session(cookie, JSON.readTree(response.body()).get("csrfToken").asText());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        HttpResponse<String> get(String path) {
            return SessionControllerTest.get(path, Map.of("Cookie", cookie));
        }

        HttpResponse<String> post(String path, Map<String, String> headers) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path))).header("Cookie", cookie)
                    .POST(HttpRequest.BodyPublishers.noBody());
            headers.forEach(request::header);
            return server.send(request);
        }
    }
}
