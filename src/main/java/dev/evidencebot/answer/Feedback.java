package dev.evidencebot.answer;

import java.time.Instant;

/**
 * A reader's verdict on one answer, from whichever door they used.
 *
 * @param answerId the {@link Answer#id()} rated
 * @param rating   "up" or "down"
 * @param comment  optional free text, may be null
 * @param channel  the door it came through: "widget", "slack", "api"
 */
public record Feedback(String answerId, String rating, String comment, String channel, Instant at) {

    /** Longest comment kept; longer ones are refused by the doors. */
    public static final int MAX_COMMENT_LENGTH = 2000;
}
