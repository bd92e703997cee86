package dev.evidencebot.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST /api/ask/stream: the answer arrives as delta events, then citations, then done. */
@MicronautTest
class AskStreamControllerTest {

    @Inject
    EmbeddedServer server;

    @Test
    void theStreamedPiecesAddUpToTheAnswerAndEndWithCitationsAndDone() throws Exception {
        HttpResponse<String> response = HttpJson.post(server.getURL(), "/api/ask/stream", "application/json",
                "{\"question\": \"Does Semax reduce anxiety?\"}");

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        List<String[]> events = parse(response.body());
        List<String> names = events.stream().map(event -> event[0]).toList();
        assertEquals("done", names.get(names.size() - 1), "last event: " + events.get(events.size() - 1)[1]);
        assertEquals("citations", names.get(names.size() - 2));
        assertTrue(names.subList(0, names.size() - 2).stream().allMatch("delta"::equals), names.toString());
        assertTrue(names.size() >= 4, "the answer came in several pieces: " + names);

        StringBuilder streamed = new StringBuilder();
        for (String[] event : events.subList(0, events.size() - 2)) {
            streamed.append(HttpJson.JSON.readTree(event[1]).get("text").asText());
        }
        JsonNode done = HttpJson.JSON.readTree(events.get(events.size() - 1)[1]);
        assertEquals(done.get("answer").asText(), streamed.toString());
        JsonNode citations = HttpJson.JSON.readTree(events.get(events.size() - 2)[1]);
        assertEquals(done.get("citations"), citations);
        assertTrue(citations.size() > 0);
    }

    /** Server-Sent Events as [name, data] pairs. */
    static List<String[]> parse(String body) {
        List<String[]> events = new ArrayList<>();
        String name = "message";
        StringBuilder data = new StringBuilder();
        for (String line : body.split("\n", -1)) {
            if (line.isEmpty()) {
                if (!data.isEmpty()) {
                    events.add(new String[]{name, data.toString()});
                }
                name = "message";
                data.setLength(0);
            } else if (line.startsWith("event:")) {
                name = line.substring("event:".length()).strip();
            } else if (line.startsWith("data:")) {
                if (!data.isEmpty()) {
                    data.append('\n');
                }
                data.append(line.substring("data:".length()).stripLeading());
            }
        }
        if (!data.isEmpty()) {
            events.add(new String[]{name, data.toString()});
        }
        return events;
    }
}
