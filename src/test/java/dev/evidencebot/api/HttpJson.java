package dev.evidencebot.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A real HTTP client for the API tests: bytes over loopback, exactly as a caller sends them. */
final class HttpJson {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private HttpJson() {
    }

    static HttpResponse<String> post(URL base, String path, String contentType, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(URL base, String path) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode ask(URL base, String question, String conversationId) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(conversationId == null
                ? java.util.Map.of("question", question)
                : java.util.Map.of("question", question, "conversationId", conversationId));
        HttpResponse<String> response = post(base, "/api/ask", "application/json", body);
        if (response.statusCode() != 200) {
            throw new AssertionError("POST /api/ask answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
