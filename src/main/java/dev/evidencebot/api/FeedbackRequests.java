package dev.evidencebot.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evidencebot.answer.Feedback;
import io.micronaut.http.HttpRequest;

import java.time.Clock;
import java.util.Set;

/**
 * Reads a POST /api/feedback body into a {@link Feedback}, naming exactly what is wrong when it
 * cannot: wrong content type, malformed JSON, a missing answerId, an unknown rating, a comment
 * that is not text or too long, a channel this endpoint does not speak for.
 */
final class FeedbackRequests {

    static final String ANSWER_ID = "answerId";
    static final String RATING = "rating";
    static final String COMMENT = "comment";
    static final String CHANNEL = "channel";

    static final Set<String> RATINGS = Set.of("up", "down");
    // Slack feedback arrives through the Slack door, never through this endpoint.
    static final Set<String> CHANNELS = Set.of("widget", "api");
    static final int MAX_ANSWER_ID_LENGTH = 200;

    private FeedbackRequests() {
    }

    static Feedback parse(HttpRequest<?> request, byte[] body, ObjectMapper json, Clock clock) {
        JsonNode root = JsonBodies.object(request, body, json, "{\"answerId\": \"...\", \"rating\": \"up\"|\"down\"}");
        String answerId = requiredText(root, ANSWER_ID);
        if (answerId.length() > MAX_ANSWER_ID_LENGTH) {
            throw new BadRequestException(400, "\"answerId\" is " + answerId.length() + " characters; the limit is "
                    + MAX_ANSWER_ID_LENGTH);
        }
        String rating = requiredText(root, RATING);
        if (!RATINGS.contains(rating)) {
            throw new BadRequestException(400, "\"rating\" must be \"up\" or \"down\", got \"" + abbreviate(rating) + "\"");
        }
        String comment = optionalText(root, COMMENT);
        if (comment != null && comment.length() > Feedback.MAX_COMMENT_LENGTH) {
            throw new BadRequestException(400, "\"comment\" is " + comment.length() + " characters; the limit is "
                    + Feedback.MAX_COMMENT_LENGTH);
        }
        String channel = optionalText(root, CHANNEL);
        if (channel != null && !CHANNELS.contains(channel)) {
            throw new BadRequestException(400, "\"channel\" must be \"widget\" or \"api\", got \"" + abbreviate(channel) + "\"");
        }
        return new Feedback(answerId, rating, comment == null || comment.isBlank() ? null : comment,
                channel == null ? "api" : channel, clock.instant());
    }

    private static String requiredText(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw new BadRequestException(400, "\"" + field + "\" is missing");
        }
        if (!node.isTextual()) {
            throw new BadRequestException(400, "\"" + field + "\" must be a string");
        }
        if (node.asText().isBlank()) {
            throw new BadRequestException(400, "\"" + field + "\" is blank");
        }
        return JsonBodies.readable(field, node.asText());
    }

    private static String optionalText(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new BadRequestException(400, "\"" + field + "\" must be a string");
        }
        return JsonBodies.readable(field, node.asText());
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
