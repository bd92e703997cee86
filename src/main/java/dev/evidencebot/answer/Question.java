package dev.evidencebot.answer;

/**
 * What a person asked, through any door.
 *
 * @param conversationId null to start a conversation; an answer's id to follow up on it
 */
public record Question(String text, String conversationId) {

    /** Longest question any door accepts; longer ones are refused before any work is done. */
    public static final int MAX_LENGTH = 2000;

    private static final java.util.regex.Pattern CONVERSATION_ID = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,100}");

    /** Conversation ids are ours (UUIDs) or a caller's opaque token: letters, digits, '-' and '_', at most 100. */
    public static boolean validConversationId(String conversationId) {
        return CONVERSATION_ID.matcher(conversationId).matches();
    }

    public static Question of(String text) {
        return new Question(text, null);
    }
}
