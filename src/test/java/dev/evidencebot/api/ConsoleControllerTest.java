package dev.evidencebot.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evidencebot.console.QuestionGenerator;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console's JSON and CSV over HTTP, on a log the generator filled (plus one question asked for real). */
class ConsoleControllerTest {

    static final String TOKEN = "console-test-token-padded-to-32-characters";
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String FORMULA_QUESTION = "=1+1, \"really\": does semax help memory?";

    @TempDir
    static Path work;

    static EmbeddedServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ApplicationContext.run(EmbeddedServer.class, Map.of("micronaut.server.port", -1,
                "corpus.path", "corpus", "index.path", work.resolve("index").toString(),
                "data.path", work.resolve("data").toString(), "widget.admin-token", TOKEN), "test");
        server.getApplicationContext().getBean(QuestionGenerator.class).generate(600, Instant.now(), 3);
        HttpResponse<String> asked = HTTP.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/api/ask"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(HttpJson.JSON.writeValueAsString(Map.of("question", FORMULA_QUESTION))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, asked.statusCode(), asked.body());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.getApplicationContext().close();
        }
    }

    @Test
    void aWrongOrMissingTokenIsUnauthorized() throws Exception {
        assertEquals(401, get("/api/admin/questions", "wrong").statusCode());
        assertEquals(401, get("/api/admin/gaps", null).statusCode());
        assertEquals(401, get("/api/admin/questions.csv", "wrong").statusCode());
    }

    @Test
    void questionsAreFilteredAndPaged() throws Exception {
        JsonNode page = json("/api/admin/questions?answered=false&door=widget&limit=5&offset=2");

        long total = page.get("total").asLong();
        assertTrue(total > 20 && total < 600, page.toString());
        assertEquals(5, page.get("items").size());
        for (JsonNode item : page.get("items")) {
            assertTrue(item.get("abstained").asBoolean(), item.toString());
            assertEquals("widget", item.get("door").asText());
            assertTrue(item.has("citations") && item.has("latencyMs") && item.has("feedback") && item.has("time"), item.toString());
        }
        JsonNode answered = json("/api/admin/questions?answered=true&limit=1");
        JsonNode cited = answered.get("items").get(0).get("citations").get(0);
        assertTrue(cited.has("article") && cited.has("reference"), cited.toString());
        assertTrue(json("/api/admin/questions").get("total").asLong() >= 600);
        assertEquals(50, json("/api/admin/questions").get("items").size(), "the default page");
    }

    @Test
    void badParametersAreRefusedSayingWhich() throws Exception {
        for (String query : new String[] {"answered=maybe", "door=fax", "limit=0", "limit=201", "offset=-1", "from=yesterday",
                "from=2026-06-02&to=2026-06-01"}) {
            HttpResponse<String> response = get("/api/admin/questions?" + query, TOKEN);
            assertEquals(400, response.statusCode(), query);
            String named = query.startsWith("from=2026") ? "to" : query.substring(0, query.indexOf('='));
            assertTrue(response.body().contains(named), response.body());
        }
        assertEquals(400, get("/api/admin/feedback?rating=meh", TOKEN).statusCode());
        assertEquals(400, get("/api/admin/overview?days=1000", TOKEN).statusCode());
    }

    @Test
    void questionsCsvQuotesCellsAndGuardsFormulas() throws Exception {
        HttpResponse<String> csv = awaitCsv("/api/admin/questions.csv?q=" + URLEncoder.encode("really", StandardCharsets.UTF_8));

        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"), csv.headers().toString());
        String[] lines = csv.body().split("\\r\\n");
        assertEquals("id,time,door,question,abstained,level,citations,latency_ms,feedback,composer,fallback_reason", lines[0]);
        assertTrue(lines[1].contains(",api,\"'=1+1, \"\"really\"\": does semax help memory?\","), lines[1]);
    }

    @Test
    void feedbackIsListedAndExportedAsCsv() throws Exception {
        JsonNode down = json("/api/admin/feedback?rating=down&limit=3");
        assertTrue(down.get("total").asLong() > 0, down.toString());
        assertEquals("down", down.get("items").get(0).get("rating").asText());

        HttpResponse<String> csv = get("/api/admin/feedback.csv?rating=down", TOKEN);
        assertEquals(200, csv.statusCode());
        assertEquals("answer_id,time,door,rating,comment,question", csv.body().split("\\r\\n")[0]);
        assertEquals(down.get("total").asLong() + 1, csv.body().split("\\r\\n").length);
    }

    @Test
    void gapsAndWeakEvidenceAreClustersLargestFirst() throws Exception {
        for (String path : new String[] {"/api/admin/gaps", "/api/admin/weak-evidence"}) {
            JsonNode clusters = json(path).get("clusters");
            assertTrue(clusters.size() >= 2, clusters.toString());
            long previous = Long.MAX_VALUE;
            for (JsonNode cluster : clusters) {
                assertTrue(cluster.get("count").asLong() <= previous, clusters.toString());
                previous = cluster.get("count").asLong();
                assertTrue(cluster.get("examples").size() >= 1 && cluster.has("firstSeen") && cluster.has("lastSeen"));
            }
        }
    }

    @Test
    void theOverviewHasADayPerDayAndTheThumbs() throws Exception {
        JsonNode overview = json("/api/admin/overview?days=7");

        assertEquals(7, overview.get("perDay").size());
        long questions = 0;
        for (JsonNode day : overview.get("perDay")) {
            assertEquals(day.get("questions").asLong(), day.get("answered").asLong() + day.get("abstained").asLong());
            questions += day.get("questions").asLong();
        }
        assertTrue(questions > 0 && questions < 601, overview.toString());
        overview = json("/api/admin/overview?days=90");
        assertTrue(overview.get("levels").size() > 3, overview.toString());
        assertTrue(overview.get("thumbsUp").asLong() + overview.get("thumbsDown").asLong() > 0, overview.toString());
    }

    /** The asked question reaches the log within the writer's flush interval. */
    private static HttpResponse<String> awaitCsv(String path) throws Exception {
        HttpResponse<String> response = get(path, TOKEN);
        for (int i = 0; i < 50 && response.body().split("\\r\\n").length < 2; i++) {
            Thread.sleep(100);
            response = get(path, TOKEN);
        }
        return response;
    }

    private static JsonNode json(String path) throws Exception {
        HttpResponse<String> response = get(path, TOKEN);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return HttpJson.JSON.readTree(response.body());
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
