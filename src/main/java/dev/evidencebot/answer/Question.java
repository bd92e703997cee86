package dev.evidencebot.answer;

/**
 * What a person asked, through any door.
 *
 * @param conversationId null to start a conversation; an answer's id to follow up on it
 */
public record Question(String text, String conversationId) {

    /** Longest question any door accepts; longer ones are refused before any work is done. */
    public static final int MAX_LENGTH = 2000;

    public static Question of(String text) {
        return new Question(text, null);
    }
}
