package dev.evidencebot.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evidencebot.answer.Question;
import io.micronaut.http.HttpRequest;

/**
 * Reads an ask request's raw body into a {@link Question}, naming exactly what is wrong when it
 * cannot: wrong content type, invalid UTF-8, malformed JSON, a missing, blank, mistyped, too-long
 * or unreadable (control characters) question.
 * Parsing here rather than by framework binding is what lets every refusal say why.
 */
final class AskRequests {

    private AskRequests() {
    }

    /**
     * @param door   the door this endpoint is; the widget says so with {@code "channel": "widget"}
     * @param client who asked, from {@link ClientAddresses}: the question log's client key
     */
    static Question parse(HttpRequest<?> request, byte[] body, ObjectMapper json, String door, String client) {
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
        JsonBodies.readable("question", question.asText());
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
        String key = ClientAddresses.UNKNOWN.equals(client) ? null : client; // the log keeps no key rather than a shared one
        return new Question(question.asText(), conversationId, new Question.Origin(from, key));
    }
}
