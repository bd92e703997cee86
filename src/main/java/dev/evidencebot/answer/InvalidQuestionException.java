package dev.evidencebot.answer;

/** A question no door should have let through: blank, too long, or with a malformed conversation id. */
public final class InvalidQuestionException extends IllegalArgumentException {

    public InvalidQuestionException(String message) {
        super(message);
    }
}
