package dev.evidencebot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `ingest` on the command line: options, the printed and JSON reports, the exit status. */
class IngestCommandTest {

    private HttpServer server;
    private String base;

    @TempDir
    Path corpus;

    @BeforeEach
    void startSite() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String type = path.endsWith(".xml") ? "application/xml" : "text/html; charset=utf-8";
            String body = switch (path) {
                case "/sitemap.xml" -> "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                        + "<url><loc>" + base + "/articles/caffeine-sleep</loc></url>"
                        + "<url><loc>" + base + "/gone</loc></url></urlset>";
                case "/articles/caffeine-sleep" -> "<html><body><p>Caffeine delays sleep.</p></body></html>";
                default -> null;
            };
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopSite() {
        server.stop(0);
    }

    @Test
    void theReportNamesEachUrlAndWhatHappenedToIt() throws Exception {
        Result result = run("ingest", "--sitemap", base + "/sitemap.xml", "--corpus", corpus.toString(), "--delay", "0");

        assertEquals(0, result.status(), result.err());
        assertTrue(result.out().contains("fetched   " + base + "/articles/caffeine-sleep -> 127.0.0.1_"
                + server.getAddress().getPort() + "/articles/caffeine-sleep.html"), result.out());
        assertTrue(result.out().contains("failed    " + base + "/gone (HTTP 404)"), result.out());
        assertTrue(result.out().contains("1 fetched, 0 unchanged, 0 skipped, 0 removed, 1 failed"), result.out());
    }

    @Test
    void jsonCarriesTheSameReport() throws Exception {
        Result result = run("ingest", base + "/articles/caffeine-sleep", "--corpus", corpus.toString(), "--delay", "0", "--json");

        JsonNode report = new ObjectMapper().readTree(result.out());
        assertEquals(0, result.status(), result.err());
        assertTrue(report.get("sitemap").isNull());
        assertEquals("FETCHED", report.at("/pages/0/outcome").asText());
        assertEquals(base + "/articles/caffeine-sleep", report.at("/pages/0/url").asText());
        assertEquals(1, report.at("/counts/FETCHED").asInt());
        assertTrue(Files.exists(corpus.resolve(report.at("/pages/0/file").asText())));
    }

    @Test
    void anUnreachableSitemapExitsNonZeroWithoutAStackTrace() {
        Result result = run("ingest", "--sitemap", base + "/no-sitemap.xml", "--corpus", corpus.toString(), "--delay", "0");

        assertEquals(1, result.status());
        assertTrue(result.out().contains("nothing done: sitemap " + base + "/no-sitemap.xml could not be read: HTTP 404"),
                result.out());
        assertFalse((result.out() + result.err()).contains("\tat "), "no stack trace");
    }

    @Test
    void neitherSitemapNorPagesIsAUsageError() {
        Result result = run("ingest", "--corpus", corpus.toString());

        assertEquals(2, result.status());
        assertTrue(result.err().startsWith("ingest needs either --sitemap URL or one or more page URLs"), result.err());
    }

    @Test
    void aNegativeDelayIsAUsageError() {
        Result result = run("ingest", base + "/x", "--delay", "-1");

        assertEquals(2, result.status());
        assertTrue(result.err().startsWith("--delay takes seconds (0 or more): -1"), result.err());
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Result(int status, String out, String err) {
    }
}
