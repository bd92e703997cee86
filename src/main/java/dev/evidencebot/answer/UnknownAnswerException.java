package dev.evidencebot.answer;

/** Feedback named an answer this system never gave (or has long forgotten). */
public final class UnknownAnswerException extends RuntimeException {

    public UnknownAnswerException(String answerId) {
        super("no answer with id \"" + answerId + "\"");
    }
}
