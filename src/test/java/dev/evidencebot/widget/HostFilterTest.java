package dev.evidencebot.widget;

import dev.evidencebot.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * DNS rebinding: a page on rebind.evil.com whose name resolves to this server must not be "same
 * origin" with it. Raw requests, because an HTTP client will not let a test choose the Host header.
 */
class HostFilterTest {

    static final String QUESTION = "{\"question\":\"Does Semax reduce anxiety?\"}";

    @TempDir
    static Path work;

    static TestServer loopbackOnly;
    static TestServer published;

    @BeforeAll
    static void start() {
        Map<String, Object> common = Map.of("corpus.path", "corpus", "index.path", work.resolve("index").toString(),
                "data.path", work.resolve("data").toString());
        loopbackOnly = TestServer.start(common);
        java.util.Map<String, Object> withPublic = new java.util.HashMap<>(common);
        withPublic.put("server.public-origins", "https://bot.example.org");
        published = TestServer.start(withPublic);
    }

    @AfterAll
    static void stop() {
        for (TestServer server : new TestServer[] {loopbackOnly, published}) {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    void aRebindingPageIsRefusedBeforeAnyOriginCheck() throws IOException {
        String response = post(loopbackOnly, "rebind.evil.com", "http://rebind.evil.com");

        assertTrue(response.startsWith("HTTP/1.1 421"), response);
        assertFalse(response.toLowerCase().contains("access-control-allow-origin"), response);
        assertTrue(response.contains("server.public-origins"), response);
    }

    @Test
    void loopbackNamesAndAddressesAreServedAsBefore() throws IOException {
        int port = URI.create(loopbackOnly.url("/")).getPort();
        for (String host : new String[] {"localhost:" + port, "127.0.0.1:" + port, "[::1]:" + port}) {
            String response = post(loopbackOnly, host, null);
            assertTrue(response.startsWith("HTTP/1.1 200"), host + ": " + response);
        }
        assertTrue(get(loopbackOnly, null).startsWith("HTTP/1.0 200") || get(loopbackOnly, null).startsWith("HTTP/1.1 200"),
                "no Host at all: a balancer's health check, not a browser");
    }

    @Test
    void aPublicOriginIsServedAndItsOwnPagesAreSameOriginButLocalhostPagesNoLonger() throws IOException {
        String own = post(published, "bot.example.org", "https://bot.example.org");
        assertTrue(own.startsWith("HTTP/1.1 200"), own);

        String otherName = post(published, "intranet-bot.corp", null);
        assertTrue(otherName.startsWith("HTTP/1.1 421"), otherName);

        int port = URI.create(published.url("/")).getPort();
        String localPage = post(published, "127.0.0.1:" + port, "http://localhost:3000");
        assertTrue(localPage.startsWith("HTTP/1.1 403"), "the localhost default applies only without a public origin: " + localPage);
    }

    @Test
    void aPublicOriginMustBeAnHttpOrigin() {
        assertThrows(IllegalArgumentException.class, () -> PublicHosts.parse("bot.example.org"));
        assertThrows(IllegalArgumentException.class, () -> PublicHosts.parse("ftp://bot.example.org"));
        assertEquals(true, PublicHosts.parse("https://bot.example.org/").allows("BOT.example.org:443"));
        assertEquals(false, PublicHosts.parse("https://bot.example.org").allows("bot.example.org:8443"));
        assertEquals(false, PublicHosts.parse("").allows("127.0.0.1.nip.io"), "a name is loopback only if it is localhost");
    }

    private static String post(TestServer server, String host, String origin) throws IOException {
        byte[] body = QUESTION.getBytes(StandardCharsets.UTF_8);
        String request = "POST /api/ask HTTP/1.1\r\nHost: " + host + "\r\n"
                + (origin == null ? "" : "Origin: " + origin + "\r\n")
                + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        return exchange(server, request.getBytes(StandardCharsets.US_ASCII), body);
    }

    private static String get(TestServer server, String host) throws IOException {
        String request = host == null ? "GET /health HTTP/1.0\r\n\r\n" : "GET /health HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n";
        return exchange(server, request.getBytes(StandardCharsets.US_ASCII), new byte[0]);
    }

    private static String exchange(TestServer server, byte[] head, byte[] body) throws IOException {
        URI uri = URI.create(server.url("/"));
        try (Socket socket = new Socket("127.0.0.1", uri.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head);
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
