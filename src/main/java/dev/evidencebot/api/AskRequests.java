package dev.evidencebot.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evidencebot.answer.Question;
import io.micronaut.http.HttpRequest;

/**
 * Reads an ask request's raw body into a {@link Question}, naming exactly what is wrong when it
 * cannot: wrong content type, malformed JSON, a missing, blank, mistyped or too-long question.
 * Parsing here rather than by framework binding is what lets every refusal say why.
 */
final class AskRequests {

    private AskRequests() {
    }

    static Question parse(HttpRequest<?> request, String body, ObjectMapper json) {
        return parse(request, body, json, "api");
    }

    /**
     * @param door the door this endpoint is; the widget says so with {@code "channel": "widget"}.
     *             The client key is the peer's IP address (forwarding headers are anyone's to forge).
     */
    static Question parse(HttpRequest<?> request, String body, ObjectMapper json, String door) {
        JsonNode root = JsonBodies.object(request, body, json, "{\"question\": \"...\"}");
        JsonNode question = root.get("question");
        if (question == null || question.isNull()) {
            throw new BadRequestException(400, "\"question\" is missing");
        }
        if (!question.isTextual()) {
            throw new BadRequestException(400, "\"question\" must be a string");
        }
        if (question.asText().isBlank()) {
            throw new BadRequestException(400, "\"question\" is blank");
        }
        if (question.asText().length() > Question.MAX_LENGTH) {
            throw new BadRequestException(400, "\"question\" is " + question.asText().length()
                    + " characters; the limit is " + Question.MAX_LENGTH);
        }
        JsonNode conversation = root.get("conversationId");
        if (conversation != null && !conversation.isNull() && !conversation.isTextual()) {
            throw new BadRequestException(400, "\"conversationId\" must be a string");
        }
        String conversationId = conversation == null || conversation.isNull() || conversation.asText().isBlank()
                ? null : conversation.asText();
        if (conversationId != null && !Question.validConversationId(conversationId)) {
            throw new BadRequestException(400, "\"conversationId\" must be 1-100 letters, digits, '-' or '_'");
        }
        JsonNode channel = root.get("channel");
        String from = channel != null && "widget".equals(channel.asText()) ? "widget" : door;
        return new Question(question.asText(), conversationId, new Question.Origin(from, clientAddress(request)));
    }

    private static String clientAddress(HttpRequest<?> request) {
        try {
            return request.getRemoteAddress().getAddress().getHostAddress();
        } catch (RuntimeException e) {
            return null; // unresolved peer: the answer matters, who asked does not
        }
    }
}
