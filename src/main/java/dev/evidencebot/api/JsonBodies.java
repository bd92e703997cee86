package dev.evidencebot.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;

import java.util.Optional;

/**
 * The first steps of reading any JSON request body, with refusals that name the problem: the
 * content type, an empty body, malformed JSON, something other than an object.
 */
final class JsonBodies {

    private JsonBodies() {
    }

    /**
     * @param shape what the body should look like, for the messages ({"question": "..."})
     */
    static JsonNode object(HttpRequest<?> request, String body, ObjectMapper json, String shape) {
        Optional<MediaType> contentType = request.getContentType();
        if (contentType.isEmpty() || !contentType.get().getName().equalsIgnoreCase(MediaType.APPLICATION_JSON)) {
            throw new BadRequestException(415, "Content-Type must be application/json, got "
                    + contentType.map(MediaType::toString).orElse("none"));
        }
        if (body == null || body.isBlank()) {
            throw new BadRequestException(400, "request body is empty; send " + shape);
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BadRequestException(400, "malformed JSON: " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        }
        if (root == null || !root.isObject()) {
            throw new BadRequestException(400, "request body must be a JSON object: " + shape);
        }
        return root;
    }
}
